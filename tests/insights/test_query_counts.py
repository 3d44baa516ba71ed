"""The dashboards and the exports list cost the same queries however much feedback there is."""

import datetime

import pytest
from django.utils import timezone

from core import roles
from insights.dashboard import QUOTED_THEMES
from insights.periods import last_full_months
from insights.rollups import rollups_rebuild
from tests.core.factories import user_in_role
from tests.insights.factories import ReportExportFactory, response_with
from tests.query_counts import assert_queries_flat
from tests.surveys.factories import TouchpointFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db
THEME_ROW = '<th scope="row" class="govuk-table__header">Test theme '


def _feedback(count):
    """Each row a new service, touchpoint and theme, with enough responses last month (the end
    of the default period) and a year before for their figures to be shown, not suppressed."""
    day = last_full_months(timezone.localdate())[1]
    year_ago = day - datetime.timedelta(days=365)
    for _ in range(count):
        touchpoint, theme = TouchpointFactory(), ThemeFactory()
        for overall in ["very_good", "good", "poor"] * 2:
            response_with(touchpoint, day, themes=[theme.key], overall=overall, text="Slow.")
            response_with(touchpoint, year_ago, themes=[theme.key], overall=overall)
    rollups_rebuild(start=year_ago.replace(day=1), end=day)


def test_exports_list_queries_do_not_grow_with_exports(client, django_assert_max_num_queries):
    lead = user_in_role(roles.ENGAGEMENT_LEADS)
    client.force_login(lead)
    assert_queries_flat(
        client,
        "/insights/exports/",
        lambda count: ReportExportFactory.create_batch(count, requested_by=lead),
        django_assert_max_num_queries,
        shown="Themes by month (counts) (CSV)",
    )


def test_staff_dashboard_queries_do_not_grow_with_services_and_themes(
    client, django_assert_max_num_queries
):
    client.force_login(user_in_role(roles.OFFICERS))
    assert_queries_flat(
        client, "/insights/", _feedback, django_assert_max_num_queries, shown=THEME_ROW
    )


def test_board_dashboard_queries_do_not_grow_with_services_and_themes(
    client, django_assert_max_num_queries
):
    """Quotes are read theme by theme for the top QUOTED_THEMES themes only: start with that many
    themes, so more themes add no queries."""
    client.force_login(user_in_role(roles.BOARD_MEMBERS, mfa=False))
    assert_queries_flat(
        client,
        "/insights/board/",
        _feedback,
        django_assert_max_num_queries,
        shown=THEME_ROW,
        few=QUOTED_THEMES,
    )
