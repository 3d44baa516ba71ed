"""A meeting's minutes in the member area: members comment on circulated minutes and see what
became of their comments; the chair reads every comment, then approves or sends the minutes back
to draft; officers circulate, publish and correct. Earlier versions stay readable here."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from coproduction import minutes_versions, rules, selectors, services
from coproduction.forms import MinutesCommentForm, MinutesCorrectionForm, MinutesSendBackForm
from coproduction.views.mixins import MeetingMixin

MINUTES_FORMS = {
    "comment": (MinutesCommentForm, rules.can_comment_on_minutes),
    "send_back": (MinutesSendBackForm, rules.can_send_back_minutes),
    "correct": (MinutesCorrectionForm, rules.can_correct_minutes),
}
FORM_MESSAGES = {
    "comment": _("Thank you. Your comment has been sent to the chair and the officers."),
    "send_back": _("The minutes are back with the officers as a draft."),
    "correct": _("A new draft version has been started. Edit it in the staff admin."),
}


class MinutesMixin(MeetingMixin):
    """The meeting's minutes, for anyone who may see the board (their text is another matter:
    a draft is for officers only, see `can_read_draft_minutes`)."""

    @cached_property
    def minutes(self):
        minutes = getattr(self.meeting, "minutes", None)
        if minutes is None:
            raise Http404
        return minutes

    def get_minutes(self):
        if not rules.can_read_draft_minutes(self.request.user, self.minutes):
            raise Http404
        return self.minutes


class MinutesReviewView(MinutesMixin, TemplateView):
    template_name = "coproduction/minutes_review.html"

    def _form(self, kind, data=None):
        form_class = MINUTES_FORMS[kind][0]
        if kind == "correct":
            return form_class(data, next_version=self.minutes.version + 1)
        return form_class(data)

    def get_context_data(self, **kwargs):
        minutes, user = self.minutes, self.request.user
        forms = {
            kind: self._form(kind)
            for kind, (_form, allowed) in MINUTES_FORMS.items()
            if allowed(user, minutes)
        }
        forms.update(kwargs.pop("forms", {}))
        readable = rules.can_read_draft_minutes(user, minutes)
        everyone = rules.can_read_every_minutes_comment(user, minutes)
        return super().get_context_data(
            minutes=minutes,
            readable=readable,
            record=minutes_versions.minutes_record_for_display(
                minutes_versions.version_current(minutes)
            )
            if readable
            else None,
            forms=forms,
            can_approve=rules.can_approve_minutes(user, minutes),
            can_circulate=rules.can_circulate_minutes(user, minutes),
            can_publish=rules.can_publish_minutes(user, minutes),
            sees_every_comment=everyone,
            comments=selectors.minutes_comments_for(user=user, minutes=minutes, everyone=everyone),
            send_backs=minutes.send_backs.select_related("sent_by") if everyone else [],
            versions=minutes.versions.order_by("-number"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("form", "comment")
        if kind not in MINUTES_FORMS:
            raise Http404
        form = self._form(kind, request.POST)
        if not form.is_valid():
            context = self.get_context_data(forms={kind: form}, error_form=form)
            return self.render_to_response(context)
        self._apply(kind, form.cleaned_data)
        messages.success(request, FORM_MESSAGES[kind])
        return redirect(request.path)

    def _apply(self, kind, data):
        by = self.request.user
        if kind == "comment":
            services.minutes_comment_add(minutes=self.minutes, author=by, body=data["body"])
        elif kind == "send_back":
            services.minutes_send_back(minutes=self.minutes, by=by, note=data["note"])
        else:
            services.minutes_correct(minutes=self.minutes, by=by, reason=data["reason"])


class MinutesVersionView(MinutesMixin, TemplateView):
    """One approved version, as it was approved: for members and officers, including versions a
    correction has replaced on the public site."""

    template_name = "coproduction/minutes_version.html"

    def get_context_data(self, **kwargs):
        version = self.minutes.versions.filter(number=self.kwargs["number"]).first()
        if version is None:
            raise Http404
        public = selectors.minutes_version_published(minutes=self.minutes)
        return super().get_context_data(
            minutes=self.minutes,
            version=version,
            record=minutes_versions.minutes_record_for_display(version),
            is_public=public is not None and public.pk == version.pk,
            replaced_by=public if public and public.number > version.number else None,
            **kwargs,
        )


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
