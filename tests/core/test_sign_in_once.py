"""A new staff member types their password once: signing in counts as recent authentication,
so setting up MFA straight after does not ask "Confirm access" (issue #17)."""

import datetime

from django.test import override_settings
from django.urls import reverse
from freezegun import freeze_time

from core import roles
from tests.core.factories import user_in_role

MFA_SETUP = "/accounts/2fa/totp/activate/"
PASSWORD = "a-long-test-password"


def _sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


@override_settings(DEBUG=False)
def test_new_staff_member_goes_from_sign_in_to_mfa_setup_without_a_second_password(client, db):
    user = user_in_role(roles.OFFICERS, mfa=False)
    assert _sign_in(client, user).status_code == 302
    assert client.get("/admin/")["Location"] == MFA_SETUP
    response = client.get(MFA_SETUP)
    assert response.status_code == 200
    assert b'src="data:image/svg+xml' in response.content


@override_settings(DEBUG=False)
def test_the_password_is_asked_again_once_the_sign_in_is_no_longer_recent(client, db):
    user = user_in_role(roles.OFFICERS, mfa=False)
    start = datetime.datetime(2026, 6, 1, 9, 0)
    with freeze_time(start):
        _sign_in(client, user)
    with freeze_time(start + datetime.timedelta(minutes=10)):
        response = client.get(MFA_SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_signing_in_with_another_persons_session_records_counts_for_nothing(client, db):
    # The records belong to who signed in; a different account in the same session isn't
    # recently authenticated by them.
    first, second = user_in_role(roles.OFFICERS), user_in_role(roles.OFFICERS)
    client.post(reverse("account_login"), {"login": first.email, "password": PASSWORD})
    client.force_login(second)
    response = client.get("/accounts/2fa/recovery-codes/generate/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_confirm_access_page_is_a_gov_uk_form(client, db):
    client.force_login(user_in_role(roles.OFFICERS))
    html = client.get(reverse("account_reauthenticate")).content.decode()
    assert 'class="govuk-input' in html
    assert 'type="password"' in html
    assert '<label class="govuk-label' in html and 'for="id_password"' in html
    assert 'class="govuk-button"' in html
