"""Emails the co-production services send: plain text, no personal data in subjects."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template, context, recipients):
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    subject = render_to_string(f"coproduction/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"coproduction/email/{template}_message.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def minutes_circulated(minutes):
    board = minutes.meeting.board
    emails = board.memberships.filter(left_on__isnull=True).values_list("user__email", flat=True)
    context = {
        "minutes": minutes,
        "board": board,
        "url": _absolute(
            reverse(
                "coproduction:minutes-review", kwargs={"slug": board.slug, "pk": minutes.meeting_id}
            )
        ),
    }
    # One message each, so members never see each other's addresses.
    return sum(_send("minutes_circulated", context, [email]) for email in emails)


def action_reminder(action):
    context = {"action": action, "board": action.board}
    return _send("action_reminder", context, [action.owner_email])


def invitation(invitation, token):
    context = {
        "invitation": invitation,
        "url": _absolute(reverse("coproduction:invitation-accept", kwargs={"token": token})),
    }
    return _send("invitation", context, [invitation.email])
