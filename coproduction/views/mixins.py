from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from coproduction import rules, selectors
from coproduction.models import Board


class BoardMixin:
    """Finds the board from the URL. Subclasses add the rule a user must pass."""

    @cached_property
    def board(self):
        return get_object_or_404(Board, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["board"] = self.board
        context["can_manage"] = rules.can_manage_board(self.request.user, self.board)
        context["is_chair"] = rules.is_board_chair(self.request.user, self.board)
        return context


class BoardAccessMixin(LoginRequiredMixin, BoardMixin):
    """Members of this board, officers and engagement leads. Nobody else, whatever their role."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not rules.can_view_board(request.user, self.board):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MeetingMixin(BoardAccessMixin):
    @cached_property
    def meeting(self):

        try:
            return selectors.meeting_detail(board=self.board, pk=self.kwargs["pk"])
        except self.board.meetings.model.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)
