"""Tagging adds one response's counts to the roll-ups: the same rows a recount makes, at a cost
that doesn't grow with the month, and never twice for the same response."""

import random
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from insights.models import ROLLUP_MODELS, CountedResponse
from insights.rollups import rollups_add_response, rollups_rebuild
from surveys.choices import AgeBand, Channel, Disability, HelpedBy
from tests.insights.factories import flag, response_with
from themes.models import ResponseAnalysis, ThemeMention

THEMES = ["respite", "waiting_times", "communication"]
COUNT_FIELDS = {
    "responses", "answered", "positive", "negative", "ascs_answered", "ascs_satisfied",
    "sentiment_positive", "sentiment_neutral", "sentiment_negative",
}  # fmt: skip


def _everything_counted():
    """Every roll-up table as {(table, dimensions): counts}, rows with the same dimensions added
    up (as the dashboard adds them)."""
    totals = {}
    for model in ROLLUP_MODELS:
        for row in model.objects.values():
            row.pop("id")
            first_negative = row.pop("first_negative_on", None)
            counts = Counter({name: row.pop(name) for name in list(row) if name in COUNT_FIELDS})
            key = (model.__name__, tuple(sorted(row.items())))
            found = totals.setdefault(key, [Counter(), None])
            found[0].update(counts)
            if first_negative and (found[1] is None or first_negative < found[1]):
                found[1] = first_negative
    return {key: (dict(+counts), first) for key, (counts, first) in totals.items()}


def _rebuild():
    rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 12, 31))


def _varied_response(touchpoint, rng, number):
    response = response_with(
        touchpoint,
        date(2026, rng.choice([3, 4]), rng.randint(1, 28)),
        themes=rng.sample(THEMES, rng.randint(0, 2)),
        sentiment=rng.choice(["negative", "positive", "neutral"]),
        overall=rng.choice(["very_good", "good", "poor", "very_poor", "neither", ""]),
        channel=rng.choice([Channel.QR, Channel.PAPER]),
        ascs_satisfaction=rng.choice([None, 2, 5, 7]),
        age_band=rng.choice(["", AgeBand.AGE_65_74, AgeBand.AGE_75_84]),
        disability=rng.choice(["", Disability.YES]),
        helped_by=rng.choice(["", HelpedBy.CARER]),
    )
    ResponseAnalysis.objects.create(
        response=response,
        status=ResponseAnalysis.Status.DONE,
        sentiment=rng.choice(["negative", "positive", "neutral"]),
    )
    if number % 7 == 3:
        flag(response)
    if number % 5 == 1:
        first = ThemeMention.objects.filter(response=response).first()
        if first:
            first.review = ThemeMention.Review.REJECTED
            first.save(update_fields=["review"])
    return response


@pytest.mark.parametrize("seed", [1, 2])
def test_adding_each_response_makes_the_rows_a_recount_makes(touchpoint, seed):
    rng = random.Random(seed)
    for number in range(30):
        rollups_add_response(response=_varied_response(touchpoint, rng, number))
    added = _everything_counted()
    assert added  # something was counted

    _rebuild()
    assert _everything_counted() == added


def test_tagging_again_recounts_instead_of_adding_twice(touchpoint):
    response = response_with(touchpoint, date(2026, 3, 5), themes=["respite"], overall="poor")
    rollups_add_response(response=response)
    rollups_add_response(response=response)  # a retag, or a task run twice
    counted = _everything_counted()
    _rebuild()
    assert _everything_counted() == counted
    assert CountedResponse.objects.count() == 1


def test_a_response_a_recount_already_counted_is_not_added_again(touchpoint):
    earlier = response_with(touchpoint, date(2026, 3, 5), themes=["respite"], overall="poor")
    waiting = response_with(touchpoint, date(2026, 3, 6), overall="good")
    _rebuild()  # the nightly recount runs before `waiting` is tagged
    rollups_add_response(response=waiting)
    rollups_add_response(response=earlier)
    counted = _everything_counted()
    _rebuild()
    assert _everything_counted() == counted
    totals = [c for (table, _), (c, _f) in counted.items() if table == "MonthlyResponseRollup"]
    assert sum(c["responses"] for c in totals) == 2


def _queries_to_add(touchpoint, on):
    response = response_with(touchpoint, on, themes=["respite", "communication"], overall="poor")
    with CaptureQueriesContext(connection) as captured:
        rollups_add_response(response=response)
    return len(captured.captured_queries)


def test_adding_costs_the_same_on_the_first_of_the_month_as_at_its_end(touchpoint):
    first = _queries_to_add(touchpoint, date(2026, 5, 1))
    rng = random.Random(3)
    for number in range(40):
        response = _varied_response(touchpoint, rng, number)
        response.submitted_on = date(2026, 5, rng.randint(1, 27))
        response.save(update_fields=["submitted_on"])
        ThemeMention.objects.filter(response=response).update(submitted_on=response.submitted_on)
        rollups_add_response(response=response)
    last = _queries_to_add(touchpoint, date(2026, 5, 28))
    assert last <= first
