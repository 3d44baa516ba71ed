"""What a resident's receipt page says was done about what they raised.

Filled in through surveys' `receipt_outcome` hook (surveys sits below and can't import this).
Only this one response's themes are used; nothing about anyone else's feedback is shown, and a
response with a safeguarding flag shows none of it (the safeguarding lead handles those).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from cms.selectors import you_said_we_did_url
from coproduction.choices import ActionStatus
from coproduction.models import Action, DoneNotice, Meeting
from surveys.models import ContactRequest
from themes.models import SafeguardingFlag, Theme, ThemeMention


@dataclass
class ReceiptOutcome:
    flagged: bool = False
    themes: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    next_meeting: Meeting | None = None
    today: object = None


def response_themes(response):
    """The themes this response was tagged with: not rejected by staff, never safeguarding."""
    mentions = ThemeMention.objects.filter(response=response).exclude(
        review=ThemeMention.Review.REJECTED
    )
    return list(
        Theme.objects.filter(is_active=True, is_safeguarding=False, mentions__in=mentions)
        .distinct()
        .order_by("name")
    )


def actions_for_response(response, themes):
    """Board actions on the response's themes, for its service or for every service, that were
    still to do when the feedback was given."""
    return list(
        Action.objects.filter(themes__in=themes)
        .filter(Q(service__isnull=True) | Q(service_id=response.service_id))
        .exclude(completed_on__lt=response.submitted_on)
        .select_related("board", "meeting")
        .distinct()
        .order_by("due_on", "pk")
    )


def receipt_outcome(response):
    if SafeguardingFlag.objects.filter(response=response).exists():
        return ReceiptOutcome(flagged=True)
    themes = response_themes(response)
    actions = actions_for_response(response, themes) if themes else []
    base = you_said_we_did_url()
    entries = [
        {"action": action, "url": f"{base}#change-{action.pk}" if base else ""}
        for action in actions
        if action.is_published and action.status == ActionStatus.DONE
    ]
    upcoming = Meeting.objects.filter(starts_at__gte=timezone.now()).order_by("starts_at")
    return ReceiptOutcome(
        themes=themes,
        actions=actions,
        entries=entries,
        next_meeting=upcoming.select_related("board").first(),
        today=timezone.localdate(),
    )


def contacts_to_tell(*, action, kind):
    """Contact requests that asked to be told when something is done, whose feedback is on one
    of the action's themes (the receipt page's rule, the other way round), not yet told about
    it. Never a flagged response's: the safeguarding lead handles those."""
    mentions = ThemeMention.objects.filter(theme__in=action.themes.all()).exclude(
        review=ThemeMention.Review.REJECTED
    )
    contacts = ContactRequest.objects.filter(
        notify_when_done=True,
        response__theme_mentions__in=mentions,
        response__safeguarding_flags__isnull=True,
    ).exclude(email="")
    if action.service_id:
        contacts = contacts.filter(response__service_id=action.service_id)
    if action.completed_on:
        contacts = contacts.filter(response__submitted_on__lte=action.completed_on)
    told = DoneNotice.objects.filter(action=action, kind=kind).values("contact_request_id")
    return contacts.exclude(pk__in=told).select_related("response").distinct()
