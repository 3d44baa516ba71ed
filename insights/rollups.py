"""Keep the daily roll-ups in step with responses and their tags.

`rollups_rebuild(start=, end=)` replaces every roll-up row in a date range with fresh counts made
by the database (GROUP BY); it is idempotent, so backfills and re-runs are safe. Tagging calls
`rollups_refresh_for(response=)`, which rebuilds that response's day.
"""

from django.db import transaction
from django.db.models import Count, Q

from insights.models import DailyResponseRollup, DailyThemeRollup, ThemeMention
from surveys.choices import NEGATIVE_EXPERIENCE, POSITIVE_EXPERIENCE
from surveys.models import Response

BATCH_SIZE = 5000
DIMENSIONS = ("service_id", "channel", "language")
SATISFIED_FROM = 5  # ASCS 'quite satisfied' or better


def _in_range(queryset, start, end, service_id, day_field="submitted_on"):
    queryset = queryset.filter(**{f"{day_field}__gte": start, f"{day_field}__lte": end})
    return queryset.filter(service_id=service_id) if service_id else queryset


def _response_rows(start, end, service_id):
    sentiment = "analysis__sentiment"
    return (
        _in_range(Response.objects.all(), start, end, service_id)
        .values("submitted_on", *DIMENSIONS)
        .annotate(
            responses=Count("id"),
            answered=Count("id", filter=~Q(overall="")),
            positive=Count("id", filter=Q(overall__in=POSITIVE_EXPERIENCE)),
            negative=Count("id", filter=Q(overall__in=NEGATIVE_EXPERIENCE)),
            ascs_answered=Count("id", filter=Q(ascs_satisfaction__isnull=False)),
            ascs_satisfied=Count("id", filter=Q(ascs_satisfaction__gte=SATISFIED_FROM)),
            sentiment_positive=Count("id", filter=Q(**{sentiment: "positive"})),
            sentiment_neutral=Count("id", filter=Q(**{sentiment: "neutral"})),
            sentiment_negative=Count("id", filter=Q(**{sentiment: "negative"})),
        )
        .order_by()
    )


def counted_mentions():
    """Mentions that count: not rejected by staff, not safeguarding, not from flagged comments."""
    return ThemeMention.objects.exclude(
        Q(theme__is_safeguarding=True)
        | Q(comment__safeguarding_flags__isnull=False)
        | Q(review=ThemeMention.Review.REJECTED)
    )


def _theme_rows(start, end, service_id):
    return (
        _in_range(counted_mentions(), start, end, service_id)
        .values("submitted_on", "service_id", "response__channel", "response__language", "theme_id")
        .annotate(
            responses=Count("response_id", distinct=True),
            negative=Count("response_id", filter=Q(sentiment="negative"), distinct=True),
            positive=Count("response_id", filter=Q(sentiment="positive"), distinct=True),
        )
        .order_by()
    )


def _bulk_insert(model, rows):
    batch = []
    for row in rows:
        batch.append(model(**row))
        if len(batch) == BATCH_SIZE:
            model.objects.bulk_create(batch)
            batch = []
    model.objects.bulk_create(batch)


def _renamed(row):
    row["day"] = row.pop("submitted_on")
    if "response__channel" in row:
        row["channel"] = row.pop("response__channel")
        row["language"] = row.pop("response__language")
    return row


@transaction.atomic
def rollups_rebuild(*, start, end, service_id=None):
    """Recount every roll-up row from `start` to `end` inclusive (optionally for one service).

    Returns the number of rows written.
    """
    for model in (DailyResponseRollup, DailyThemeRollup):
        _in_range(model.objects.all(), start, end, service_id, day_field="day").delete()
    response_rows = [_renamed(row) for row in _response_rows(start, end, service_id).iterator()]
    theme_rows = [_renamed(row) for row in _theme_rows(start, end, service_id).iterator()]
    _bulk_insert(DailyResponseRollup, response_rows)
    _bulk_insert(DailyThemeRollup, theme_rows)
    return len(response_rows) + len(theme_rows)


def rollups_refresh_for(*, response):
    """Bring the roll-ups for a response's day up to date (called after tagging)."""
    day = response.submitted_on
    return rollups_rebuild(start=day, end=day, service_id=response.service_id)
