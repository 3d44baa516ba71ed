"""One action: its progress, and for officers the forms that move it on."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from coproduction import rules, selectors, services
from coproduction.forms import (
    ActionAssignForm,
    ActionCloseForm,
    ActionDropForm,
    ActionProgressForm,
)
from coproduction.views.mixins import BoardAccessMixin

ACTION_FORMS = {
    "progress": ActionProgressForm,
    "assign": ActionAssignForm,
    "close": ActionCloseForm,
    "drop": ActionDropForm,
}


class ActionDetailView(BoardAccessMixin, TemplateView):
    """Members see an action and its progress; officers also update, close, drop or publish it."""

    template_name = "coproduction/action_detail.html"

    @cached_property
    def action(self):
        return get_object_or_404(
            selectors.actions_for_board(board=self.board), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        user, action = self.request.user, self.action
        can_update = rules.can_update_action(user, action)
        forms = (
            {
                "progress": ActionProgressForm(initial={"status": action.status}),
                "assign": ActionAssignForm(
                    initial={
                        "owner": action.owner,
                        "owner_email": action.owner_email,
                        "due_on": action.due_on,
                    }
                ),
                "close": ActionCloseForm(
                    initial={"you_said": action.you_said, "we_did": action.we_did}
                ),
                "drop": ActionDropForm(),
            }
            if can_update and action.is_open
            else {}
        )
        forms.update(kwargs.pop("forms", {}))
        return super().get_context_data(
            action=action,
            forms=forms,
            can_publish=rules.can_publish_you_said_we_did(user, action) and not action.is_published,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not rules.can_update_action(request.user, self.action):
            raise PermissionDenied
        kind = request.POST.get("form")
        if kind == "publish":
            return self._publish()
        form_class = ACTION_FORMS.get(kind)
        if form_class is None:
            raise Http404
        form = form_class(request.POST)
        if form.is_valid():
            self._apply(kind, form.cleaned_data)
            messages.success(request, _("The action has been updated."))
            return redirect(request.path)
        return self.render_to_response(self.get_context_data(forms={kind: form}, error_form=form))

    def _apply(self, kind, data):
        by = self.request.user
        if kind == "progress":
            services.action_update_status(action=self.action, by=by, **data)
        elif kind == "assign":
            services.action_assign(action=self.action, by=by, **data)
        elif kind == "close":
            services.action_close(action=self.action, by=by, **data)
        else:
            services.action_drop(action=self.action, by=by, **data)

    def _publish(self):
        try:
            services.action_publish(action=self.action, by=self.request.user)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(self.request, _("Published on the 'You said, we did' page."))
        return redirect(self.request.path)
