"""Demo board: members in every role, two meetings, minutes, actions, "You said, we did".

Idempotent: everything is found by a stable key (slug, email, title) before it is created. All names
are made up. Also gives the demo staff login a TOTP authenticator from a published demo secret, so
`make run` users can get past the MFA every staff account needs.
"""

import datetime

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.utils import dateformat, timezone, translation

from coproduction.choices import ActionStatus, AttendanceStatus, BoardRole, MinutesStatus
from coproduction.invitations import membership_add
from coproduction.minutes_versions import version_freeze
from coproduction.models import (
    AccessNeeds,
    Action,
    AgendaItem,
    Attendance,
    Board,
    Meeting,
    MinuteItem,
    Minutes,
)
from demo.coproduction_content import ACTIONS, MEETINGS, MEMBERS

# Public on purpose: it only protects demo data. Never load demo content into a real site.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPDEMOSITE2FAKEYAA"
DEMO_MEMBER_PASSWORD = "demo-board-member-password"


def seed(stdout):
    board, _created = Board.objects.get_or_create(
        slug="always-listening",
        defaults={
            "name": "Adult Social Care Always Listening",
            "purpose": "Residents, carers and council officers who read what people tell us "
            "about adult social care, agree what to change and check that it happens.",
            "is_demo": True,
        },
    )
    memberships = {spec["email"]: _member(board, spec) for spec in MEMBERS}
    meetings = [_meeting(board, spec, memberships) for spec in MEETINGS]
    for spec in ACTIONS:
        _action(board, meetings[spec["meeting"]], spec)
    # After the actions: the approved record lists the actions the meeting agreed.
    for meeting in meetings:
        _freeze_if_approved(meeting.minutes)
    _demo_staff_totp(stdout)
    stdout.write(f"Demo board member login: {MEMBERS[2]['email']} / {DEMO_MEMBER_PASSWORD}")


def _member(board, spec):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=spec["email"],
        defaults={"email": spec["email"], "first_name": spec["first"], "last_name": spec["last"]},
    )
    if created:
        user.set_password(DEMO_MEMBER_PASSWORD)
        user.save()
    membership = membership_add(board=board, user=user, role=spec["role"])
    if not membership.is_demo:
        membership.is_demo = True
        membership.named_in_minutes = spec["role"] in {BoardRole.CHAIR, BoardRole.CO_CHAIR}
        membership.save()
    if spec.get("needs"):
        AccessNeeds.objects.get_or_create(membership=membership, defaults=spec["needs"])
    if spec["role"] == BoardRole.OFFICER:
        from allauth.mfa.totp.internal.auth import TOTP

        if not Authenticator.objects.filter(user=user).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
    return membership


def _meeting(board, spec, memberships):
    day = timezone.localdate() - datetime.timedelta(days=spec["days_ago"])
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
    meeting, created = Meeting.objects.get_or_create(
        board=board,
        title=spec["title"],
        defaults={"starts_at": starts_at, "is_demo": True, **spec["place"]},
    )
    if not created:
        return meeting
    for order, (title, led_by) in enumerate(spec["agenda"]):
        AgendaItem.objects.create(
            meeting=meeting, sort_order=order, title=title, led_by_role=led_by
        )
    for email, membership in memberships.items():
        status = (
            AttendanceStatus.APOLOGIES if email in spec["apologies"] else AttendanceStatus.PRESENT
        )
        Attendance.objects.create(meeting=meeting, membership=membership, status=status)
    _minutes(meeting, spec)
    return meeting


def _month(moment):
    with translation.override("en"):
        return dateformat.format(moment, "F")


def _dates(meeting):
    """The months the minutes name, from their own meeting (see MEETINGS)."""
    previous = Meeting.objects.filter(board=meeting.board, starts_at__lt=meeting.starts_at)
    previous = previous.order_by("-starts_at").first()
    return {
        "met": _month(meeting.starts_at),
        "since": _month(meeting.starts_at - datetime.timedelta(days=91)),
        "until": _month(meeting.starts_at - datetime.timedelta(days=28)),
        "previous": _month(previous.starts_at) if previous else "",
    }


def _minutes(meeting, spec):
    approved_at = meeting.starts_at + datetime.timedelta(days=14)
    published = spec["minutes_status"] == MinutesStatus.PUBLISHED
    dates = _dates(meeting)
    minutes = Minutes.objects.create(
        meeting=meeting,
        status=spec["minutes_status"],
        summary=spec["summary"].format(**dates),
        easy_read_summary=spec["easy_read"].format(**dates),
        circulated_at=meeting.starts_at + datetime.timedelta(days=3),
        approved_at=approved_at,
        published_at=approved_at if published else None,
        is_demo=True,
    )
    for order, (heading, discussion, decisions) in enumerate(spec["items"]):
        MinuteItem.objects.create(
            minutes=minutes,
            sort_order=order,
            heading=heading,
            discussion=discussion.format(**dates),
            decisions=decisions,
        )


def _freeze_if_approved(minutes):
    approved = {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}
    if minutes.status in approved and not minutes.versions.exists():
        version_freeze(minutes)


def _action(board, meeting, spec):
    from surveys.models import Service
    from themes.models import Theme

    action, created = Action.objects.get_or_create(
        board=board,
        title=spec["title"],
        defaults={
            "meeting": meeting,
            "owner": spec["owner"],
            "owner_email": spec["owner_email"],
            "due_on": meeting.starts_at.date() + datetime.timedelta(days=spec["due_in"]),
            "status": spec["status"],
            "you_said": spec.get("you_said", ""),
            "we_did": spec.get("we_did", ""),
            "evidence_summary": spec.get("evidence", ""),
            "service": Service.objects.filter(slug=spec.get("service")).first(),
            "is_demo": True,
        },
    )
    if not created:
        return
    if spec["status"] == ActionStatus.DONE:
        action.completed_on = action.due_on
        action.published_at = timezone.now()
        action.save(update_fields=["completed_on", "published_at"])
    action.themes.set(Theme.objects.filter(key__in=spec["themes"]))


def _demo_staff_totp(stdout):
    from allauth.mfa.totp.internal.auth import TOTP

    from demo.accounts import DEMO_STAFF_EMAIL

    staff = get_user_model().objects.filter(email=DEMO_STAFF_EMAIL).first()
    if staff is None:
        return
    if not Authenticator.objects.filter(user=staff).exists():
        TOTP.activate(staff, DEMO_TOTP_SECRET)
    stdout.write(
        f"Demo staff authenticator secret (add it to an authenticator app): {DEMO_TOTP_SECRET}"
    )
