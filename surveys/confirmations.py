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

from surveys.models import ContactRequest

CONFIRMATION_SECONDS = 15 * 60
MAX_TOKEN_LENGTH = 64


@dataclass(frozen=True)
class ConfirmedResponse:
    """What the confirmation page shows of a response, kept with its token: the page then reads
    nothing from the database, on every resident's confirmation."""

    pk: int
    receipt_code: str
    channel: str
    survey_id: int | None
    # False when the response already has a contact request (the same form sent again).
    can_ask_for_contact: bool = True


@dataclass(frozen=True)
class Confirmation:
    response: ConfirmedResponse
    # Where a kiosk's "Start again" goes: the survey the resident used (easy read or not).
    start_again: str = ""


def _key(token):
    return f"surveys:confirmation:{token}"


def confirmation_issue(response, *, start_again="", created=True):
    """A new one-time token that shows `response`'s confirmation page. A response `created` just
    now has no contact request; one sent before may have."""
    token = secrets.token_urlsafe(18)
    can_ask = created or not ContactRequest.objects.filter(response=response).exists()
    shown = (response.pk, response.receipt_code, response.channel, response.survey_id, can_ask)
    # The receipt code waits here (the shared cache, never an address or a log) for at most
    # CONFIRMATION_SECONDS, as the response's id did before.
    cache.set(_key(token), (shown, start_again), timeout=CONFIRMATION_SECONDS)
    return token


def confirmation_peek(token):
    """The confirmation the token shows, without spending it; None when used, expired or never
    issued. The page is rendered before `confirmation_spend`, so a failure on the way (the
    database down) leaves the token for "try again"."""
    if len(token) > MAX_TOKEN_LENGTH:
        return None
    found = cache.get(_key(token))
    if found is None:
        return None
    shown, start_again = found
    return Confirmation(ConfirmedResponse(*shown), start_again)


def confirmation_spend(token):
    """True only for the one request that removes the token: a token can't be used twice."""
    return bool(cache.delete(_key(token)))
