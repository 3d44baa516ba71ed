"""Flood protection without CAPTCHAs (they exclude disabled people).

Counts submissions per client in the shared cache under a salted, daily-rotating hash of the
client address. The hash is never stored with a response, and the address itself is never kept.
"""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache


def _client_key(request, today=None):
    address = request.META.get("REMOTE_ADDR", "")
    day = (today or date.today()).isoformat()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{day}:{address}".encode()).hexdigest()
    return f"surveys:rate:{digest[:32]}"


def submission_allowed(request):
    """Count this attempt; False once the client is over the limit for the window."""
    limit, window = settings.SURVEY_RATE_LIMIT
    key = _client_key(request)
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts <= limit
