"""One-time confirmation addresses, so a receipt code never appears in a URL.

After a resident sends feedback we redirect them (post/redirect/get, so Refresh can't send it
twice) to `/feedback/thanks/<token>/`. The token is random, means nothing in an access log, and
works once: pressing Back to it later, on a kiosk or anyone's phone, shows "this page has
expired" instead of the last person's receipt code. It lives in the shared cache (Redis in
production), so any app server can show the page.
"""

import secrets
from dataclasses import dataclass

from django.core.cache import cache

from surveys.models import Response

CONFIRMATION_SECONDS = 15 * 60
MAX_TOKEN_LENGTH = 64


@dataclass(frozen=True)
class Confirmation:
    response: Response
    # Where a kiosk's "Start again" goes: the survey the resident used (easy read or not).
    start_again: str = ""


def _key(token):
    return f"surveys:confirmation:{token}"


def confirmation_issue(response, *, start_again=""):
    """A new one-time token that shows `response`'s confirmation page."""
    token = secrets.token_urlsafe(18)
    cache.set(_key(token), (response.pk, start_again), timeout=CONFIRMATION_SECONDS)
    return token


def confirmation_redeem(token):
    """The confirmation the token shows, once; None when used, expired or never issued."""
    if len(token) > MAX_TOKEN_LENGTH:
        return None
    found = cache.get(_key(token))
    if found is None:
        return None
    response_id, start_again = found
    # Read before the token is spent: if the database is down, "try again" still works.
    # Only what the confirmation page shows (the survey comes from surveys.published): every
    # column costs the ORM time to compile, on every resident's confirmation.
    response = (
        Response.objects.select_related("contact_request")
        .only("receipt_code", "channel", "survey_id", "contact_request__id")
        .filter(pk=response_id)
        .first()
    )
    # delete() is True only for the request that removed the key: a token can't be used twice.
    if response is None or not cache.delete(_key(token)):
        return None
    return Confirmation(response, start_again)
