"""The touchpoint list shows each touchpoint's responses this month and in total."""

import re
from datetime import date

import pytest
from freezegun import freeze_time

from core import roles
from surveys.wagtail_hooks import touchpoints_with_response_counts
from tests.core.factories import user_in_role
from tests.query_counts import assert_queries_flat
from tests.surveys.factories import ResponseFactory, TouchpointFactory

pytestmark = pytest.mark.django_db
LISTING = "/admin/snippets/surveys/touchpoint/"


def _respond(touchpoint, *days):
    for day in days:
        ResponseFactory(touchpoint=touchpoint, submitted_on=day)


def test_counts_start_on_the_first_of_the_month_and_total_everything():
    busy, quiet = TouchpointFactory(name="Busy"), TouchpointFactory(name="Quiet")
    _respond(busy, date(2026, 5, 31), date(2026, 6, 1), date(2026, 6, 20))
    _respond(quiet, date(2025, 1, 3))
    counts = {
        t.name: (t.responses_this_month, t.responses_total)
        for t in touchpoints_with_response_counts(date(2026, 6, 20))
    }
    assert counts == {"Busy": (2, 3), "Quiet": (0, 1)}


@freeze_time("2026-06-20")
def test_touchpoint_listing_shows_both_counts_in_their_columns(client):
    client.force_login(user_in_role(roles.ENGAGEMENT_LEADS))
    touchpoint = TouchpointFactory(name="Ward round")
    _respond(touchpoint, date(2026, 4, 2), date(2026, 6, 3), date(2026, 6, 4), date(2026, 6, 5))
    html = client.get(LISTING).content.decode()
    assert "Responses this month" in html and "Responses in total" in html
    cells = re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", html)
    assert cells[-2:] == ["3", "4"]


def _touchpoints_with_responses(count):
    for _ in range(count):
        touchpoint = TouchpointFactory(name="Ward round")
        _respond(touchpoint, date.today(), date.today())


def test_touchpoint_listing_counts_cost_no_query_per_row(client, django_assert_max_num_queries):
    client.force_login(user_in_role(roles.ENGAGEMENT_LEADS))
    assert_queries_flat(
        client,
        LISTING,
        _touchpoints_with_responses,
        django_assert_max_num_queries,
        shown='/qr.svg"',
    )


def test_touchpoints_can_be_sorted_by_responses_in_total(client):
    client.force_login(user_in_role(roles.ENGAGEMENT_LEADS))
    _respond(TouchpointFactory(name="Busiest team"), date.today(), date.today())
    TouchpointFactory(name="Quietest team")
    html = client.get(LISTING + "?ordering=-responses_total").content.decode()
    assert html.index("Busiest team") < html.index("Quietest team")
    html = client.get(LISTING + "?ordering=responses_total").content.decode()
    assert html.index("Quietest team") < html.index("Busiest team")
