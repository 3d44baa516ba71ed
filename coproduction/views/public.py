"""Pages anyone can read: published minutes and 'You said, we did'."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from coproduction import selectors
from coproduction.choices import ThemeDecision
from coproduction.forms import YouSaidWeDidFilterForm
from coproduction.views.mixins import BoardMixin


class YouSaidWeDidListView(ListView):
    """Public 'You said, we did', filterable by service and theme (a GET form: works without JS)."""

    template_name = "coproduction/you_said_we_did_list.html"
    context_object_name = "entries"
    paginate_by = 20

    def get_queryset(self):
        self.filter_form = YouSaidWeDidFilterForm(self.request.GET or None)
        filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return selectors.you_said_we_did_published(
            service=filters.get("service"), theme=filters.get("theme")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class PublishedMinutesListView(BoardMixin, ListView):
    template_name = "coproduction/minutes_index.html"
    context_object_name = "minutes_list"

    def get_queryset(self):
        return selectors.minutes_published(board=self.board).order_by("-meeting__starts_at")


class PublishedMinutesDetailView(BoardMixin, DetailView):
    """Published minutes as an accessible HTML page, easy read summary first."""

    template_name = "coproduction/minutes_public.html"
    context_object_name = "minutes"

    def get_object(self, queryset=None):
        minutes = get_object_or_404(
            selectors.minutes_published(board=self.board).prefetch_related("items"),
            meeting_id=self.kwargs["pk"],
        )
        if not minutes.is_published:
            raise Http404
        return minutes

    def get_context_data(self, **kwargs):
        meeting = self.object.meeting
        return super().get_context_data(
            meeting=meeting,
            theme_decisions=meeting.theme_decisions.select_related("theme"),
            actions=meeting.actions.order_by("id"),
            ThemeDecision=ThemeDecision,
            **kwargs,
        )
