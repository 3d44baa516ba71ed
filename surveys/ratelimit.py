"""Flood protection without CAPTCHAs (they exclude disabled people).

Counts submissions per client (core.clients: behind trusted proxies, the forwarded address) in
the shared cache under a salted, daily-rotating hash of the client address. The hash is never
stored with a response, and the address itself is never kept.
"""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache

from core.clients import client_address


def _client_key(request, scope="submit", today=None):
    address = client_address(request)
    day = (today or date.today()).isoformat()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{day}:{address}".encode()).hexdigest()
    return f"surveys:rate:{scope}:{digest[:32]}"


def submission_allowed(request):
    """Count this attempt; False once the client is over the limit for the window."""
    return _allowed(request, "submit", *settings.SURVEY_RATE_LIMIT)


def receipt_use_allowed(request):
    """Looking up, reading or withdrawing by receipt code, counted apart from submissions: a
    guessed code would let someone read or withdraw another person's feedback."""
    return _allowed(request, "receipt", *settings.RECEIPT_RATE_LIMIT)


def _allowed(request, scope, limit, window):
    key = _client_key(request, scope)
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts <= limit
