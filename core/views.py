import mimetypes
from functools import wraps

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.roles import is_administrator
from core.storage import is_public_media


@never_cache
@require_GET
def health(request):
    """Load balancer check: 200 when the app reaches its database and its cache, else 503.
    No sign-in and no data: only "ok" or "error" for each."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = {name: "ok" if ok else "error" for name, ok in checks.items()}
    if all(checks.values()):
        return JsonResponse({"status": "ok", **body})
    return JsonResponse({"status": "unavailable", **body}, status=503)


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return False
    return True


def _cache_ok():
    try:
        cache.set("core:healthz", "ok", timeout=30)
        return cache.get("core:healthz") == "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return False


@require_GET
def media(request, name):
    """Wagtail's images from the shared storage (core.storage); papers and other files never."""
    if not is_public_media(name):
        raise Http404
    try:
        file = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response


def not_mounted(request, *args, **kwargs):
    """A URL a library mounts that this site must not offer (answers 404)."""
    raise Http404


def administrators_only(view):
    """For a library's view this site narrows to administrators (Wagtail's site history shows
    who read which unredacted comment, safeguarding leads included)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_authenticated and is_administrator(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
