"""Pages anyone can read: each board's page, its published minutes, and the move of "You said,
we did" to the one page editors keep in the CMS."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, RedirectView, TemplateView

from cms.selectors import you_said_we_did_page
from coproduction import minutes_versions, selectors
from coproduction.views.mixins import BoardMixin


class YouSaidWeDidRedirectView(RedirectView):
    """The old /board/you-said-we-did/ moved for good to the CMS page (docs/coproduction.md):
    bookmarks and filtered links keep working, with their filters."""

    permanent = True
    query_string = True

    def get_redirect_url(self, *args, **kwargs):
        page = you_said_we_did_page()
        if page is None:
            raise Http404
        self.url = page.url
        return super().get_redirect_url(*args, **kwargs)


class BoardPublicView(BoardMixin, TemplateView):
    """What a board is, who can join, its next meeting, its published minutes and what changed."""

    template_name = "coproduction/board_public.html"

    def get_context_data(self, **kwargs):
        board = self.board
        return super().get_context_data(
            next_meeting=selectors.meeting_next(board=board),
            minutes_list=selectors.minutes_published(board=board).order_by("-meeting__starts_at"),
            changes=selectors.you_said_we_did_published().filter(board=board)[:3],
            **kwargs,
        )


class PublishedMinutesListView(BoardMixin, ListView):
    template_name = "coproduction/minutes_index.html"
    context_object_name = "minutes_list"

    def get_queryset(self):
        return selectors.minutes_published(board=self.board).order_by("-meeting__starts_at")


class PublishedMinutesDetailView(BoardMixin, DetailView):
    """The published version of a meeting's minutes as an accessible HTML page, easy read
    summary first, with its version number and the day the chair approved it."""

    template_name = "coproduction/minutes_public.html"
    context_object_name = "minutes"

    def get_object(self, queryset=None):
        return get_object_or_404(
            selectors.minutes_published(board=self.board), meeting_id=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        version = selectors.minutes_version_published(minutes=self.object)
        return super().get_context_data(
            meeting=self.object.meeting,
            version=version,
            record=minutes_versions.minutes_record_for_display(version),
            **kwargs,
        )
