"""Where the dashboard's numbers come from. Either way the database adds up.

A period splits into whole calendar months and the odd days at either end
(`insights.periods.split_by_month`). Whole months are answered from the monthly roll-ups when the
filter is one they are cut by. The odd days are answered from the daily roll-ups when the filter
holds nothing but dates and a service, and otherwise, like filters no roll-up is cut by, with
aggregate queries on the responses themselves. So the work grows with the roll-up rows and the
odd days' responses, not with all the responses in the period.

Which roll-ups can answer a filter (every filter may also hold dates and a service):

- channel, language: `MonthlyResponseRollup` and `MonthlyThemeRollup`;
- a touchpoint: `MonthlyTouchpointRollup` and `MonthlyTouchpointThemeRollup`;
- one 'About you' answer: `MonthlyEqualityRollup` and `MonthlyEqualityThemeRollup`;
- the equality breakdowns, with no channel, language or touchpoint: `MonthlyEqualityRollup`, and
  `MonthlyEqualityPairRollup` for two questions at once (or one question within an answer);
- two 'About you' answers, or mixes of the above: none; the responses are counted;
- odd days, for response and theme counts with no filter but a service: `DailyResponseRollup`
  and `DailyThemeRollup` (the daily tables aren't cut any other way, so the 'About you'
  breakdowns of odd days are counted from the responses).
"""

from dataclasses import dataclass, replace

from django.db import connection
from django.db.models import Count, Exists, F, Min, OuterRef, Q, Sum
from django.db.models.functions import TruncMonth

from insights import rollups
from insights.dashboard import one_pass
from insights.filters import ANSWER_FIELDS
from insights.models import (
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
from insights.periods import month_start, split_by_month
from insights.rollups import EQUALITY_PAIRS, EXPERIENCE_MEASURES, RESPONSE_MEASURES, THEME_MEASURES
from surveys.choices import NEGATIVE_EXPERIENCE, POSITIVE_EXPERIENCE
from themes.models import ResponseAnalysis


@dataclass(frozen=True)
class Plan:
    """How to answer one filter: whole months from roll-ups, odd days from responses."""

    months: tuple | None  # (first month, last month), or None: everything from responses
    odd_days: tuple  # ((start, end), ...)
    answer: tuple | None  # ('disability', 'yes') when the filter holds one 'About you' answer
    touchpoint_id: int | None
    breakdowns: bool  # no channel, language or touchpoint: the equality breakdown tables fit
    by_day: bool  # nothing but dates and a service: the daily roll-ups hold the odd days


def _answers(feedback_filter):
    return [(k, v) for k, v in feedback_filter.equality.items() if k in ANSWER_FIELDS and v]


def plan(feedback_filter):
    answers = _answers(feedback_filter)
    by_dimension = bool(feedback_filter.channel or feedback_filter.language)
    touchpoint_id = feedback_filter.touchpoint_id
    # Each roll-up is cut one way: by channel and language, by touchpoint, or by one answer.
    cuts = by_dimension + bool(touchpoint_id) + len(answers)
    months, odd_days = split_by_month(feedback_filter.start, feedback_filter.end)
    if cuts > 1:
        months, odd_days = None, ((feedback_filter.start, feedback_filter.end),)
    answer = answers[0] if answers else None
    breakdowns = not (by_dimension or touchpoint_id)
    return Plan(months, odd_days, answer, touchpoint_id, breakdowns, by_day=cuts == 0)


def uses_rollups(feedback_filter):
    return plan(feedback_filter).months is not None


def _merged(parts, keys, measures):
    """Add up rows from several sources that share `keys` (roll-ups and odd days)."""
    totals = {}
    for rows in parts:
        for row in rows:
            key = tuple(month_start(row[k]) if k == "month" else row[k] for k in keys)
            found = totals.setdefault(key, dict(zip(keys, key, strict=True)))
            for name in measures:
                found[name] = found.get(name, 0) + (row[name] or 0)
            if "first_negative_on" in row:
                days = (found.get("first_negative_on"), row["first_negative_on"])
                found["first_negative_on"] = min(filter(None, days), default=None)
    return [totals[key] for key in sorted(totals, key=lambda k: tuple(map(str, k)))]


def _summed(rollups, keys, measures, extra=None):
    rows = rollups.values(*keys) if keys else rollups
    # `extra` first: it may filter on a column that a sum below is named after.
    aggregates = (extra or {}) | {name: Sum(name) for name in measures}
    if not keys:
        return [rows.aggregate(**aggregates)]
    return rows.annotate(**aggregates).order_by()


def _months(queryset, months, service_id):
    queryset = queryset.filter(month__gte=months[0], month__lte=months[1])
    return queryset.filter(service_id=service_id) if service_id else queryset


def _grouped(queryset, keys, measures):
    if "month" in keys:
        queryset = queryset.annotate(month=TruncMonth("submitted_on"))
    rows = queryset.values(*keys) if keys else queryset
    if not keys:
        return [rows.aggregate(**measures)]
    return rows.annotate(**measures).order_by()


def _odd_days(feedback_filter, days):
    for start, end in days:
        yield replace(feedback_filter, start=start, end=end)


def _combined(feedback_filter, keys, measures, from_rollups, from_responses, from_days=None):
    """Whole months from `from_rollups(plan)` (a list of rows, or None if no roll-up fits)
    plus every other day from `from_days(filter)` (the daily roll-ups, when given and the filter
    suits them) or else `from_responses(filter)`, added up by `keys`."""
    current = plan(feedback_filter)
    parts, odd_days = [], current.odd_days
    if current.months is not None:
        rolled = from_rollups(current)
        if rolled is None:
            odd_days = ((feedback_filter.start, feedback_filter.end),)
        else:
            parts.append(rolled)
    count_days = from_days if from_days and current.by_day else from_responses
    parts.extend(count_days(part) for part in _odd_days(feedback_filter, odd_days))
    rows = _merged(parts, keys, measures)
    if keys:
        return rows
    return rows[0] if rows else dict.fromkeys(measures, 0)


# The roll-up cut each way, for response counts and for theme counts.
RESPONSE_TABLES = {
    "dimensions": MonthlyResponseRollup,
    "touchpoint": MonthlyTouchpointRollup,
    "answer": MonthlyEqualityRollup,
}
THEME_TABLES = {
    "dimensions": MonthlyThemeRollup,
    "touchpoint": MonthlyTouchpointThemeRollup,
    "answer": MonthlyEqualityThemeRollup,
}


def _cut_rows(tables, current, feedback_filter):
    """The whole months' rows of the table cut the way the filter is."""
    if current.answer:
        field, value = current.answer
        rows = tables["answer"].objects.filter(field=field, value=value)
    elif current.touchpoint_id:
        rows = tables["touchpoint"].objects.filter(touchpoint_id=current.touchpoint_id)
    else:
        rows = tables["dimensions"].objects.all()
        for name in ("channel", "language"):
            if getattr(feedback_filter, name):
                rows = rows.filter(**{name: getattr(feedback_filter, name)})
    return _months(rows, current.months, feedback_filter.service_id)


def _days(queryset, part, keys):
    """A range of days' daily roll-up rows, with `month` to group by if asked for."""
    queryset = queryset.filter(day__gte=part.start, day__lte=part.end)
    if part.service_id:
        queryset = queryset.filter(service_id=part.service_id)
    return queryset.annotate(month=TruncMonth("day")) if "month" in keys else queryset


def _sentiment_by_lookup():
    """The response measures, reading each response's tone by index lookup: for a few thousand
    responses that beats the roll-up builder's join, which reads the whole analysis table."""
    measures = rollups.experience_measures() | {
        name: measure
        for name, measure in rollups.response_measures().items()
        if name.startswith("ascs_")
    }
    for tone in ("positive", "neutral", "negative"):
        has_tone = ResponseAnalysis.objects.filter(response_id=OuterRef("id"), sentiment=tone)
        measures[f"sentiment_{tone}"] = Count("id", filter=Q(Exists(has_tone)))
    return measures


def response_measures(feedback_filter, group_by=()):
    """Response counts in total, or grouped by any of 'month', 'service_id' (a list of dicts)."""
    f = feedback_filter

    def from_rollups(current):
        return _summed(_cut_rows(RESPONSE_TABLES, current, f), group_by, RESPONSE_MEASURES)

    def from_responses(part):
        found = one_pass.counted(part, ("responses", tuple(group_by)))
        if found is not None:
            return found
        return _grouped(part.responses(), group_by, _sentiment_by_lookup())

    def from_days(part):
        rows = _days(DailyResponseRollup.objects.all(), part, group_by)
        return _summed(rows, group_by, RESPONSE_MEASURES)

    return _combined(f, group_by, RESPONSE_MEASURES, from_rollups, from_responses, from_days)


def theme_measures(feedback_filter, group_by=("theme_id",), first_negative=False):
    """Responses mentioning each theme (and negatively, positively), grouped as asked.

    With `first_negative`, each row also has `first_negative_on`: the first day in the period
    with a negative mention.
    """
    f = feedback_filter
    earliest = {"first_negative_on": Min("first_negative_on")} if first_negative else None

    def from_rollups(current):
        return _summed(_cut_rows(THEME_TABLES, current, f), group_by, THEME_MEASURES, earliest)

    def from_responses(part):
        found = one_pass.counted(part, ("themes", tuple(group_by), first_negative))
        if found is not None:
            return found
        mentions = rollups.counted_mentions().filter(**part.mention_filters())
        measures = rollups.theme_measures()
        if first_negative:
            measures["first_negative_on"] = rollups.first_negative_on()
        return _grouped(mentions, group_by, measures)

    def from_days(part):
        # A row is one day, so its first negative day is the day itself if it has any.
        first = Min("day", filter=Q(negative__gt=0))
        first = {"first_negative_on": first} if first_negative else None
        rows = _days(DailyThemeRollup.objects.all(), part, group_by)
        return _summed(rows, group_by, THEME_MEASURES, first)

    return _combined(f, group_by, THEME_MEASURES, from_rollups, from_responses, from_days)


def _oriented(first, second):
    """The stored order of a pair of questions, and whether it is the other way round."""
    if (first, second) in EQUALITY_PAIRS:
        return first, second, False
    return second, first, True


def _pair_rollups(first, second, months, service_id):
    field, other_field, swapped = _oriented(first, second)
    rows = MonthlyEqualityPairRollup.objects.filter(field=field, other_field=other_field)
    rows = _months(rows, months, service_id)
    names = ("other_value", "value") if swapped else ("value", "other_value")
    return rows, dict(zip(names, (first, second), strict=True))


def answer_measures(feedback_filter):
    """Good and poor answers for each answer to every 'About you' question.

    One row per ('question', 'answer'), e.g. ('disability', 'yes'); '' is "not answered".
    """
    f = feedback_filter
    keys = ("question", "answer")

    def from_rollups(current):
        if not current.breakdowns:
            return None
        rows = _months(MonthlyEqualityRollup.objects.all(), current.months, f.service_id)
        if not current.answer:
            rows = rows.annotate(question=F("field"), answer=F("value"))
            return list(_summed(rows, keys, EXPERIENCE_MEASURES))
        chosen, value = current.answer
        own = rows.filter(field=chosen, value=value)
        # The other questions, among the people who gave this answer, from the pair roll-up
        # (stored with the earlier question first).
        pairs = _months(MonthlyEqualityPairRollup.objects.all(), current.months, f.service_id)
        later = pairs.filter(field=chosen, value=value)
        earlier = pairs.filter(other_field=chosen, other_value=value)
        return [
            *_summed(
                own.annotate(question=F("field"), answer=F("value")), keys, EXPERIENCE_MEASURES
            ),
            *_summed(
                later.annotate(question=F("other_field"), answer=F("other_value")),
                keys,
                EXPERIENCE_MEASURES,
            ),
            *_summed(
                earlier.annotate(question=F("field"), answer=F("value")), keys, EXPERIENCE_MEASURES
            ),
        ]

    def from_responses(part):
        found = one_pass.counted(part, ("answers",))
        if found is not None:
            return found
        return _answers_counted(part.responses())

    return _combined(f, keys, EXPERIENCE_MEASURES, from_rollups, from_responses)


def _answers_counted(responses):
    """Every question's answers counted in one pass over `responses`: the selected rows are read
    once (a common table expression) and grouped once per question."""
    inner, params = responses.values("overall", *ANSWER_FIELDS).order_by().query.sql_with_params()
    params = list(params)
    good = ", ".join(["%s"] * len(POSITIVE_EXPERIENCE))
    poor = ", ".join(["%s"] * len(NEGATIVE_EXPERIENCE))
    parts = []
    for question in ANSWER_FIELDS:
        column = connection.ops.quote_name(question)
        parts.append(
            f"SELECT %s AS question, {column} AS answer, COUNT(*) AS responses, "
            "SUM(CASE WHEN overall <> '' THEN 1 ELSE 0 END) AS answered, "
            f"SUM(CASE WHEN overall IN ({good}) THEN 1 ELSE 0 END) AS positive, "
            f"SUM(CASE WHEN overall IN ({poor}) THEN 1 ELSE 0 END) AS negative "
            f"FROM picked GROUP BY {column}"
        )
        params += [question, *POSITIVE_EXPERIENCE, *NEGATIVE_EXPERIENCE]
    sql = f"WITH picked AS ({inner}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def pair_measures(feedback_filter, first, second):
    """Good and poor answers for each pair of answers to two questions ('first', 'second')."""
    f = feedback_filter
    keys = ("first", "second")

    def from_rollups(current):
        if not current.breakdowns or (current.answer and current.answer[0] not in (first, second)):
            return None
        rows, columns = _pair_rollups(first, second, current.months, f.service_id)
        stored = {question: column for column, question in columns.items()}
        if current.answer:
            rows = rows.filter(**{stored[current.answer[0]]: current.answer[1]})
        rows = rows.annotate(first=F(stored[first]), second=F(stored[second]))
        return _summed(rows, keys, EXPERIENCE_MEASURES)

    def from_responses(part):
        found = one_pass.counted(part, ("pair", first, second))
        if found is not None:
            return found
        responses = part.responses().annotate(first=F(first), second=F(second))
        return _grouped(responses, keys, rollups.experience_measures())

    return _combined(f, keys, EXPERIENCE_MEASURES, from_rollups, from_responses)
