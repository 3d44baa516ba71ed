"""Reads for co-production pages. Public selectors return only what is published."""

from datetime import timedelta

from django.db.models import Prefetch
from django.utils import timezone

from coproduction.choices import MinutesStatus
from coproduction.models import Action, Attendance, Board, Meeting, Minutes


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
    minutes = Minutes.objects.filter(status=MinutesStatus.PUBLISHED).select_related(
        "meeting__board"
    )
    return minutes.filter(meeting__board=board) if board else minutes


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


def meeting_previous(*, meeting):
    return (
        Meeting.objects.filter(board=meeting.board, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )


def meetings_with_paper(*, document):
    """The meetings that have `document` among their papers (usually one, or none)."""
    return Meeting.objects.filter(papers__document=document).select_related("board", "minutes")
