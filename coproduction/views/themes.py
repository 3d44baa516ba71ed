"""Theme review at a meeting: the redacted summary since the last meeting, and decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from coproduction import rules, selectors, services
from coproduction.forms import ThemeAdoptForm, ThemeDecisionForm
from coproduction.views.mixins import MeetingMixin


class ThemeReviewView(MeetingMixin, TemplateView):
    template_name = "coproduction/theme_review.html"

    def get_context_data(self, **kwargs):
        can_review = rules.can_review_themes(self.request.user, self.board)
        suggestions = self._suggestions()
        if can_review and suggestions:
            kwargs.setdefault("decision_form", ThemeDecisionForm(suggestions=suggestions))
        kwargs.setdefault("adopt_form", ThemeAdoptForm() if can_review else None)
        return super().get_context_data(
            decisions=self.meeting.theme_decisions.select_related("theme", "decided_by"),
            suggested_phrases=suggestions,
            can_review=can_review,
            **kwargs,
        )

    def _suggestions(self):
        if not hasattr(self, "_suggested"):
            self._suggested = selectors.meeting_suggested_phrases(meeting=self.meeting)
        return self._suggested

    def post(self, request, *args, **kwargs):
        if not rules.can_review_themes(request.user, self.board):
            raise PermissionDenied
        if request.POST.get("form") == "adopt":
            return self._adopt(ThemeAdoptForm(request.POST))
        return self._decide(ThemeDecisionForm(request.POST, suggestions=self._suggestions()))

    def _decide(self, form):
        if form.is_valid():
            try:
                services.theme_review_record(
                    meeting=self.meeting, by=self.request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(self.request, _("The decision has been recorded."))
                return redirect(self.request.path)
        return self.render_to_response(self.get_context_data(decision_form=form, error_form=form))

    def _adopt(self, form):
        if form.is_valid():
            action = services.theme_adopt(
                board=self.board, meeting=self.meeting, by=self.request.user, **form.cleaned_data
            )
            messages.success(self.request, _("Adopted as a priority. An action has been raised."))
            return redirect("coproduction:action-detail", slug=self.board.slug, pk=action.pk)
        return self.render_to_response(self.get_context_data(adopt_form=form, error_form=form))
