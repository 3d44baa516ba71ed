"""Sign-in through allauth, and MFA required for staff in production-like settings."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

from core import roles
from core.accounts import mfa_required_for
from tests.coproduction.factories import UserFactory, user_in_role

MFA_SETUP = "/accounts/2fa/totp/activate/"
PRODUCTION_LIKE = {"DEBUG": False}


@pytest.mark.parametrize("role", sorted(roles.STAFF_ROLES))
@override_settings(**PRODUCTION_LIKE)
def test_staff_role_without_authenticator_is_sent_to_mfa_setup(client, db, role):
    client.force_login(user_in_role(role, mfa=False))
    for path in ["/admin/", "/board/", "/privacy/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == MFA_SETUP


@override_settings(**PRODUCTION_LIKE)
def test_is_staff_user_without_authenticator_cannot_reach_the_admin(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/")["Location"] == MFA_SETUP


@override_settings(**PRODUCTION_LIKE)
def test_staff_with_authenticator_reach_the_admin(client, db):
    client.force_login(user_in_role(roles.OFFICERS, mfa=True))
    assert client.get("/admin/").status_code == 200


@override_settings(**PRODUCTION_LIKE)
def test_officer_signing_in_without_authenticator_lands_on_mfa_setup(client, db):
    user = user_in_role(roles.OFFICERS, mfa=False)
    client.post(reverse("account_login"), {"login": user.email, "password": "a-long-test-password"})
    assert client.get("/admin/")["Location"] == MFA_SETUP
    # Just signed in: not asked for the password again (tests/core/test_sign_in_once.py).
    response = client.get(MFA_SETUP)
    assert response.status_code == 200
    assert b'src="data:image/svg+xml' in response.content
    assert b'class="govuk-button"' in response.content


def test_board_members_are_not_forced_to_use_mfa(client, db):
    user = user_in_role(roles.BOARD_MEMBERS, mfa=False)
    client.force_login(user)
    assert not mfa_required_for(user)
    assert client.get("/board/").status_code == 200


def test_anonymous_people_are_never_sent_to_mfa(client, db):
    assert client.get("/privacy/").status_code == 200


def test_mfa_required_follows_groups(db):
    user = UserFactory()
    assert not mfa_required_for(user)
    user.groups.add(Group.objects.get(name=roles.SAFEGUARDING_LEADS))
    assert mfa_required_for(user)


def test_wagtail_admin_login_is_the_allauth_form(client, db):
    html = client.get("/admin/login/").content.decode()
    assert 'action="/accounts/login/"' in html


def test_admin_redirects_anonymous_people_to_allauth_login(client, db):
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("account_login"))


def test_sign_in_with_authenticator_asks_for_a_code(client, db):
    user = user_in_role(roles.OFFICERS, mfa=True)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_login_is_throttled_after_repeated_failures(client, db):
    user = UserFactory()
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "a-long-test-password"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 429}


def test_public_sign_up_is_closed(client, db, django_user_model):
    client.post(
        reverse("account_signup"),
        {
            "email": "stranger@example.org",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
        },
    )
    assert not django_user_model.objects.filter(email="stranger@example.org").exists()
    assert not Authenticator.objects.exists()


def test_password_reset_sends_an_email(client, db, mailoutbox):
    UserFactory(email="member@example.org", username="member@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "member@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_board_member_opening_the_admin_gets_a_page_with_a_link_to_their_board(client, db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core.roles import BOARD_MEMBERS

    member = get_user_model().objects.create_user("member", "member@example.org", "x" * 12)
    member.groups.add(Group.objects.get(name=BOARD_MEMBERS))
    client.force_login(member)
    for path in ["/admin/", "/admin/pages/", "/admin/reports/site-history/"]:
        response = client.get(path)
        assert response.status_code == 403, path
        assert 'href="/board/"' in response.content.decode()
    # The loop this replaced: the sign-in page sends a signed-in member back to the admin.
    final = client.get("/accounts/login/?next=/admin/", follow=True)
    assert final.status_code == 403 and len(final.redirect_chain) <= 2


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("Officers", False),
        ("Safeguarding leads", False),
        ("Engagement leads", False),
        ("Administrators", True),
    ],
)
def test_only_administrators_read_the_site_history(client, db, role, allowed):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("staff", "staff@council.example", "x" * 12)
    user.groups.add(Group.objects.get(name=role))
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    for path in ["/admin/reports/site-history/", "/admin/reports/site-history/results/"]:
        assert (client.get(path).status_code == 200) is allowed, path
    if not allowed:  # nor offered in the Reports menu
        assert "site-history" not in client.get("/admin/").content.decode()
