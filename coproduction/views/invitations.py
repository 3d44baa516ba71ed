"""Inviting someone to a board, and accepting an invitation from the emailed link."""

from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import perform_login
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from coproduction import invitations, rules
from coproduction.forms import InvitationAcceptForm, InvitationForm
from coproduction.views.mixins import BoardMixin


class InvitationCreateView(LoginRequiredMixin, BoardMixin, FormView):
    template_name = "coproduction/invitation_form.html"
    form_class = InvitationForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not rules.can_invite(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inviter": self.request.user}

    def form_valid(self, form):
        invitations.invitation_send(
            board=self.board, invited_by=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, _("Invitation sent to %(email)s.") % form.cleaned_data)
        return redirect("coproduction:board-detail", slug=self.board.slug)


class InvitationAcceptView(FormView):
    """Public: anyone holding a valid link. New people choose a password; existing ones sign in."""

    template_name = "coproduction/invitation_accept.html"
    form_class = InvitationAcceptForm

    @cached_property
    def invitation(self):
        return invitations.invitation_for_token(self.kwargs["token"])

    @cached_property
    def has_account(self):
        return get_user_model().objects.filter(email__iexact=self.invitation.email).exists()

    def get(self, request, *args, **kwargs):
        if self.invitation is None:
            return self.render_to_response({"invalid": True}, status=410)
        if self.has_account and request.user.is_authenticated:
            return self._accept_signed_in()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.invitation is None:
            return self.render_to_response({"invalid": True}, status=410)
        if self.has_account:
            return self._accept_signed_in()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitation=self.invitation, has_account=self.has_account, **kwargs
        )

    def _accept_signed_in(self):
        if not self.request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={self.request.path}")
        membership = invitations.invitation_accept(
            token=self.kwargs["token"], user=self.request.user
        )
        messages.success(
            self.request, _("You have joined %(board)s.") % {"board": membership.board}
        )
        return redirect("coproduction:board-detail", slug=membership.board.slug)

    def form_valid(self, form):
        try:
            membership = invitations.invitation_accept(
                token=self.kwargs["token"], **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("password", error)
            return self.form_invalid(form)
        return self._sign_in(membership)

    def _sign_in(self, membership):
        """They have just chosen their password: sign them in through allauth, as its own sign-in
        would, and take them to their board. Their password counts as recent authentication, so
        a staff role goes on to set up MFA (core.middleware) without being asked for it again;
        board members have no MFA to set up."""
        user = membership.user
        record_authentication(self.request, user, method="password", email=user.email)
        messages.success(
            self.request,
            _("Your account is ready and you have joined %(board)s.") % {"board": membership.board},
        )
        return perform_login(
            self.request,
            user,
            email_verification="none",
            redirect_url=membership.board.get_absolute_url(),
            signup=True,
            email=user.email,
        )
