"""Accounts: invitation-only sign-up, GOV.UK-styled allauth forms, and who must use MFA."""

import time

from allauth.account import app_settings as account_settings
from allauth.account import forms as account_forms
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.base.forms import AuthenticateForm as BaseAuthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm as BaseActivateTOTPForm
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.shortcuts import resolve_url

from core.clients import client_address
from core.forms import GovUKFormMixin
from core.roles import STAFF_ROLES
from core.secrets import secret_decrypt, secret_encrypt


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: staff and board members are invited."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """Login throttling counts per client, read through trusted proxies (core.clients)."""
        return client_address(request) or super().get_client_ip(request)

    def get_login_redirect_url(self, request):
        """Staff go to the admin; board members to their boards."""
        if request.user.has_perm("wagtailadmin.access_admin"):
            return super().get_login_redirect_url(request)
        return resolve_url(settings.MEMBER_HOME_URL)

    def is_reauthentication_required(self, *, app, **kwargs):
        """A password typed at sign-in moments ago is recent authentication: a new staff member
        sent straight on to set up MFA is not asked for it again (issue #17). After
        ACCOUNT_REAUTHENTICATION_TIMEOUT allauth asks as usual."""
        if self.request is not None and signed_in_recently(self.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def signed_in_recently(request):
    """Whether this session's user typed their password (or a code) within the timeout."""
    records = get_authentication_records(request, getattr(request, "user", None))
    times = [r["at"] for r in records if r.get("method") in {"password", "mfa"}]
    return bool(times) and time.time() - max(times) < account_settings.REAUTHENTICATION_TIMEOUT


def mfa_required_for(user):
    """Staff, superusers and anyone in a staff role must protect their account with MFA."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_ROLES).exists()


def has_authenticator(user):

    return is_mfa_enabled(user)


class LoginForm(GovUKFormMixin, account_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels, not placeholders; the reset link sits under the form.
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.pop("aria-describedby", None)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ReauthenticateForm(GovUKFormMixin, account_forms.ReauthenticateForm):
    pass


class ResetPasswordForm(GovUKFormMixin, account_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(GovUKFormMixin, account_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(GovUKFormMixin, account_forms.ChangePasswordForm):
    pass


class ActivateTOTPForm(GovUKFormMixin, BaseActivateTOTPForm):
    pass


class AuthenticateForm(GovUKFormMixin, BaseAuthenticateForm):
    pass


class EncryptedSecretsMFAAdapter(DefaultMFAAdapter):
    """TOTP keys and recovery-code seeds are stored encrypted (core.secrets)."""

    def encrypt(self, text):
        return secret_encrypt(text)

    def decrypt(self, encrypted_text):
        return secret_decrypt(encrypted_text)
