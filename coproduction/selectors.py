"""Reads for co-production pages. Public selectors return only what is published."""

from datetime import timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail import hooks

from coproduction.choices import AttendanceStatus, BoardRole
from coproduction.models import AccessNeeds, Action, Attendance, Board, Meeting, Minutes
from core import roles
from themes.selectors import is_decided, phrases_decided


def you_said_we_did_published(*, service=None, theme=None):
    """Published 'You said, we did' entries, newest first, optionally for a service or theme."""
    actions = (
        Action.objects.you_said_we_did()
        .select_related("board", "service")
        .prefetch_related("themes")
        .order_by("-completed_on", "-published_at")
    )
    if service is not None:
        actions = actions.filter(service=service)
    if theme is not None:
        actions = actions.filter(themes=theme)
    return actions


def minutes_published(*, board=None):
    """Minutes with a version on the public site (an earlier one stays there while a
    correction goes round the workflow)."""
    minutes = (
        Minutes.objects.filter(versions__published_at__isnull=False)
        .distinct()
        .select_related("meeting__board")
    )
    return minutes.filter(meeting__board=board) if board else minutes


def minutes_version_published(*, minutes):
    """The version the public reads: the latest published."""
    versions = minutes.versions.filter(published_at__isnull=False).select_related("minutes")
    return versions.order_by("-number").first()


def minutes_comments_for(*, user, minutes, everyone):
    """Comments on `minutes` with what became of them: every comment for the chair and officers
    (`everyone`), otherwise the person's own. Each gets `author_role`, their role on the board."""
    comments = minutes.comments.select_related("author", "sent_back", "approved_in")
    if not everyone:
        comments = comments.filter(author=user)
    roles = dict(minutes.meeting.board.memberships.values_list("user_id", "role"))
    labels = dict(BoardRole.choices)
    comments = list(comments)
    for comment in comments:
        comment.author_role = labels.get(roles.get(comment.author_id), "")
    return comments


def meeting_next(*, board, now=None):
    """The board's next meeting, for its public page."""
    upcoming = Meeting.objects.filter(board=board, starts_at__gte=now or timezone.now())
    return upcoming.order_by("starts_at").first()


def boards_for_user(*, user):
    """Boards someone sits on; officers and engagement leads see every board."""
    if user.has_perm("coproduction.view_meeting"):
        return Board.objects.all()
    return Board.objects.filter(
        memberships__user=user, memberships__left_on__isnull=True
    ).distinct()


def meetings_for_board(*, board):
    return (
        Meeting.objects.filter(board=board)
        .select_related("board", "minutes")
        .order_by("-starts_at")
    )


def meeting_detail(*, board, pk):
    return (
        Meeting.objects.filter(board=board, pk=pk)
        .prefetch_related(
            "agenda_items",
            "papers__document",
            Prefetch("attendance", queryset=_attendance_queryset()),
        )
        .get()
    )


def _attendance_queryset():
    return Attendance.objects.select_related("membership__user")


def actions_for_board(*, board):
    return (
        Action.objects.filter(board=board)
        .select_related("meeting", "service")
        .prefetch_related("themes")
        .order_by("status", "due_on", "id")
    )


def actions_overdue_for_board(*, board, today=None):
    return Action.objects.filter(board=board).overdue(today)


def actions_due_for_reminder(*, days_ahead=7, today=None):
    """Open actions due within `days_ahead` days that haven't had a reminder for this due date."""
    today = today or timezone.localdate()
    due = (
        Action.objects.still_open()
        .filter(due_on__gte=today, due_on__lte=today + timedelta(days=days_ahead))
        .exclude(owner_email="")
    )
    return [action for action in due if action.reminder_sent_for != action.due_on]


OWNER_CHASE_EVERY = timedelta(days=7)


def actions_overdue_for_chasing(*, today=None):
    """Overdue actions with an owner to chase, not chased in the last week."""
    today = today or timezone.localdate()
    return list(
        Action.objects.overdue(today)
        .exclude(owner_email="")
        .filter(
            Q(overdue_reminded_on__isnull=True)
            | Q(overdue_reminded_on__lte=today - OWNER_CHASE_EVERY)
        )
        .select_related("board")
    )


def actions_needing_owner_by_board(*, today=None):
    """{board: [actions]} of open actions with no owner's email, for boards whose officers
    haven't been told about them in the last week."""
    today = today or timezone.localdate()
    by_board = {}
    for action in Action.objects.needing_owner().select_related("board", "meeting"):
        by_board.setdefault(action.board, []).append(action)
    last_week = today - OWNER_CHASE_EVERY
    # One digest a week per board: wait while any action in it was listed less than a week ago.
    return {
        board: actions
        for board, actions in by_board.items()
        if not any(a.owner_digest_on and a.owner_digest_on > last_week for a in actions)
    }


def board_officer_emails(*, board):
    return list(
        board.memberships.filter(role=BoardRole.OFFICER, left_on__isnull=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def meeting_previous(*, meeting):
    return (
        Meeting.objects.filter(board=meeting.board, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )


def meetings_with_paper(*, document):
    """The meetings that have `document` among their papers (usually one, or none)."""
    return Meeting.objects.filter(papers__document=document).select_related("board", "minutes")


def meeting_suggested_phrases(*, meeting):
    """The phrases the engine suggests for a meeting to decide on, from reporting (which fills
    the `meeting_suggested_phrases` hook: it sits above this app), less any already decided."""
    decided = phrases_decided()
    phrases = []
    for suggest in hooks.get_hooks("meeting_suggested_phrases"):
        phrases.extend(suggest(meeting))
    return [p for p in dict.fromkeys(phrases) if not is_decided(p, decided)]


def actions_for_log(*, boards, status="", owner="", overdue=False, needs_owner=False, theme=None):
    """The action log across `boards`, filtered as asked (each filter optional)."""
    actions = (
        Action.objects.filter(board__in=boards)
        .select_related("board", "meeting", "service")
        .prefetch_related("themes")
        .order_by("status", "due_on", "id")
    )
    if status:
        actions = actions.filter(status=status)
    if owner:
        actions = actions.filter(owner=owner)
    if overdue:
        actions = actions.overdue()
    if needs_owner:
        actions = actions.needing_owner()
    if theme is not None:
        actions = actions.filter(themes=theme)
    return actions


def boards_supported_by(*, user):
    """Boards whose members' access needs and payments `user` looks after (rules.supports_board):
    the boards they sit on as an officer; every board for administrators."""
    if roles.is_administrator(user):
        return Board.objects.all()
    return Board.objects.filter(
        memberships__user=user,
        memberships__role=BoardRole.OFFICER,
        memberships__left_on__isnull=True,
    )


def attendee_needs(*, meeting):
    """The access needs of the people coming to `meeting`: those recorded as present, or the
    board's active members while no attendance is recorded. Returns (needs, whole_board)."""
    present = Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.PRESENT)
    recorded = Attendance.objects.filter(meeting=meeting).exists()
    needs = AccessNeeds.objects.select_related("membership__user").order_by(
        "membership__role", "membership__user__first_name"
    )
    if recorded:
        needs = needs.filter(membership__in=present.values("membership"))
    else:
        needs = needs.filter(membership__board=meeting.board_id, membership__left_on__isnull=True)
    return [n for n in needs if n.needs() or n.other_needs.strip()], not recorded
