import base64
import hashlib
import json
import logging
import re
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render, resolve_url
from django.template.loader import render_to_string
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.accounts import has_authenticator, mfa_required_for

logger = logging.getLogger(__name__)

# No inline script or style anywhere: every script and stylesheet is a file we serve.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# The Wagtail admin's policy, found by using every admin screen in Chromium with it report-only
# (issue #20); tests/browser/test_admin_csp.py walks them with it enforced. What it relaxes:
# - script-src: the inline <script> with which a Wagtail widget still starts itself (a chooser,
#   a date picker, an inline panel), allowed by its hash in that response only
#   (`widget_script_hashes`); and wagtail-localize's two fixed scripts, by hash: the translation
#   editor's chooser URLs and the "Translate" form's "select all". No 'unsafe-inline' or
#   'unsafe-eval'.
# - script-src-attr: one no-op handler, by hash: Jcrop's feature test on the image focal point
#   sets `ontouchstart="return;"`.
# - style-src-elem 'unsafe-inline': Draftail adds <style> elements for its placeholders and list
#   nesting. Style attributes stay blocked.
# - img-src blob: the thumbnails of images being uploaded.
# - connect-src: the dashboard's check for a new Wagtail release.
# - frame-ancestors 'self' only on previews, which the editor frames (Wagtail sends
#   X-Frame-Options: SAMEORIGIN on them); 'none' everywhere else, as DENY says.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'report-sample'"
        " 'sha256-lLVZz8vyF0vCZL3ZQcc+U/kumGW1SlEfDpwWrXLLSRw='"
        " 'sha256-Zi6020hVNJQUtMOgLuIImaOaART6TyIrghPC9PESpjg='",
        "script-src-attr 'unsafe-hashes' 'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='",
        "style-src 'self' 'report-sample'",
        "style-src-elem 'self' 'unsafe-inline' 'report-sample'",
        "img-src 'self' blob:",
        "font-src 'self'",
        "connect-src 'self' https://releases.wagtail.org",
        "form-action 'self'",
        "frame-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
ADMIN_PATHS = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# The inline scripts Wagtail's widgets write: one call, its arguments all JSON (checked by
# parsing them), so a script smuggled into a page, in a resident's comment say, gets no hash.
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
_WIDGET_CALL = re.compile(
    rb"(?:new (?:Page|Image|Document|Snippet|)Chooser|createTaskChooser"
    rb"|init(?:Date|Time|DateTime)Chooser)\((.*)\);",
    re.DOTALL,
)
_PANEL_CALL = re.compile(
    rb"\s*\(function\(\) \{\s*var panel = new (?:Inline|MultipleChooser)Panel"
    rb'\(JSON\.parse\(("(?:[^"\\\n]|\\.)*")\)\);\s*\}\)\(\);\s*'
)


class SecurityHeadersMiddleware:
    """A strict CSP on public pages, the admin's own on /admin/, and a permissions policy.

    `ADMIN_CSP_REPORT_ONLY` sends the admin's as Content-Security-Policy-Report-Only instead,
    to find out what a change to the admin (or a Wagtail upgrade) would break before enforcing it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.path.startswith(ADMIN_PATHS):
            # A preview is the page served as the public would see it, so it comes with the
            # public policy; in the editor's preview panel it must be framed.
            del response["Content-Security-Policy"]
            response[admin_policy_header()] = admin_policy(response)
        else:
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


def admin_policy_header():
    if settings.ADMIN_CSP_REPORT_ONLY:
        return "Content-Security-Policy-Report-Only"
    return "Content-Security-Policy"


def admin_policy(response):
    policy = ADMIN_CONTENT_SECURITY_POLICY
    if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
        policy = policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
    hashes = "".join(f" '{value}'" for value in widget_script_hashes(response))
    return policy.replace("script-src 'self'", f"script-src 'self'{hashes}", 1)


def widget_script_hashes(response):
    """The CSP hashes of the inline scripts in this HTML response that only start a widget."""
    is_html = response.get("Content-Type", "").startswith("text/html")
    if response.streaming or not is_html:
        return []
    scripts = _INLINE_SCRIPT.findall(response.content)
    return sorted({script_hash(script) for script in scripts if _starts_a_widget(script)})


def _starts_a_widget(script):
    call = _WIDGET_CALL.fullmatch(script)
    panel = _PANEL_CALL.fullmatch(script)
    try:
        if call:
            json.loads(b"[" + call[1] + b"]")
        elif panel:
            json.loads(panel[1])
        return bool(call or panel)
    except ValueError:
        return False


def script_hash(script):
    return "sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode()


# The database, or the shared cache (Redis): the site reads its settings, the rate limits and
# the confirmation pages from the cache, so without it every page is "please try again" too.
DATABASE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def _note_database_error(sender, request=None, **kwargs):
    """Django turns an error raised in a middleware into a 500 before outer middleware sees it."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_unavailable = True


def _has_nul_character(request):
    values = (value for _key, values in request.GET.lists() for value in values)
    return "\x00" in request.path or any("\x00" in value for value in values)


class DatabaseUnavailableMiddleware:
    """When the database or the cache is down, say 'please try again' with a 503, never a
    stack trace.

    Covers errors raised in views (`process_exception`) and in any middleware below this one,
    such as loading the session or Wagtail's redirect lookup (via `got_request_exception`).
    Also turns away, with a 400, addresses holding a NUL character: PostgreSQL can't compare
    text containing one, so the first lookup (a page, a receipt, a redirect) would fail.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_note_database_error, dispatch_uid="database_unavailable")

    def __call__(self, request):
        if _has_nul_character(request):
            return HttpResponseBadRequest(render_to_string("400.html", request=None))
        response = self.get_response(request)
        if response.status_code >= 500 and getattr(request, "database_unavailable", False):
            return self.unavailable()
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        return self.unavailable()

    @staticmethod
    def unavailable():
        logger.error("Database unavailable", extra={"status_code": 503})
        # Rendered without the request: its context processors would query the database again.
        body = render_to_string("503.html", request=None)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response


class MfaRequiredMiddleware:
    """Staff and staff roles can do nothing until they have set up an authenticator app (TOTP).

    Only the account pages (to set it up or sign out), static files and the health check are open
    to them before then. Applies in every environment; see docs/roles-and-permissions.md.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):

        exempt = ("/accounts/", settings.STATIC_URL, settings.MEDIA_URL, "/healthz")
        user = getattr(request, "user", None)
        if (
            user is not None
            and not request.path.startswith(exempt)
            and mfa_required_for(user)
            and not has_authenticator(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class AdminAccessMiddleware:
    """Someone signed in without access to the staff admin (a board member) gets a page saying
    so, with a link to their board, instead of Wagtail sending them to sign in again, which
    sends them back: an endless loop."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        open_paths = ("/admin/login/", "/admin/logout/")
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(open_paths)
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            context = {"member_home": resolve_url(settings.MEMBER_HOME_URL)}
            return render(request, "admin_no_access.html", context, status=403)
        return self.get_response(request)
