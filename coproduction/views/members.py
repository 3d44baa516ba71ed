"""The member area: a board's meetings, papers and action log, for its members and officers."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from coproduction import rules, selectors
from coproduction.views.mixins import BoardAccessMixin, MeetingMixin


class BoardListView(LoginRequiredMixin, ListView):
    template_name = "coproduction/board_list.html"
    context_object_name = "boards"

    def get_queryset(self):
        return selectors.boards_for_user(user=self.request.user)


class BoardDetailView(BoardAccessMixin, TemplateView):
    template_name = "coproduction/board_detail.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = list(selectors.meetings_for_board(board=self.board))
        return super().get_context_data(
            upcoming=[m for m in meetings if m.starts_at.date() >= today][::-1],
            past=[m for m in meetings if m.starts_at.date() < today],
            overdue_count=selectors.actions_overdue_for_board(
                board=self.board, today=today
            ).count(),
            **kwargs,
        )


class MeetingDetailView(MeetingMixin, TemplateView):
    """Date, place, arrangements, agenda, papers, attendance and apologies."""

    template_name = "coproduction/meeting_detail.html"

    def get_context_data(self, **kwargs):
        minutes = getattr(self.meeting, "minutes", None)
        readable = minutes is not None and rules.can_read_draft_minutes(self.request.user, minutes)
        return super().get_context_data(
            minutes=minutes if readable else None,
            can_review_themes=rules.can_review_themes(self.request.user, self.board),
            **kwargs,
        )


class ActionLogView(BoardAccessMixin, ListView):
    """Every action the board has raised, across meetings, overdue ones highlighted."""

    template_name = "coproduction/action_log.html"
    context_object_name = "actions"

    def get_queryset(self):
        return selectors.actions_for_board(board=self.board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)
