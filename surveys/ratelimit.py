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
    return _count(_client_key(request, scope), window) <= limit


def _count(key, window):
    """Attempts in this window, this one included: one round trip once the window has begun
    (incr), two for its first attempt (incr finds nothing, add starts the window)."""
    for _attempt in range(2):
        try:
            return cache.incr(key)
        except ValueError:  # no window yet, or it has just ended
            if cache.add(key, 1, timeout=window):
                return 1
    # Started and ended again between our incr and add, twice: count this one alone.
    cache.set(key, 1, timeout=window)
    return 1
