from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.roles import is_administrator


@never_cache
@require_GET
def health(request):
    """Load balancer check: 200 when the app can reach its database, 503 when it can't."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
