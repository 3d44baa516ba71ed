"""Counting the responses themselves once per dashboard, when no roll-up holds what it needs.

A dashboard asks for the same responses in a dozen shapes: totals, by month, by service, by each
'About you' answer, by theme. Asked one at a time, each shape reads the period's responses again,
and for the odd days at either end of a period, or a filter no roll-up is cut by (two 'About you'
answers, say), that reading is most of the dashboard's time.

Within `read_once(now=..., before=..., pair=...)`, the first question about a range of days reads
that range's responses once, counting every shape the dashboard needs in one statement (a common
table expression grouped several ways), and the same for their theme mentions; later questions
about the range are answered from what it found. Outside the block, or for a shape it doesn't
count, `counted()` returns None and the caller asks the database as usual.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date

from django.db import connection
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.functions import TruncMonth

from insights import rollups
from insights.dashboard import sources
from insights.models import ResponseAnalysis
from surveys.choices import EQUALITY_FIELDS, NEGATIVE_EXPERIENCE, POSITIVE_EXPERIENCE

NOW, BEFORE = "now", "before"
TONES = ("positive", "neutral", "negative")


@dataclass
class _Pass:
    now: object  # FeedbackFilter
    before: object
    pair: tuple
    found: dict = field(default_factory=dict)  # (role, start, end, family) -> {shape: rows}


_current = ContextVar("insights_one_pass", default=None)


@contextmanager
def read_once(*, now, before, pair):
    """Count each range of days `now` and `before` read from the responses in one pass."""
    token = _current.set(_Pass(now, before, pair))
    try:
        yield
    finally:
        _current.reset(token)


# The shapes counted for each role: the period shown gets every panel, the period before only
# what the comparisons need.
RESPONSE_SHAPES = {
    NOW: (
        ("responses", ()),
        ("responses", ("month",)),
        ("responses", ("service_id",)),
    ),
    BEFORE: (("responses", ()),),
}
THEME_SHAPES = {
    NOW: (
        ("themes", ("theme_id",), False),
        ("themes", ("month", "theme_id"), False),
        ("themes", ("service_id", "theme_id"), True),
    ),
    BEFORE: (("themes", ("theme_id",), False),),
}


def _role(current, part):
    for role, whole in ((NOW, current.now), (BEFORE, current.before)):
        same_filter = replace(whole, start=part.start, end=part.end) == part
        if same_filter and whole.start <= part.start and part.end <= whole.end:
            return role
    return None


def counted(part, shape):
    """The rows of `shape` for the responses `part` selects, from the current pass, or None.

    `shape` is ("responses", group_by), ("answers",), ("pair", first, second) or
    ("themes", group_by, first_negative).
    """
    current = _current.get()
    if current is None:
        return None
    role = _role(current, part)
    if role is None:
        return None
    family = "themes" if shape[0] == "themes" else "responses"
    shapes = _shapes(current, role, family, part)
    if shape not in shapes:
        return None
    key = (role, part.start, part.end, family)
    if key not in current.found:
        count = _count_themes if family == "themes" else _count_responses
        current.found[key] = count(part, shapes)
    return current.found[key][shape]


def _shapes(current, role, family, part):
    """The shapes the dashboard will ask of this range: all of them for the odd days (or the
    whole period when no roll-up fits), only the 'About you' breakdowns when roll-ups hold the
    rest: a whole period whose months the roll-ups hold but whose breakdowns they don't (a
    channel, say), or odd days the daily roll-ups hold."""
    if family == "themes":
        return THEME_SHAPES[role]
    if role == BEFORE:
        return RESPONSE_SHAPES[BEFORE]
    breakdowns = (("answers",), ("pair", *current.pair))
    now = sources.plan(current.now)
    whole_period = (part.start, part.end) == (current.now.start, current.now.end)
    if now.by_day or (now.months is not None and whole_period):
        return breakdowns
    return (*RESPONSE_SHAPES[NOW], *breakdowns)


def _as_date(value):
    """Raw SQL gives dates as dates, datetimes or text; the callers compare dates."""
    if value is None or type(value) is date:
        return value
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value.date()


# How to read back keys that came through the UNION as text; the rest stay text.
KEY_TYPES = {"month": _as_date, "service_id": int, "theme_id": int}


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _quoted(name):
    return connection.ops.quote_name(name)


def _union(inner, inner_params, branches):
    """One statement: `inner` read once as `picked`, then grouped by each branch's keys.

    `branches` is a list of ({output key: column in picked}, measures SQL, its params); every
    branch gives the same columns: `branch` (its index), every key (NULL where it doesn't group
    by it) and the measures.
    """
    keys = sorted({key for columns, _sql, _params in branches for key in columns})
    parts, params = [], list(inner_params)
    for index, (columns, measures, measure_params) in enumerate(branches):
        # Keys as text: a UNION's columns need one type, and a NULL in the first branches
        # would be taken for text and clash with a number in a later one.
        selected = "".join(
            f", {f'CAST({_quoted(columns[key])} AS TEXT)' if key in columns else 'NULL'} "
            f"AS {_quoted(key)}"
            for key in keys
        )
        group_by = ", ".join(_quoted(column) for column in columns.values())
        parts.append(
            f"SELECT {index} AS branch{selected}, {measures} FROM picked"
            + (f" GROUP BY {group_by}" if group_by else "")
        )
        params += measure_params
    found = [[] for _branch in branches]
    for row in _fetch(f"WITH picked AS ({inner}) " + " UNION ALL ".join(parts), params):
        for key in keys:
            if row[key] is not None and key in KEY_TYPES:
                row[key] = KEY_TYPES[key](row[key])
        found[row.pop("branch")].append(row)
    return found


def _one_if(condition):
    return Case(When(condition, then=1), default=0, output_field=IntegerField())


EXPERIENCE_SQL = (
    "COUNT(*) AS responses, SUM(answered) AS answered, SUM(positive) AS positive, "
    "SUM(negative) AS negative"
)
# Tone and the ASCS question aren't needed for the breakdowns: zeros keep the columns aligned.
RESPONSE_SQL = (
    f"{EXPERIENCE_SQL}, SUM(ascs_answered) AS ascs_answered, "
    "SUM(ascs_satisfied) AS ascs_satisfied, "
    + ", ".join(f"SUM(CASE WHEN tone = %s THEN 1 ELSE 0 END) AS sentiment_{t}" for t in TONES)
)
BREAKDOWN_SQL = f"{EXPERIENCE_SQL}, 0 AS ascs_answered, 0 AS ascs_satisfied, " + ", ".join(
    f"0 AS sentiment_{t}" for t in TONES
)


def _response_branches(shape):
    """(shape, {output key: column}, measures SQL, params) for each grouping a shape needs."""
    kind, *rest = shape
    if kind == "responses":
        return [(shape, {name: name for name in rest[0]}, RESPONSE_SQL, list(TONES))]
    if kind == "answers":
        return [(shape, {"answer": question}, BREAKDOWN_SQL, []) for question in EQUALITY_FIELDS]
    first, second = rest
    return [(shape, {"first": first, "second": second}, BREAKDOWN_SQL, [])]


def _count_responses(part, shapes):
    """Every response shape for the responses `part` selects, read once.

    Each response's answers become 0/1 columns as it is read, so every grouping only adds up.
    """
    columns = {
        "answered": _one_if(~Q(overall="")),
        "positive": _one_if(Q(overall__in=POSITIVE_EXPERIENCE)),
        "negative": _one_if(Q(overall__in=NEGATIVE_EXPERIENCE)),
    }
    if any(shape[0] == "responses" for shape in shapes):
        # Each response's tone by one index lookup, not a join that reads every analysis.
        tone = ResponseAnalysis.objects.filter(response_id=OuterRef("id")).values("sentiment")
        columns |= {
            "month": TruncMonth("submitted_on"),
            "ascs_answered": _one_if(Q(ascs_satisfaction__isnull=False)),
            "ascs_satisfied": _one_if(Q(ascs_satisfaction__gte=rollups.SATISFIED_FROM)),
            "tone": Subquery(tone[:1]),
        }
    picked = part.responses().annotate(**columns).values("service_id", *columns, *EQUALITY_FIELDS)
    inner, inner_params = picked.order_by().query.sql_with_params()
    branches = [branch for shape in shapes for branch in _response_branches(shape)]
    found = _union(inner, inner_params, [branch[1:] for branch in branches])
    results = {shape: [] for shape in shapes}
    for (shape, grouped, _sql, _params), rows in zip(branches, found, strict=True):
        for row in rows:
            if shape[0] == "answers":
                row["question"] = grouped["answer"]
            results[shape].append(row)
    return results


THEME_SQL = (
    "COUNT(DISTINCT response_id) AS responses, "
    "COUNT(DISTINCT CASE WHEN sentiment = %s THEN response_id END) AS negative, "
    "COUNT(DISTINCT CASE WHEN sentiment = %s THEN response_id END) AS positive, "
    "MIN(CASE WHEN sentiment = %s THEN submitted_on END) AS first_negative_on"
)


def _count_themes(part, shapes):
    """Every theme shape for the mentions in the responses `part` selects, read once."""
    picked = (
        rollups.counted_mentions()
        .filter(**part.mention_filters())
        .annotate(month=TruncMonth("submitted_on"))
        .values("response_id", "theme_id", "service_id", "month", "sentiment", "submitted_on")
        .order_by()
    )
    inner, inner_params = picked.query.sql_with_params()
    tones = ["negative", "positive", "negative"]
    branches = [({name: name for name in shape[1]}, THEME_SQL, tones) for shape in shapes]
    results = {}
    for shape, rows in zip(shapes, _union(inner, inner_params, branches), strict=True):
        for row in rows:
            row["first_negative_on"] = _as_date(row["first_negative_on"])
            if not shape[2]:
                del row["first_negative_on"]
        results[shape] = rows
    return results
