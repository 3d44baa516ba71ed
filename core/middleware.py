import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render, resolve_url
from django.template.loader import render_to_string

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
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    """Strict CSP and permissions policy on public pages. The Wagtail admin needs inline styles."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not request.path.startswith(("/admin/", "/django-admin/")):
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


DATABASE_ERRORS = (OperationalError, InterfaceError)


def _note_database_error(sender, request=None, **kwargs):
    """Django turns an error raised in a middleware into a 500 before outer middleware sees it."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_unavailable = True


def _has_nul_character(request):
    values = (value for _key, values in request.GET.lists() for value in values)
    return "\x00" in request.path or any("\x00" in value for value in values)


class DatabaseUnavailableMiddleware:
    """When the database is down, say 'please try again' with a 503, never a stack trace.

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
