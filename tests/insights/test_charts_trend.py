"""'You said, we did': how the theme moved after the change, month by month (6 months before,
up to 6 since), counts under 5 hidden by the suppression layer, as a chart with its table, on
the public page and the board's action page. The public entry names its themes (an action has
`themes`, not `theme`)."""

# ruff: noqa: F811 - the board fixtures are imported, then asked for by name
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from cms.models import YouSaidWeDidIndexPage
from coproduction.choices import ActionStatus
from insights.charts.trends import trend_panel
from insights.rollups import rollups_rebuild
from insights.selectors import theme_trends
from tests.coproduction.conftest import board, member  # noqa: F401 - shared fixtures
from tests.coproduction.factories import ActionFactory
from tests.insights.factories import response_with
from themes.models import Theme

TODAY = date(2025, 8, 20)
DONE = date(2025, 4, 10)
# Mentions of waiting times each month: January and February are too small to show.
MENTIONS = {(2024, 12): 6, (2025, 1): 2, (2025, 2): 3, (2025, 3): 8, (2025, 5): 5, (2025, 6): 7}
SHOWN = [0, 0, 6, None, None, 8, 0, 5, 7, 0, 0]  # October 2024 to August 2025


@pytest.fixture
def yswd_page(home):
    page = YouSaidWeDidIndexPage(title="You said, we did", slug="you-said-we-did")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def mentions(touchpoint):
    for (year, month), count in MENTIONS.items():
        for _ in range(count):
            response_with(touchpoint, date(year, month, 12), themes=["waiting_times"])
    for _ in range(6):  # another theme's mentions are not this one's
        response_with(touchpoint, date(2025, 7, 1), themes=["communication"])
    rollups_rebuild(start=date(2024, 1, 1), end=date(2025, 12, 31))
    return Theme.objects.get(key="waiting_times")


def _done_action(on_board, themes, completed_on=DONE, **fields):
    action = ActionFactory(
        board=on_board,
        status=ActionStatus.DONE,
        completed_on=completed_on,
        published_at=timezone.now(),
        you_said="We waited too long for an assessment.",
        we_did="We now publish waiting times each month.",
        **fields,
    )
    action.themes.set(themes)
    return action


def test_trend_counts_each_month_six_before_and_since_with_small_months_hidden(mentions):
    trend = theme_trends([("a", [mentions], DONE)], today=TODAY)["a"]
    assert trend["months"][0] == date(2024, 10, 1) and trend["months"][-1] == date(2025, 8, 1)
    assert trend["changed"] == date(2025, 4, 1)
    ((theme, counts),) = trend["themes"]
    assert theme == mentions
    assert [count.value for count in counts] == SHOWN
    assert [str(count) for count in counts[3:5]] == ["fewer than 5", "fewer than 5"]


def test_trend_stops_at_this_month_and_at_six_months_after_the_change(mentions):
    this_month = theme_trends([("a", [mentions], date(2025, 3, 2))], today=date(2025, 3, 20))
    assert this_month["a"]["months"][-1] == date(2025, 3, 1)  # nothing still to come
    later = theme_trends([("a", [mentions], date(2025, 1, 5))], today=date(2026, 6, 1))
    assert later["a"]["months"][-1] == date(2025, 7, 1)
    assert len(later["a"]["months"]) == 13


def test_no_trend_without_any_responses(db):
    theme = Theme.objects.get(key="waiting_times")
    assert theme_trends([("a", [theme], DONE)], today=TODAY) == {"a": None}


def test_no_trend_from_fewer_than_5_responses(touchpoint):
    for _ in range(4):
        response_with(touchpoint, date(2025, 3, 12), themes=["waiting_times"])
    rollups_rebuild(start=date(2024, 1, 1), end=date(2025, 12, 31))
    theme = Theme.objects.get(key="waiting_times")
    assert theme_trends([("a", [theme], DONE)], today=TODAY) == {"a": None}


def test_a_small_month_that_could_be_worked_out_is_hidden_too(touchpoint):
    # One month of 2 beside months of 6 and 7: its column's total would give it away.
    for month, count in ((2, 6), (3, 2), (5, 7)):
        for _ in range(count):
            response_with(touchpoint, date(2025, month, 3), themes=["waiting_times"])
    rollups_rebuild(start=date(2024, 1, 1), end=date(2025, 12, 31))
    theme = Theme.objects.get(key="waiting_times")
    ((_theme, counts),) = theme_trends([("a", [theme], DONE)], today=TODAY)["a"]["themes"]
    hidden = [str(count) for count in counts if count.hidden]
    assert hidden == ["not shown", "fewer than 5"]


def test_trend_chart_breaks_at_hidden_months_and_marks_the_change(mentions):
    panel = trend_panel("trend-1", theme_trends([("a", [mentions], DONE)], today=TODAY)["a"])
    chart = str(panel["chart"])
    assert 'id="trend-1"' in chart and "Change made" in chart
    assert chart.count("<circle") == len([value for value in SHOWN if value is not None])
    path = chart.split('class="app-chart__line"')[0].rsplit('d="', 1)[1]
    assert path.count("M") == 2  # the months before the hidden ones, and those after
    when = [row["when"] for row in panel["rows"]]
    assert when == ["Before the change"] * 6 + ["Since the change"] * 5
    assert str(panel["rows"][3]["counts"][0]) == "fewer than 5"


@freeze_time("2025-08-20")
def test_public_entry_names_its_themes_and_shows_the_trend_chart_with_its_table(
    client,
    board,
    yswd_page,
    mentions,
):
    communication = Theme.objects.get(key="communication")
    action = _done_action(board, [mentions, communication])
    page = client.get(yswd_page.url).content.decode()
    names = ", ".join(f"<bdi>{theme.name}</bdi>" for theme in action.themes.all())
    assert names.count("<bdi>") == 2 and names in page
    assert f'id="trend-{action.pk}"' in page and 'role="img"' in page
    assert "Responses each month mentioning the theme, before and since the change" in page
    assert "fewer than 5" in page
    assert "How often people have mentioned it" in page


@freeze_time("2025-08-20")
def test_public_entry_without_themes_or_enough_feedback_has_no_chart(
    client,
    board,
    yswd_page,
    touchpoint,
):
    without_themes = _done_action(board, [])
    theme = Theme.objects.get(key="waiting_times")
    too_few = _done_action(board, [theme])
    response_with(touchpoint, date(2025, 5, 1), themes=["waiting_times"])
    rollups_rebuild(start=date(2024, 1, 1), end=date(2025, 12, 31))
    page = client.get(yswd_page.url).content.decode()
    assert f'id="trend-{without_themes.pk}"' not in page
    assert f'id="trend-{too_few.pk}"' not in page
    assert "How often people have mentioned it" not in page
    assert f"<bdi>{theme.name}</bdi>" in page


@freeze_time("2025-08-20")
def test_board_action_page_shows_the_trend_chart(client, board, member, mentions):
    action = _done_action(board, [mentions])
    client.force_login(member)
    page = client.get(reverse("coproduction:action-detail", args=[board.slug, action.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'id="trend-{action.pk}"' in html and "Change made" in html


@freeze_time("2025-08-20")
def test_an_open_action_has_no_trend_chart(client, board, member, mentions):
    action = ActionFactory(board=board)
    action.themes.set([mentions])
    client.force_login(member)
    html = client.get(reverse("coproduction:action-detail", args=[board.slug, action.pk]))
    assert f'id="trend-{action.pk}"' not in html.content.decode()
