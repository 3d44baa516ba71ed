"""The dashboard's numbers are the same whichever way they are counted.

Whole months come from the monthly roll-ups and odd days from the responses; here every route
is checked against a plain count of the responses themselves, on varied synthetic data.
"""

import random
from datetime import date

import pytest
from django.db import connection
from django.db.models import F
from django.db.models.functions import TruncMonth
from django.test.utils import CaptureQueriesContext

from insights import rollups
from insights.dashboard import BOARD, dashboard_build, one_pass
from insights.dashboard.one_pass import read_once
from insights.dashboard.sources import (
    answer_measures,
    pair_measures,
    plan,
    response_measures,
    theme_measures,
)
from insights.filters import ANSWER_FIELDS, FeedbackFilter
from insights.periods import month_start
from surveys.models import Service, Touchpoint
from tests.insights.factories import flag, response_with
from themes.models import ResponseAnalysis, Theme, ThemeMention

THEMES = ["waiting_times", "respite", "getting_through", "communication"]
WHOLE = (date(2026, 2, 1), date(2026, 3, 31))
ODD = (date(2026, 1, 20), date(2026, 3, 10))


@pytest.fixture
def varied(touchpoint):
    """150 responses from December to April with every dimension varied, and roll-ups built."""
    rng = random.Random(7)
    other_service = Service.objects.create(name="Carers", slug="carers")
    other = Touchpoint.objects.create(
        name="Carers hub", code="ca4p8", service=other_service, survey=touchpoint.survey
    )
    themes = [key for key in THEMES if Theme.objects.filter(key=key).exists()]
    for _ in range(150):
        # 'About you' answers and who helped fill the form in ('helped_by').
        equality = {
            name: rng.choice(["", *choices.values]) for name, (_q, choices) in ANSWER_FIELDS.items()
        }
        response = response_with(
            rng.choice([touchpoint, other]),
            date(2025, 12, 1).fromordinal(date(2025, 12, 1).toordinal() + rng.randrange(150)),
            themes=rng.sample(themes, rng.randrange(3)),
            sentiment=rng.choice(["negative", "positive", "neutral"]),
            overall=rng.choice(["very_good", "good", "neither", "poor", "very_poor", ""]),
            ascs_satisfaction=rng.choice([None, 2, 5, 7]),
            channel=rng.choice(["qr", "paper", "web"]),
            language=rng.choice(["en", "pl"]),
            **equality,
        )
        ResponseAnalysis.objects.create(
            response=response, status="done", sentiment=rng.choice(["positive", "negative", ""])
        )
        if rng.random() < 0.05:
            flag(response)
        elif rng.random() < 0.05:
            ThemeMention.objects.filter(response=response).update(review="rejected")
    rollups.rollups_rebuild(start=date(2025, 12, 1), end=date(2026, 5, 31))
    return touchpoint, other_service


def _filters(touchpoint, other_service):
    for start, end in (WHOLE, ODD):
        yield FeedbackFilter(start=start, end=end)
        yield FeedbackFilter(start=start, end=end, service_id=other_service.pk)
        yield FeedbackFilter(start=start, end=end, channel="paper", language="pl")
        yield FeedbackFilter(start=start, end=end, equality={"disability": "yes"})
        yield FeedbackFilter(
            start=start, end=end, service_id=other_service.pk, equality={"sex": "female"}
        )
        yield FeedbackFilter(start=start, end=end, equality={"age_band": ""} | {"sex": "male"})
        yield FeedbackFilter(start=start, end=end, channel="qr", equality={"disability": "no"})
        yield FeedbackFilter(start=start, end=end, touchpoint_id=touchpoint.pk)
        yield FeedbackFilter(start=start, end=end, touchpoint_id=touchpoint.pk, language="pl")
        yield FeedbackFilter(start=start, end=end, equality={"helped_by": "carer"})
        yield FeedbackFilter(start=start, end=end, equality={"helped_by": ""})
        yield FeedbackFilter(
            start=start, end=end, equality={"helped_by": "family", "disability": "yes"}
        )
        yield FeedbackFilter(start=start, end=end, channel="web", equality={"helped_by": "staff"})


def _keyed(rows, keys):
    return {
        tuple(month_start(row[k]) if k == "month" else row[k] for k in keys): {
            name: row[name] for name in row if name not in keys
        }
        for row in rows
    }


def _expected_responses(feedback_filter, keys, measures):
    responses = feedback_filter.responses().annotate(month=TruncMonth("submitted_on"))
    return _keyed(responses.values(*keys).annotate(**measures).order_by(), keys)


def test_every_route_counts_what_the_responses_say(varied):
    touchpoint, other_service = varied
    for feedback_filter in _filters(touchpoint, other_service):
        assert response_measures(feedback_filter) == feedback_filter.responses().aggregate(
            **rollups.response_measures()
        ), feedback_filter
        for keys in (("month",), ("service_id",)):
            expected = _expected_responses(feedback_filter, keys, rollups.response_measures())
            assert _keyed(response_measures(feedback_filter, keys), keys) == expected

        mentions = rollups.counted_mentions().filter(**feedback_filter.mention_filters())
        for keys in (("theme_id",), ("month", "theme_id")):
            expected = _keyed(
                mentions.annotate(month=TruncMonth("submitted_on"))
                .values(*keys)
                .annotate(**rollups.theme_measures())
                .order_by(),
                keys,
            )
            assert _keyed(theme_measures(feedback_filter, keys), keys) == expected, feedback_filter

        expected = {}
        for field in ANSWER_FIELDS:
            rows = (
                feedback_filter.responses()
                .annotate(answer=F(field))
                .values("answer")
                .annotate(**rollups.experience_measures())
                .order_by()
            )
            expected |= {(field, row.pop("answer")): row for row in rows}
        counted = _keyed(answer_measures(feedback_filter), ("question", "answer"))
        assert counted == expected, feedback_filter

        for first, second in (
            ("disability", "ethnic_group"),
            ("sex", "disability"),
            ("helped_by", "disability"),
            ("age_band", "helped_by"),
        ):
            expected = _keyed(
                feedback_filter.responses()
                .annotate(first=F(first), second=F(second))
                .values("first", "second")
                .annotate(**rollups.experience_measures())
                .order_by(),
                ("first", "second"),
            )
            rows = pair_measures(feedback_filter, first, second)
            assert _keyed(rows, ("first", "second")) == expected, (feedback_filter, first, second)


def test_first_negative_day_matches_the_mentions(varied):
    touchpoint, other_service = varied
    for feedback_filter in _filters(touchpoint, other_service):
        keys = ("service_id", "theme_id")
        rows = theme_measures(feedback_filter, keys, first_negative=True)
        mentions = rollups.counted_mentions().filter(**feedback_filter.mention_filters())
        expected = {
            (row["service_id"], row["theme_id"]): row["first"]
            for row in mentions.values(*keys).annotate(first=rollups.first_negative_on())
        }
        assert {(r["service_id"], r["theme_id"]): r["first_negative_on"] for r in rows} == expected


@pytest.mark.parametrize(
    "answer, pair",
    [
        ({"disability": "yes"}, ("disability", "ethnic_group")),
        ({"helped_by": "interpreter"}, ("disability", "helped_by")),
    ],
)
def test_whole_months_with_one_answer_never_read_the_responses(varied, answer, pair):
    """The point of the roll-ups: the work does not grow with the responses in the period."""
    feedback_filter = FeedbackFilter(start=WHOLE[0], end=WHOLE[1], equality=answer)
    assert plan(feedback_filter).odd_days == ()
    with CaptureQueriesContext(connection) as queries:
        response_measures(feedback_filter, ("month",))
        theme_measures(feedback_filter)
        answer_measures(feedback_filter)
        pair_measures(feedback_filter, *pair)
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "surveys_response" not in read
    assert "insights_thememention" not in read


def test_odd_days_and_unsupported_filters_fall_back_to_the_responses(varied):
    touchpoint, _other = varied
    odd = plan(FeedbackFilter(start=ODD[0], end=ODD[1]))
    assert odd.months == (date(2026, 2, 1), date(2026, 2, 1))
    assert odd.odd_days == (
        (date(2026, 1, 20), date(2026, 1, 31)),
        (date(2026, 3, 1), date(2026, 3, 10)),
    )
    two_cuts = FeedbackFilter(
        start=WHOLE[0], end=WHOLE[1], touchpoint_id=touchpoint.pk, equality={"sex": "female"}
    )
    assert plan(two_cuts).months is None and plan(two_cuts).odd_days == (WHOLE,)


PAIR = ("disability", "ethnic_group")


def test_one_pass_counts_what_each_query_counts(varied):
    """Inside `read_once`, each range of days is read once for every shape; the figures are the
    same as asking one query per shape (checked against the responses above)."""
    touchpoint, other_service = varied
    for feedback_filter in _filters(touchpoint, other_service):
        previous = feedback_filter.previous_period()

        def everything(f=feedback_filter, previous=previous):
            keyed = ("service_id", "theme_id")
            return {
                "total": response_measures(f),
                "before": response_measures(previous),
                "months": _keyed(response_measures(f, ("month",)), ("month",)),
                "services": _keyed(response_measures(f, ("service_id",)), ("service_id",)),
                "themes": _keyed(theme_measures(f), ("theme_id",)),
                "themes_before": _keyed(theme_measures(previous), ("theme_id",)),
                "theme_months": _keyed(
                    theme_measures(f, ("month", "theme_id")), ("month", "theme_id")
                ),
                "loop": _keyed(theme_measures(f, keyed, first_negative=True), keyed),
                "answers": _keyed(answer_measures(f), ("question", "answer")),
                "pair": _keyed(pair_measures(f, *PAIR), ("first", "second")),
            }

        one_query_each = everything()
        with read_once(now=feedback_filter, before=previous, pair=PAIR):
            assert everything() == one_query_each, feedback_filter


def _reads(queries, table):
    return [q["sql"] for q in queries.captured_queries if f'FROM "{table}"' in q["sql"]]


def test_a_dashboard_reads_each_range_of_responses_once(varied):
    """Their theme mentions too: picked through the responses read in the same statement."""
    feedback_filter = FeedbackFilter(start=ODD[0], end=ODD[1], equality={"disability": "yes"})
    previous = feedback_filter.previous_period()
    ranges = len(plan(feedback_filter).odd_days) + len(plan(previous).odd_days)
    assert ranges == 3
    with CaptureQueriesContext(connection) as queries:
        dashboard_build(feedback_filter, emerging=False)
    assert len(_reads(queries, "surveys_response")) == ranges


def test_odd_days_with_no_filter_but_dates_come_from_the_daily_rollups(varied):
    """Only the 'About you' breakdowns of the period's own odd days read responses; the period
    before, and every count of responses and themes, is added up from the roll-ups."""
    feedback_filter = FeedbackFilter(start=ODD[0], end=ODD[1])
    assert plan(feedback_filter).by_day
    assert not plan(FeedbackFilter(start=ODD[0], end=ODD[1], channel="qr")).by_day
    with CaptureQueriesContext(connection) as queries:
        dashboard_build(feedback_filter, emerging=False)
    reads = _reads(queries, "surveys_response")
    assert len(reads) == len(plan(feedback_filter).odd_days) == 2
    assert all("insights_responseanalysis" not in sql for sql in reads)
    assert _reads(queries, "insights_thememention") == []


@pytest.mark.parametrize(
    "filters",
    [
        {"start": ODD[0], "end": ODD[1]},
        {"start": WHOLE[0], "end": WHOLE[1], "equality": {"disability": "yes", "sex": "male"}},
        {"start": ODD[0], "end": ODD[1], "channel": "paper"},
    ],
)
def test_the_dashboard_is_the_same_read_once_or_query_by_query(varied, filters, monkeypatch):
    feedback_filter = FeedbackFilter(**filters)
    read_once_panels = dashboard_build(feedback_filter, audience=BOARD, emerging=False)
    monkeypatch.setattr(one_pass, "counted", lambda part, shape: None)
    assert dashboard_build(feedback_filter, audience=BOARD, emerging=False) == read_once_panels
