"""Staff lists of responses, contact requests and touchpoints: the same queries at any length."""

import pytest

from core import roles
from surveys.choices import FreeTextPurpose
from tests.core.factories import user_in_role
from tests.query_counts import assert_queries_flat
from tests.surveys.factories import (
    ContactRequestFactory,
    FreeTextAnswerFactory,
    ResponseFactory,
    TouchpointFactory,
)

pytestmark = pytest.mark.django_db


def _responses(count):
    for _ in range(count):
        response = ResponseFactory(touchpoint=TouchpointFactory(), overall="poor")
        FreeTextAnswerFactory(response=response, text="The ramp was too steep.")
        FreeTextAnswerFactory(response=response, purpose=FreeTextPurpose.WENT_WELL)


def _contact_requests(count):
    for _ in range(count):
        ContactRequestFactory(needs="Please call after 3pm.")


def _touchpoints(count):
    for _ in range(count):
        TouchpointFactory(name="Ward round")


def test_response_list_queries_do_not_grow_with_responses(client, django_assert_max_num_queries):
    client.force_login(user_in_role(roles.OFFICERS))
    assert_queries_flat(
        client,
        "/admin/feedback/responses/",
        _responses,
        django_assert_max_num_queries,
        shown="The ramp was too steep.",
    )


def test_contact_request_list_queries_do_not_grow_with_requests(
    client, django_assert_max_num_queries
):
    client.force_login(user_in_role(roles.ENGAGEMENT_LEADS))
    assert_queries_flat(
        client,
        "/admin/feedback/contact-requests/",
        _contact_requests,
        django_assert_max_num_queries,
        shown="Please call after 3pm.",
    )


def test_print_cards_list_queries_do_not_grow_with_touchpoints(
    client, django_assert_max_num_queries
):
    client.force_login(user_in_role(roles.OFFICERS))
    assert_queries_flat(
        client,
        "/admin/feedback/cards/",
        _touchpoints,
        django_assert_max_num_queries,
        shown="Ward round (",
    )


def test_key_in_touchpoint_list_queries_do_not_grow_with_touchpoints(
    client, django_assert_max_num_queries
):
    client.force_login(user_in_role(roles.OFFICERS))
    assert_queries_flat(
        client,
        "/admin/feedback/enter/",
        _touchpoints,
        django_assert_max_num_queries,
        shown=": Ward round</a>",
    )


def test_touchpoint_listing_queries_do_not_grow_with_touchpoints(
    client, django_assert_max_num_queries
):
    client.force_login(user_in_role(roles.ENGAGEMENT_LEADS))
    assert_queries_flat(
        client,
        "/admin/snippets/surveys/touchpoint/",
        _touchpoints,
        django_assert_max_num_queries,
        shown='/qr.svg"',
    )
