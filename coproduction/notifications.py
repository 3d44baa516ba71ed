"""Emails the co-production services send: plain text, no personal data in subjects."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from coproduction import selectors


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


def _action_url(action):
    # The configured public address (SITE_URL), so links work from the owner's inbox.
    return _absolute(
        reverse("coproduction:action-detail", kwargs={"slug": action.board.slug, "pk": action.pk})
    )


def action_reminder(action):
    context = {"action": action, "board": action.board, "url": _action_url(action)}
    return _send("action_reminder", context, [action.owner_email])


def action_overdue(action, *, today):
    context = {
        "action": action,
        "board": action.board,
        "url": _action_url(action),
        "days_late": (today - action.due_on).days,
    }
    return _send("action_overdue", context, [action.owner_email])


def actions_needing_owner(board, actions):
    """One message to each of the board's officers. Returns how many were sent."""
    context = {
        "board": board,
        "actions": [{"action": a, "url": _action_url(a)} for a in actions],
        "log_url": _absolute(
            reverse("coproduction:action-log", kwargs={"slug": board.slug}) + "?needs_owner=on"
        ),
    }
    emails = selectors.board_officer_emails(board=board)
    return sum(_send("actions_needing_owner", context, [email]) for email in emails)


def invitation(invitation, token):
    context = {
        "invitation": invitation,
        "url": _absolute(reverse("coproduction:invitation-accept", kwargs={"token": token})),
    }
    return _send("invitation", context, [invitation.email])
