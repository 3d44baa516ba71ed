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
from django.db.models.expressions import RawSQL
from django.db.models.functions import TruncMonth

from insights import rollups
from insights.dashboard import sources
from insights.filters import ANSWER_FIELDS
from insights.rollups import THEME_MEASURES
from surveys.choices import NEGATIVE_EXPERIENCE, POSITIVE_EXPERIENCE
from themes.models import ResponseAnalysis

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
        current.found |= _count(current, role, part, family)
    return current.found[key][shape]


def _count(current, role, part, family):
    """{(role, start, end, family): {shape: rows}} for the family asked about, or for both
    families at once when the range's mentions are picked through its responses anyway (a
    filter on channel, touchpoint or 'About you'): then the responses are read only once."""
    response_shapes = _shapes(current, role, "responses", part)
    theme_shapes = _shapes(current, role, "themes", part)
    both = "response__in" in part.mention_filters() and _themes_counted_here(current, role, part)
    wanted = {
        "responses": response_shapes if both or family == "responses" else (),
        "themes": theme_shapes if both or family == "themes" else (),
    }
    found = _count_shapes(part, wanted["responses"], wanted["themes"])
    return {
        (role, part.start, part.end, name): found[name] for name, shapes in wanted.items() if shapes
    }


def _themes_counted_here(current, role, part):
    """Whether the dashboard will count this range's themes from the mentions themselves."""
    whole = current.now if role == NOW else current.before
    whole_plan = sources.plan(whole)
    if whole_plan.by_day:
        return False
    if whole_plan.months is None:
        return (part.start, part.end) == (whole.start, whole.end)
    return (part.start, part.end) in whole_plan.odd_days


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


# Every branch of a pass gives these measures, in this order. A branch that doesn't count one
# gives an empty value of the right type (a UNION's columns need one type throughout), dropped
# again when its rows are read.
MEASURES = (
    "responses",
    "answered",
    "positive",
    "negative",
    "ascs_answered",
    "ascs_satisfied",
    *(f"sentiment_{tone}" for tone in TONES),
    "first_negative_on",
)
EMPTY = {"first_negative_on": "CAST(NULL AS DATE)"}  # the counts: 0


@dataclass
class _Branch:
    shape: tuple
    source: str  # the common table expression it groups: "picked" or "mentioned"
    keys: dict  # {output key: column in the source}
    measures: dict  # {measure: (SQL, params)}


def _union(ctes, branches):
    """One statement: each of `ctes` ((name, SQL, params), ...) read once, then grouped by
    each branch's keys. Returns each branch's rows, with its own keys and measures."""
    keys = sorted({key for branch in branches for key in branch.keys})
    params = [param for _name, _sql, cte_params in ctes for param in cte_params]
    parts = []
    for index, branch in enumerate(branches):
        # Keys as text: a NULL in the first branches would be taken for text and clash with a
        # number in a later one.
        selected = [f"{index} AS branch"] + [
            f"CAST({_quoted(branch.keys[key])} AS TEXT) AS {_quoted(key)}"
            if key in branch.keys
            else f"NULL AS {_quoted(key)}"
            for key in keys
        ]
        for name in MEASURES:
            sql, measure_params = branch.measures.get(name, (EMPTY.get(name, "0"), []))
            selected.append(f"{sql} AS {name}")
            params += measure_params
        group_by = ", ".join(_quoted(column) for column in branch.keys.values())
        parts.append(
            f"SELECT {', '.join(selected)} FROM {branch.source}"
            + (f" GROUP BY {group_by}" if group_by else "")
        )
    with_ = ", ".join(f"{name} AS ({sql})" for name, sql, _params in ctes)
    found = [[] for _branch in branches]
    for row in _fetch(f"WITH {with_} " + " UNION ALL ".join(parts), params):
        index = row.pop("branch")
        branch = branches[index]
        for key in keys:
            if key not in branch.keys:
                del row[key]
            elif row[key] is not None and key in KEY_TYPES:
                row[key] = KEY_TYPES[key](row[key])
        for name in MEASURES:
            if name not in branch.measures:
                del row[name]
        found[index].append(row)
    return found


def _one_if(condition):
    return Case(When(condition, then=1), default=0, output_field=IntegerField())


EXPERIENCE_SQL = {
    "responses": ("COUNT(*)", []),
    "answered": ("SUM(answered)", []),
    "positive": ("SUM(positive)", []),
    "negative": ("SUM(negative)", []),
}
RESPONSE_SQL = EXPERIENCE_SQL | {
    "ascs_answered": ("SUM(ascs_answered)", []),
    "ascs_satisfied": ("SUM(ascs_satisfied)", []),
    **{
        f"sentiment_{tone}": ("SUM(CASE WHEN tone = %s THEN 1 ELSE 0 END)", [tone])
        for tone in TONES
    },
}
THEME_SQL = {
    "responses": ("COUNT(DISTINCT response_id)", []),
    "negative": ("COUNT(DISTINCT CASE WHEN sentiment = %s THEN response_id END)", ["negative"]),
    "positive": ("COUNT(DISTINCT CASE WHEN sentiment = %s THEN response_id END)", ["positive"]),
    "first_negative_on": ("MIN(CASE WHEN sentiment = %s THEN submitted_on END)", ["negative"]),
}


def _response_branches(shape):
    """The groupings of the picked responses a shape needs."""
    kind, *rest = shape
    if kind == "responses":
        return [_Branch(shape, "picked", {name: name for name in rest[0]}, RESPONSE_SQL)]
    if kind == "answers":
        return [
            _Branch(shape, "picked", {"answer": question}, EXPERIENCE_SQL)
            for question in ANSWER_FIELDS
        ]
    first, second = rest
    return [_Branch(shape, "picked", {"first": first, "second": second}, EXPERIENCE_SQL)]


def _theme_branch(shape):
    measures = (
        THEME_SQL if shape[2] else {k: v for k, v in THEME_SQL.items() if k in THEME_MEASURES}
    )
    return _Branch(shape, "mentioned", {name: name for name in shape[1]}, measures)


def _picked_responses(part, shapes):
    """The responses `part` selects, each answer a 0/1 column, so every grouping only adds up."""
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
    picked = part.responses().annotate(**columns)
    picked = picked.values("id", "service_id", *columns, *ANSWER_FIELDS).order_by()
    return ("picked", *picked.query.sql_with_params())


def _mentions(part, through_picked):
    """The counted mentions in the responses `part` selects: through the `picked` responses
    of the same statement when they are read anyway."""
    mentions = rollups.counted_mentions()
    if through_picked:
        mentions = mentions.filter(response_id__in=RawSQL('SELECT "id" FROM picked', []))
    else:
        mentions = mentions.filter(**part.mention_filters())
    mentions = (
        mentions.annotate(month=TruncMonth("submitted_on"))
        .values("response_id", "theme_id", "service_id", "month", "sentiment", "submitted_on")
        .order_by()
    )
    return ("mentioned", *mentions.query.sql_with_params())


def _count_shapes(part, response_shapes, theme_shapes):
    """{"responses": {shape: rows}, "themes": {shape: rows}} for the responses `part` selects
    and their mentions, in one statement."""
    ctes = []
    if response_shapes:
        ctes.append(_picked_responses(part, response_shapes))
    if theme_shapes:
        ctes.append(_mentions(part, through_picked=bool(response_shapes)))
    branches = [b for shape in response_shapes for b in _response_branches(shape)]
    branches += [_theme_branch(shape) for shape in theme_shapes]
    found = {"responses": {shape: [] for shape in response_shapes}}
    found["themes"] = {shape: [] for shape in theme_shapes}
    for branch, rows in zip(branches, _union(ctes, branches), strict=True):
        family = "themes" if branch.shape[0] == "themes" else "responses"
        for row in rows:
            if branch.shape[0] == "answers":
                row["question"] = branch.keys["answer"]
            if "first_negative_on" in row:
                row["first_negative_on"] = _as_date(row["first_negative_on"])
            found[family][branch.shape].append(row)
    return found
