"""When the database is unreachable, every page says 'please try again' with a 503."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

PLEASE_TRY_AGAIN = "Please try again in a few minutes"


def _database_down(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


def _assert_try_again_page(response):
    body = response.content.decode()
    assert response.status_code == 503
    assert PLEASE_TRY_AGAIN in body
    assert "Traceback" not in body
    assert response["Retry-After"] == "30"


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_error_in_a_view_gets_the_try_again_page(client, touchpoint, error):
    with mock.patch("surveys.published.Touchpoint") as model:  # only the touchpoint lookup
        model.objects.select_related.side_effect = error("down")
        response = client.get("/f/hd7k2")
    _assert_try_again_page(response)


def test_database_error_while_loading_the_session_in_middleware_gets_503(client, staff_user):
    client.force_login(staff_user)
    client.raise_request_exception = False  # as a real server: the response is what counts
    target = "django.contrib.sessions.backends.db.SessionStore._get_session_from_db"
    with mock.patch(target, side_effect=_database_down):
        response = client.get("/admin/surveys/responses/")
    _assert_try_again_page(response)


def test_database_error_in_a_response_middleware_gets_503(client, db):
    # Wagtail's redirect middleware looks up a redirect for every 404, after the view has run.
    client.raise_request_exception = False
    target = "wagtail.contrib.redirects.middleware.get_redirect"
    with mock.patch(target, side_effect=_database_down):
        response = client.get("/no-such-page-anywhere/")
    _assert_try_again_page(response)


def test_other_server_errors_still_get_the_500_page(client, touchpoint):
    client.raise_request_exception = False
    with mock.patch("surveys.published.Touchpoint") as model:
        model.objects.select_related.side_effect = KeyError
        response = client.get("/f/hd7k2")
    assert response.status_code == 500


@pytest.mark.parametrize(
    "address", ["/%00", "/feedback/receipt/%00/", "/f/hd7k2%00", "/privacy/?via=%00"]
)
def test_nul_character_in_the_address_is_a_friendly_400_before_any_query(
    client, touchpoint, address, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(address)
    assert response.status_code == 400
    assert "Sorry, we could not read what you sent" in response.content.decode()
