"""Circulated minutes for members to comment on, and the workflow buttons each role may press."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from coproduction import rules, services
from coproduction.forms import MinutesCommentForm
from coproduction.views.mixins import MeetingMixin


class MinutesMixin(MeetingMixin):
    def get_minutes(self):
        minutes = getattr(self.meeting, "minutes", None)
        if minutes is None or not rules.can_read_draft_minutes(self.request.user, minutes):
            raise Http404
        return minutes


class MinutesReviewView(MinutesMixin, FormView):
    """Members read circulated minutes and comment; the chair approves; officers move them on."""

    template_name = "coproduction/minutes_review.html"
    form_class = MinutesCommentForm

    def get_context_data(self, **kwargs):
        minutes = self.get_minutes()
        user = self.request.user
        return super().get_context_data(
            minutes=minutes,
            can_comment=rules.can_comment_on_minutes(user, minutes),
            can_approve=rules.can_approve_minutes(user, minutes),
            can_circulate=rules.can_circulate_minutes(user, minutes),
            can_publish=rules.can_publish_minutes(user, minutes),
            comments=minutes.comments.all()
            if user.has_perm("coproduction.view_minutescomment")
            else minutes.comments.filter(author=user),
            theme_decisions=self.meeting.theme_decisions.select_related("theme"),
            **kwargs,
        )

    def form_valid(self, form):
        services.minutes_comment_add(
            minutes=self.get_minutes(),
            author=self.request.user,
            body=form.cleaned_data["body"],
        )
        messages.success(self.request, _("Thank you. Your comment has been sent to the officers."))
        return redirect(self.request.path)


MINUTES_TRANSITIONS = {
    "circulate": (services.minutes_circulate, _("The minutes have been sent to members.")),
    "approve": (services.minutes_approve, _("You have approved the minutes.")),
    "publish": (services.minutes_publish, _("The minutes are now on the public site.")),
}


class MinutesTransitionView(MinutesMixin, View):
    """POST only: circulate, approve or publish. The service checks who may."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        transition = MINUTES_TRANSITIONS.get(kwargs["transition"])
        if transition is None:
            raise Http404
        service, message = transition
        service(minutes=self.get_minutes(), by=request.user)
        messages.success(request, message)
        return redirect("coproduction:minutes-review", slug=self.board.slug, pk=self.meeting.pk)
