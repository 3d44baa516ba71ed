"""Where the dashboard's numbers come from: the daily roll-ups when the filter allows it,
otherwise aggregate queries on the responses themselves. Either way the database adds up.

The roll-ups hold service, channel and language, so those filters (and the date range) are
answered from them. A touchpoint or an equality-monitoring filter needs the response rows.
"""

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from insights.models import DailyResponseRollup, DailyThemeRollup
from insights.rollups import SATISFIED_FROM, counted_mentions
from surveys.choices import NEGATIVE_EXPERIENCE, POSITIVE_EXPERIENCE

RESPONSE_MEASURES = (
    "responses",
    "answered",
    "positive",
    "negative",
    "ascs_answered",
    "ascs_satisfied",
    "sentiment_positive",
    "sentiment_neutral",
    "sentiment_negative",
)


def uses_rollups(feedback_filter):
    equality = any(value for value in feedback_filter.equality.values())
    return not feedback_filter.touchpoint_id and not equality


def _rollup_rows(model, feedback_filter):
    lookups = {"day__gte": feedback_filter.start, "day__lte": feedback_filter.end}
    for name in ("service_id", "channel", "language"):
        if getattr(feedback_filter, name):
            lookups[name] = getattr(feedback_filter, name)
    return model.objects.filter(**lookups)


def _grouped(queryset, group_by, day_field):
    if "month" in group_by:
        queryset = queryset.annotate(month=TruncMonth(day_field))
    return queryset.values(*group_by) if group_by else queryset


def direct_response_measures(prefix=""):
    """The response measures as COUNT(... FILTER ...) expressions over Response rows."""
    sentiment = f"{prefix}analysis__sentiment"
    count = f"{prefix}id"
    return {
        "responses": Count(count),
        "answered": Count(count, filter=~Q(**{f"{prefix}overall": ""})),
        "positive": Count(count, filter=Q(**{f"{prefix}overall__in": POSITIVE_EXPERIENCE})),
        "negative": Count(count, filter=Q(**{f"{prefix}overall__in": NEGATIVE_EXPERIENCE})),
        "ascs_answered": Count(count, filter=Q(**{f"{prefix}ascs_satisfaction__isnull": False})),
        "ascs_satisfied": Count(
            count, filter=Q(**{f"{prefix}ascs_satisfaction__gte": SATISFIED_FROM})
        ),
        "sentiment_positive": Count(count, filter=Q(**{sentiment: "positive"})),
        "sentiment_neutral": Count(count, filter=Q(**{sentiment: "neutral"})),
        "sentiment_negative": Count(count, filter=Q(**{sentiment: "negative"})),
    }


def response_measures(feedback_filter, group_by=()):
    """Response counts grouped by any of 'month', 'service_id' (a list of dicts)."""
    if uses_rollups(feedback_filter):
        rows = _grouped(_rollup_rows(DailyResponseRollup, feedback_filter), group_by, "day")
        measures = {name: Sum(name) for name in RESPONSE_MEASURES}
    else:
        rows = _grouped(feedback_filter.responses(), group_by, "submitted_on")
        measures = direct_response_measures()
    if not group_by:
        totals = rows.aggregate(**measures)
        return {name: value or 0 for name, value in totals.items()}
    return list(rows.annotate(**measures).order_by(*group_by))


def theme_measures(feedback_filter, group_by=("theme_id",)):
    """Responses mentioning each theme (and negatively, positively), grouped as asked."""
    if uses_rollups(feedback_filter):
        rows = _grouped(_rollup_rows(DailyThemeRollup, feedback_filter), group_by, "day")
        measures = {name: Sum(name) for name in ("responses", "negative", "positive")}
    else:
        mentions = counted_mentions().filter(**feedback_filter.mention_filters())
        rows = _grouped(mentions, group_by, "submitted_on")
        measures = {
            "responses": Count("response_id", distinct=True),
            "negative": Count("response_id", filter=Q(sentiment="negative"), distinct=True),
            "positive": Count("response_id", filter=Q(sentiment="positive"), distinct=True),
        }
    return list(rows.annotate(**measures).order_by(*group_by))
