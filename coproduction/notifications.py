"""Emails the co-production services send: plain text, no personal data in subjects."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from cms.selectors import you_said_we_did_url
from coproduction import selectors
from coproduction.calendar import calendar_event
from coproduction.models import AccessNeeds, DoneNotice
from coproduction.receipts import contacts_to_tell
from core.locales import user_language
from core.models import CouncilSettings


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


def _meeting_context(meeting):
    """What every member's reminder shares: the meeting, its arrangements and papers."""
    papers = [
        {"paper": paper, "url": _absolute(paper.document.url)}
        for paper in meeting.papers.select_related("document")
        if paper.document
    ]
    return {
        "meeting": meeting,
        "board": meeting.board,
        "arrangements": meeting.arrangements(),
        "papers": papers,
        "url": _absolute(meeting.get_absolute_url()),
    }


def _own_needs(membership):
    """The labels of this member's own access needs (never anyone else's)."""
    try:
        needs = membership.access_needs
    except AccessNeeds.DoesNotExist:
        return []
    labels = [str(needs._meta.get_field(name).verbose_name) for name in needs.needs()]
    return labels + ([needs.other_needs] if needs.other_needs else [])


def _meeting_calendar(meeting, context, *, now):
    description = [str(label) for label in context["arrangements"]]
    if meeting.accessibility_notes:
        description.append(meeting.accessibility_notes)
    description += [f"{p['paper'].title}: {p['url']}" for p in context["papers"]]
    if meeting.online_link:
        description.append(meeting.online_link)
    return calendar_event(
        uid=f"meeting-{meeting.pk}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        summary=f"{meeting.board}: {meeting.title}",
        location=meeting.place or meeting.online_link,
        description="\n".join([*description, context["url"]]),
        url=context["url"],
        stamp=now,
    )


def meeting_reminder(meeting, *, kind, now=None):
    """A reminder to each current member, one message each with the meeting's calendar file.
    `kind` is "week" or "day". Returns how many were sent."""
    now = now or timezone.now()
    members = (
        meeting.board.memberships.filter(left_on__isnull=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "access_needs")
    )
    with translation.override(settings.LANGUAGE_CODE):
        context = _meeting_context(meeting)
        context["is_tomorrow"] = timezone.localdate(meeting.starts_at) > timezone.localdate(now)
        ics = _meeting_calendar(meeting, context, now=now)
    sent = 0
    for membership in members:
        member_context = {**context, "kind": kind, "membership": membership}
        # Each member's own message, in the language they chose for their account.
        with translation.override(user_language(membership.user)):
            member_context["own_needs"] = _own_needs(membership)
            subject = render_to_string(
                "coproduction/email/meeting_reminder_subject.txt", member_context
            ).strip()
            body = render_to_string(
                "coproduction/email/meeting_reminder_message.txt", member_context
            )
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [membership.user.email])
        message.attach("meeting.ics", ics, "text/calendar")
        sent += message.send()
    return sent


def residents_told_done(action, kind):
    """Tell each resident who asked ("Tell me when something is done about what I raised") that
    an action on their feedback's themes is done, or that its 'You said, we did' is published:
    one short email per resident, action and kind, never quoting what they wrote. Returns how
    many were sent."""
    sent = 0
    for contact in contacts_to_tell(action=action, kind=kind):
        # The notice is written first: a retry or a second save never sends a second email.
        _notice, created = DoneNotice.objects.get_or_create(
            contact_request=contact, action=action, kind=kind
        )
        if created:
            sent += _resident_told(contact, action, kind)
    return sent


def _resident_told(contact, action, kind):
    url = _absolute(reverse("surveys:receipt-lookup"))
    if kind == DoneNotice.Kind.PUBLISHED and (page := you_said_we_did_url()):
        url = (page if "://" in page else _absolute(page)) + f"#change-{action.pk}"
    with translation.override(contact.response.language or settings.LANGUAGE_CODE):
        return _send(f"resident_{kind}", {"action": action, "url": url}, [contact.email])


def follow_up_flagged(follow_up):
    """A follow-up comment the safeguarding checks flagged: the safeguarding lead is told, as
    for a survey comment, without the comment (email isn't safe)."""
    site = Site.objects.filter(is_default_site=True).first()
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    link = _absolute(reverse("coproduction_safeguarding:follow-up", args=[follow_up.pk]))
    return _send(
        "follow_up_flagged", {"follow_up": follow_up, "url": link}, [council.safeguarding_email]
    )
