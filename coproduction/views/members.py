"""The member area: a board's meetings, papers and action log, for its members and officers."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import ListView, TemplateView

from coproduction import exports, rules, selectors
from coproduction.forms import ActionLogFilterForm
from coproduction.models import Board
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


class ActionLogMixin:
    """The action log: filtered by GET (board, status, who, theme, overdue, needing an owner),
    overdue ones highlighted, and with ?export=csv or xlsx the same rows as a spreadsheet."""

    template_name = "coproduction/action_log.html"
    context_object_name = "actions"
    single_board = False

    @cached_property
    def filter_form(self):
        return ActionLogFilterForm(
            self.request.GET or None, boards=self.log_boards(), single_board=self.single_board
        )

    def filters(self):
        form = self.filter_form
        return dict(form.cleaned_data) if form.is_valid() else {}

    def get_queryset(self):
        filters = self.filters()
        board = filters.pop("board", None)
        boards = [board] if board else self.log_boards()
        return selectors.actions_for_log(boards=boards, **filters)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("export", None)
        return super().get_context_data(
            today=timezone.localdate(),
            filter_form=self.filter_form,
            is_filtered=any(self.filters().values()),
            query=query.urlencode(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        file_format = self.request.GET.get("export")
        if file_format in exports.CONTENT_TYPES:
            dataset = exports.action_log_dataset(context["actions"], today=context["today"])
            return exports.spreadsheet_response(dataset, file_format, self.export_filename())
        return super().render_to_response(context, **response_kwargs)


class ActionLogView(BoardAccessMixin, ActionLogMixin, ListView):
    """Every action the board has raised, across meetings."""

    single_board = True

    def log_boards(self):
        return Board.objects.filter(pk=self.board.pk)

    def export_filename(self):
        return f"actions-{self.board.slug}"


class AllActionsLogView(LoginRequiredMixin, ActionLogMixin, ListView):
    """The actions of every board the person can see (officers: all of them)."""

    def log_boards(self):
        return selectors.boards_for_user(user=self.request.user)

    def export_filename(self):
        return "actions"
