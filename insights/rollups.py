"""Keep the roll-ups in step with responses and their tags.

`rollups_rebuild(start=, end=)` replaces the roll-up rows (monthly and daily) of every month the
range touches with fresh counts made by the database (GROUP BY); it is idempotent, so backfills
and re-runs are safe.
Tagging calls `rollups_add_response(response=)`: the first time, it adds that one response's counts
to the rows (a cost that doesn't grow with the month); after that (a retag, a review) it recounts
the response's month and service with `rollups_refresh_for`. `CountedResponse` records which
responses the rows hold, so no response is counted twice, whichever comes first.
"""

from itertools import combinations

from django.db import IntegrityError, transaction
from django.db.models import Case, Count, Exists, F, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import TruncMonth

from insights.filters import ANSWER_FIELDS
from insights.models import (
    DAILY_ROLLUP_MODELS,
    MONTHLY_ROLLUP_MODELS,
    CountedResponse,
    DailyResponseRollup,
    DailyThemeRollup,
    MonthlyEqualityPairRollup,
    MonthlyEqualityRollup,
    MonthlyEqualityThemeRollup,
    MonthlyResponseRollup,
    MonthlyThemeRollup,
    MonthlyTouchpointRollup,
    MonthlyTouchpointThemeRollup,
)
from insights.periods import month_end, month_start
from surveys.choices import NEGATIVE_EXPERIENCE, POSITIVE_EXPERIENCE
from surveys.models import Response
from themes.models import SafeguardingFlag, ThemeMention

BATCH_SIZE = 5000
SATISFIED_FROM = 5  # ASCS 'quite satisfied' or better
# Each pair of answer fields once, in ANSWER_FIELDS order ('helped_by' last, so the pairs of
# 'About you' questions keep the order they were first stored in).
EQUALITY_PAIRS = tuple(combinations(ANSWER_FIELDS, 2))


def experience_measures(prefix=""):
    """Friends and Family Test counts as COUNT(... FILTER ...) over Response rows."""
    count = f"{prefix}id"
    return {
        "responses": Count(count),
        "answered": Count(count, filter=~Q(**{f"{prefix}overall": ""})),
        "positive": Count(count, filter=Q(**{f"{prefix}overall__in": POSITIVE_EXPERIENCE})),
        "negative": Count(count, filter=Q(**{f"{prefix}overall__in": NEGATIVE_EXPERIENCE})),
    }


def response_measures(prefix=""):
    """Every response measure the roll-ups hold, as aggregates over Response rows."""
    count = f"{prefix}id"
    sentiment = f"{prefix}analysis__sentiment"
    return {
        **experience_measures(prefix),
        "ascs_answered": Count(count, filter=Q(**{f"{prefix}ascs_satisfaction__isnull": False})),
        "ascs_satisfied": Count(
            count, filter=Q(**{f"{prefix}ascs_satisfaction__gte": SATISFIED_FROM})
        ),
        "sentiment_positive": Count(count, filter=Q(**{sentiment: "positive"})),
        "sentiment_neutral": Count(count, filter=Q(**{sentiment: "neutral"})),
        "sentiment_negative": Count(count, filter=Q(**{sentiment: "negative"})),
    }


def theme_measures():
    """Responses mentioning a theme, and negatively or positively, over ThemeMention rows."""
    return {
        "responses": Count("response_id", distinct=True),
        "negative": Count("response_id", filter=Q(sentiment="negative"), distinct=True),
        "positive": Count("response_id", filter=Q(sentiment="positive"), distinct=True),
    }


def first_negative_on():
    return Min("submitted_on", filter=Q(sentiment="negative"))


RESPONSE_MEASURES = tuple(response_measures())
EXPERIENCE_MEASURES = tuple(experience_measures())
THEME_MEASURES = tuple(theme_measures())


def counted_mentions():
    """Mentions that count: not rejected by staff, not safeguarding, not from flagged comments."""
    # NOT EXISTS lets the database anti-join the flags once instead of probing them per mention.
    flagged = SafeguardingFlag.objects.filter(comment_id=OuterRef("comment_id"))
    return (
        ThemeMention.objects.filter(theme__is_safeguarding=False)
        .exclude(review=ThemeMention.Review.REJECTED)
        .filter(~Exists(flagged))
    )


def _by_month(queryset, start, end, service_id):
    queryset = queryset.filter(submitted_on__gte=start, submitted_on__lte=end)
    if service_id:
        queryset = queryset.filter(service_id=service_id)
    return queryset.annotate(month=TruncMonth("submitted_on")).order_by()


def _response_rows(responses, mentions):
    rows = responses.values("month", "service_id", "channel", "language")
    yield MonthlyResponseRollup, rows.annotate(**response_measures())
    themes = mentions.values(
        "month",
        "service_id",
        "theme_id",
        channel=F("response__channel"),
        language=F("response__language"),
    )
    yield (
        MonthlyThemeRollup,
        themes.annotate(**theme_measures(), first_negative_on=first_negative_on()),
    )
    rows = responses.values("month", "service_id", "touchpoint_id")
    yield MonthlyTouchpointRollup, rows.annotate(**response_measures())
    themes = mentions.values(
        "month", "service_id", "theme_id", touchpoint_id=F("response__touchpoint_id")
    )
    yield (
        MonthlyTouchpointThemeRollup,
        themes.annotate(**theme_measures(), first_negative_on=first_negative_on()),
    )


def _equality_rows(responses, mentions):
    for field in ANSWER_FIELDS:
        rows = responses.values("month", "service_id", value=F(field))
        yield MonthlyEqualityRollup, rows.annotate(**response_measures()), {"field": field}
        themes = mentions.values("month", "service_id", "theme_id", value=F(f"response__{field}"))
        themes = themes.annotate(**theme_measures(), first_negative_on=first_negative_on())
        yield MonthlyEqualityThemeRollup, themes, {"field": field}
    for field, other_field in EQUALITY_PAIRS:
        rows = responses.values("month", "service_id", value=F(field), other_value=F(other_field))
        yield (
            MonthlyEqualityPairRollup,
            rows.annotate(**experience_measures()),
            {"field": field, "other_field": other_field},
        )


def _daily_rows(responses, mentions):
    rows = responses.values("service_id", day=F("submitted_on"))
    yield DailyResponseRollup, rows.annotate(**response_measures())
    themes = mentions.values("service_id", "theme_id", day=F("submitted_on"))
    yield DailyThemeRollup, themes.annotate(**theme_measures())


def _bulk_insert(model, rows, fixed):
    batch, written = [], 0
    for row in rows:
        if "month" in row:
            row["month"] = month_start(row["month"])  # a datetime on some databases
        batch.append(model(**row, **fixed))
        if len(batch) == BATCH_SIZE:
            written += len(model.objects.bulk_create(batch))
            batch = []
    return written + len(model.objects.bulk_create(batch))


@transaction.atomic
def rollups_rebuild(*, start, end, service_id=None):
    """Recount every month that `start`..`end` touches (optionally for one service).

    Returns the number of roll-up rows written.
    """
    first, last = month_start(start), month_end(month_start(end))
    stale = [model.objects.filter(month__range=(first, last)) for model in MONTHLY_ROLLUP_MODELS]
    stale += [model.objects.filter(day__range=(first, last)) for model in DAILY_ROLLUP_MODELS]
    for rows in stale:
        (rows.filter(service_id=service_id) if service_id else rows).delete()
    responses = _by_month(Response.objects.all(), first, last, service_id)
    mentions = _by_month(counted_mentions(), first, last, service_id)
    written = 0
    for model, rows in _response_rows(responses, mentions):
        written += _bulk_insert(model, rows.iterator(), {})
    for model, rows, fixed in _equality_rows(responses, mentions):
        written += _bulk_insert(model, rows.iterator(), fixed)
    for model, rows in _daily_rows(responses, mentions):
        written += _bulk_insert(model, rows.iterator(), {})
    _mark_counted(responses)
    return written


def _mark_counted(responses):
    uncounted = responses.filter(~Exists(CountedResponse.objects.filter(response=OuterRef("pk"))))
    batch = []
    for response_id in uncounted.values_list("pk", flat=True).iterator():
        batch.append(CountedResponse(response_id=response_id))
        if len(batch) == BATCH_SIZE:
            CountedResponse.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    CountedResponse.objects.bulk_create(batch, ignore_conflicts=True)


def rollups_refresh_for(*, response):
    """Bring the roll-ups for a response's month and service up to date (called after tagging)."""
    day = response.submitted_on
    return rollups_rebuild(start=day, end=day, service_id=response.service_id)


@transaction.atomic
def rollups_add_response(*, response):
    """After tagging: add a response's counts the first time, recount its month after that."""
    try:
        with transaction.atomic():
            CountedResponse.objects.create(response_id=response.pk)
    except IntegrityError:
        return rollups_refresh_for(response=response)
    # The same GROUP BY queries as a recount, over this one response: its contribution to each
    # row, counted exactly as a recount would count it.
    responses = Response.objects.filter(pk=response.pk).annotate(month=TruncMonth("submitted_on"))
    mentions = counted_mentions().filter(response_id=response.pk)
    mentions = mentions.annotate(month=TruncMonth("submitted_on"))
    responses, mentions = responses.order_by(), mentions.order_by()
    written = 0
    for model, rows in _response_rows(responses, mentions):
        written += _add_rows(model, rows, {})
    for model, rows, fixed in _equality_rows(responses, mentions):
        written += _add_rows(model, rows, fixed)
    for model, rows in _daily_rows(responses, mentions):
        written += _add_rows(model, rows, {})
    return written


COUNTS = frozenset(RESPONSE_MEASURES + THEME_MEASURES)


def _add_rows(model, rows, fixed):
    """Add each row's counts to the row with the same dimensions, or insert it."""
    added = 0
    for row in rows:
        added += 1
        if "month" in row:
            row["month"] = month_start(row["month"])
        dimensions = {k: v for k, v in row.items() if k not in COUNTS and k != "first_negative_on"}
        dimensions |= fixed
        changes = {name: F(name) + row[name] for name in row if name in COUNTS}
        first_negative = row.get("first_negative_on")
        if first_negative is not None:
            earlier = Q(first_negative_on__isnull=True) | Q(first_negative_on__gt=first_negative)
            changes["first_negative_on"] = Case(
                When(earlier, then=Value(first_negative)), default=F("first_negative_on")
            )
        # One row per set of dimensions is updated, even if a race ever inserted two (readers
        # add rows up, so two would still count right; a recount merges them).
        one = model.objects.filter(**dimensions).order_by("pk").values("pk")[:1]
        if not model.objects.filter(pk=Subquery(one)).update(**changes):
            model.objects.create(**row, **fixed)
    return added
