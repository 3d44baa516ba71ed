"""Each dashboard figure's arithmetic on known data, from the roll-ups and from the responses."""

from datetime import date

import pytest

from insights.dashboard import BOARD, dashboard_build
from insights.dashboard.equality import by_characteristic, by_pair
from insights.dashboard.responses import headline, monthly
from insights.dashboard.sources import response_measures, uses_rollups
from insights.dashboard.themes import theme_movement
from insights.filters import FeedbackFilter
from insights.rollups import rollups_rebuild
from tests.insights.factories import flag, response_with
from themes.models import Theme

MARCH = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))
FEBRUARY = date(2026, 2, 10)  # inside the equal-length period before March


def _theme(key):
    return Theme.objects.get(key=key).pk


def _rebuild():
    rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 12, 31))


@pytest.fixture
def march(touchpoint):
    """12 responses in March: 6 good or very good, 5 poor, 1 'neither'; 4 in February."""
    for overall in ["very_good"] * 3 + ["good"] * 3 + ["poor"] * 5 + ["neither"]:
        response_with(touchpoint, date(2026, 3, 5), overall=overall, themes=["waiting_times"])
    for overall in ["good", "poor", "poor", "poor"]:
        response_with(touchpoint, FEBRUARY, overall=overall)
    _rebuild()


def test_headline_shares_and_previous_period(march, touchpoint):
    direct = FeedbackFilter(start=MARCH.start, end=MARCH.end, touchpoint_id=touchpoint.pk)
    for feedback_filter in (MARCH, direct):
        figures = headline(feedback_filter)
        assert figures["responses"] == 12
        # 41.7% poor with 50% good would tell that 1 person said something else: not shown.
        assert (figures["positive_share"], figures["negative_share"]) == (50.0, None)
        assert str(figures["previous_responses"]) == "fewer than 5"
        assert figures["previous_positive_share"] is None
        assert figures["positive_change"] is None


def test_positive_change_against_previous_period(march, touchpoint):
    for overall in ["very_good"] * 5 + ["poor"] * 2:  # February: 6 good or very good, 5 poor
        response_with(touchpoint, FEBRUARY, overall=overall)
    _rebuild()
    figures = headline(MARCH)
    assert figures["previous_positive_share"] == 54.5
    assert figures["positive_change"] == -4.5


def test_monthly_rows_include_empty_months(march, touchpoint):
    for _ in range(5):
        response_with(touchpoint, date(2026, 1, 20), overall="good")
    _rebuild()
    rows = monthly(FeedbackFilter(start=date(2025, 12, 1), end=date(2026, 3, 31)))
    # February's 4 would be the total (21) minus the other months: January is hidden too.
    assert [str(row["responses"]) for row in rows] == ["0", "not shown", "fewer than 5", "12"]
    assert rows[3]["positive_share"] == 50.0
    assert rows[1]["positive_share"] is None and rows[2]["positive_share"] is None


def test_theme_movement_counts_share_and_direction(march, touchpoint):
    for _ in range(5):
        response_with(touchpoint, FEBRUARY, themes=["waiting_times"])
    for _ in range(5):
        response_with(touchpoint, FEBRUARY)
    _rebuild()
    row = next(r for r in theme_movement(MARCH) if r["theme_id"] == _theme("waiting_times"))
    assert (row["count"], row["share"]) == (12, 100.0)
    assert (row["previous_share"], row["change"], str(row["direction"])) == (
        35.7,
        64.3,
        "Rising",
    )


def test_small_theme_counts_are_suppressed(touchpoint):
    for _ in range(3):
        response_with(touchpoint, date(2026, 3, 5), themes=["respite"])
    for _ in range(10):
        response_with(touchpoint, date(2026, 3, 5))
    _rebuild()
    row = next(r for r in theme_movement(MARCH) if r["theme_id"] == _theme("respite"))
    assert str(row["count"]) == "fewer than 5"
    assert row["share"] is None


def test_flagged_comments_are_not_counted_in_themes(march, touchpoint):
    flag(response_with(touchpoint, date(2026, 3, 6), themes=["waiting_times"]))
    _rebuild()
    row = next(r for r in theme_movement(MARCH) if r["theme_id"] == _theme("waiting_times"))
    assert row["count"] == 12


def test_equality_breakdown_suppresses_groups_under_5(touchpoint):
    for _ in range(8):
        response_with(touchpoint, date(2026, 3, 5), overall="good", disability="yes")
    for overall in ["good", "poor", "poor"]:
        response_with(touchpoint, date(2026, 3, 5), overall=overall, disability="no")
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), overall="good", disability="prefer_not")
    _rebuild()
    tables = {t["field"]: t for t in by_characteristic(MARCH)}
    rows = {str(r["label"]): r for r in tables["disability"]["rows"]}
    assert rows["Yes"]["responses"] == 8 and rows["Yes"]["positive_share"] == 100.0
    assert str(rows["No"]["responses"]) == "fewer than 5"
    assert rows["No"]["positive_share"] is None
    # With both others shown, "No" would be the total (17) minus them.
    assert str(rows["Prefer not to say"]["responses"]) == "not shown"
    assert rows["Prefer not to say"]["positive_share"] is None


def test_two_characteristics_at_once(touchpoint):
    for overall in ["good"] * 5 + ["poor"] * 5:
        response_with(
            touchpoint, date(2026, 3, 5), overall=overall, disability="yes", ethnic_group="asian"
        )
    response_with(touchpoint, date(2026, 3, 5), disability="no", ethnic_group="asian")
    # So that the 1 is not the Asian column's total (in the ethnic group table) minus 10.
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), disability="prefer_not", ethnic_group="asian")
    _rebuild()
    pair = by_pair(MARCH, ("disability", "ethnic_group"))
    yes = next(row for row in pair["rows"] if str(row["label"]) == "Yes")
    no = next(row for row in pair["rows"] if str(row["label"]) == "No")
    asian = [str(c) for c in pair["columns"]].index("Asian or Asian British")
    assert yes["cells"][asian]["positive_share"] == 50.0
    assert no["cells"][asian]["suppressed"] is True


def test_board_dashboard_has_no_safeguarding_count_but_has_redacted_quotes(march):
    panels = dashboard_build(MARCH, audience=BOARD)
    assert "safeguarding_open" not in panels
    assert panels["quotes"][0]["name"] == Theme.objects.get(key="waiting_times").name
    staff = dashboard_build(MARCH)
    assert staff["safeguarding_open"] == 0


def test_one_equality_answer_is_read_from_rollups_two_from_responses(march, touchpoint):
    response_with(touchpoint, date(2026, 3, 6), overall="poor", disability="yes")
    response_with(touchpoint, date(2026, 3, 6), disability="yes", ethnic_group="asian")
    _rebuild()
    one = FeedbackFilter(start=MARCH.start, end=MARCH.end, equality={"disability": "yes"})
    two = FeedbackFilter(
        start=MARCH.start, end=MARCH.end, equality={"disability": "yes", "ethnic_group": "asian"}
    )
    assert uses_rollups(one) and not uses_rollups(two)
    assert response_measures(one)["responses"] == 2
    assert response_measures(two)["responses"] == 1
