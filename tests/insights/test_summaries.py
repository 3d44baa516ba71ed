from datetime import date

from insights import selectors
from insights.rollups import rollups_rebuild
from tests.insights.factories import flag, response_with
from themes.models import Theme

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
# The equal-length period just before March 1-31 is January 29 - February 28.
FEBRUARY = date(2026, 2, 10)


def theme_summary(**kwargs):
    """The summary once the roll-ups are up to date, as tagging leaves them."""
    rollups_rebuild(start=date(2025, 1, 1), end=date(2026, 12, 31))
    return selectors.theme_summary(**kwargs)


def theme_trend(**kwargs):
    rollups_rebuild(start=date(2025, 1, 1), end=date(2026, 12, 31))
    return selectors.theme_trend(**kwargs)


def _row(summary, key):
    return next(row for row in summary["themes"] if row["key"] == key)


def test_counts_shares_and_negative_share(touchpoint):
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), themes=["getting_through"])
    for _ in range(5):
        response_with(
            touchpoint, date(2026, 3, 6), themes=["getting_through"], sentiment="positive"
        )
    for _ in range(9):
        response_with(touchpoint, date(2026, 3, 7))
    summary = theme_summary(start=MARCH[0], end=MARCH[1])
    row = _row(summary, "getting_through")
    assert summary["response_count"] == 20
    assert row["count"] == 11
    assert row["share"] == 55.0
    assert (row["negative_share"], row["positive_share"]) == (54.5, 45.5)


def test_a_share_that_gives_away_a_small_number_is_not_shown(touchpoint):
    """75% negative of 8 would tell that 2 were not."""
    for sentiment in ["negative"] * 6 + ["positive"] * 2:
        response_with(touchpoint, date(2026, 3, 5), themes=["getting_through"], sentiment=sentiment)
    row = _row(theme_summary(start=MARCH[0], end=MARCH[1]), "getting_through")
    assert row["count"] == 8
    assert (row["negative_share"], row["positive_share"]) == (None, None)
    assert len(row["quotes"]) <= 3


def test_change_against_previous_equal_period(touchpoint):
    for _ in range(5):
        response_with(touchpoint, FEBRUARY, themes=["waiting_times"])
    for _ in range(15):
        response_with(touchpoint, FEBRUARY)
    for _ in range(10):
        response_with(touchpoint, date(2026, 3, 9), themes=["waiting_times"])
    for _ in range(10):
        response_with(touchpoint, date(2026, 3, 9))
    row = _row(theme_summary(start=MARCH[0], end=MARCH[1]), "waiting_times")
    assert (row["previous_share"], row["share"], row["change"]) == (25.0, 50.0, 25.0)


def test_small_numbers_are_suppressed(touchpoint):
    for _ in range(3):
        response_with(touchpoint, date(2026, 3, 5), themes=["respite"])
    for _ in range(10):
        response_with(touchpoint, date(2026, 3, 5))
    row = _row(theme_summary(start=MARCH[0], end=MARCH[1]), "respite")
    assert str(row["count"]) == "fewer than 5"
    assert row["share"] is None
    assert row["quotes"] == []


def test_whole_summary_suppressed_when_fewer_than_5_responses(touchpoint):
    for _ in range(4):
        response_with(touchpoint, date(2026, 3, 5), themes=["respite"])
    summary = theme_summary(start=MARCH[0], end=MARCH[1])
    assert summary["suppressed"] is True
    assert str(summary["response_count"]) == "fewer than 5"
    assert summary["themes"] == []


def test_flagged_comments_never_appear_in_summaries(touchpoint):
    flagged = response_with(
        touchpoint, date(2026, 3, 5), themes=["home_care_quality"], text="Flagged story here."
    )
    flag(flagged)
    for _ in range(6):
        response_with(
            touchpoint, date(2026, 3, 5), themes=["home_care_quality"], text="Late carers."
        )
    row = _row(theme_summary(start=MARCH[0], end=MARCH[1]), "home_care_quality")
    assert row["count"] == 6
    assert all("Flagged story" not in quote for quote in row["quotes"])


def test_filters_by_equality_group(touchpoint):
    for _ in range(5):
        response_with(
            touchpoint, date(2026, 3, 5), themes=["interpreters_language"], ethnic_group="asian"
        )
    for _ in range(5):
        response_with(touchpoint, date(2026, 3, 5), ethnic_group="white")
    summary = theme_summary(start=MARCH[0], end=MARCH[1], equality={"ethnic_group": "asian"})
    assert summary["response_count"] == 5
    assert _row(summary, "interpreters_language")["share"] == 100.0


def test_theme_trend_after_a_board_action(touchpoint):
    for _ in range(5):
        response_with(touchpoint, date(2026, 2, 20), themes=["getting_through"])
    for _ in range(5):
        response_with(touchpoint, date(2026, 2, 20))
    for _ in range(5):
        response_with(touchpoint, date(2026, 3, 10), themes=["getting_through"])
    for _ in range(15):
        response_with(touchpoint, date(2026, 3, 10))
    trend = theme_trend(
        theme=Theme.objects.get(key="getting_through"),
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
    )
    assert (trend["before"], trend["after"], trend["direction"]) == (50.0, 25.0, "fewer")
    assert "25.0% of responses since" in trend["description"]


def test_emerging_phrases_surface_recurring_untagged_phrases(touchpoint, keys):
    from surveys.services import response_submit
    from surveys.submission import Comment, Submission
    from themes.services import response_analyse

    for number in range(6):
        response, _ = response_submit(
            survey=touchpoint.survey,
            touchpoint=touchpoint,
            channel="qr",
            submitted_on=date(2026, 3, 3 + number),
            submission=Submission(
                comments=[
                    Comment(
                        keys["do_better"],
                        "do_better",
                        f"The blue badge parking near the centre is a nightmare {number}.",
                    )
                ]
            ),
        )
        response_analyse(response=response)
    phrases = theme_summary(start=MARCH[0], end=MARCH[1])["emerging_phrases"]
    assert any("blue badge" in item["phrase"] for item in phrases)
