"""Equality of access: how good an experience people had, by each characteristic they told us
about and by two at once. Counted in the database; small groups are suppressed.

Each question's answers add up to the responses, and a cross-table's cells add up along each
row and column to the answers of one question, so both get secondary suppression
(`insights.suppression.suppressed_table`), 'prefer not to say' and 'not answered' included
even where they aren't shown.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insights.dashboard.sources import answer_measures, pair_measures
from insights.filters import ANSWER_FIELDS
from insights.suppression import partition_shares, suppressed_table
from surveys.choices import EQUALITY_FIELDS

DEFAULT_PAIR = ("disability", "ethnic_group")
NOT_ANSWERED = gettext_lazy("Not answered")
STATEMENT = gettext_lazy(
    "These numbers only describe the people who chose to answer the 'About you' questions. "
    "They are not a survey of everyone who uses the service, so a difference between groups "
    "can be chance, especially when a group is small. Groups with fewer than 5 responses are "
    "not shown, so that nobody can be picked out. A gap between groups is a reason to find out "
    "more, for example by asking people from that group, not proof of unfair treatment."
)


def _label(field, code):
    choices = ANSWER_FIELDS[field][1]
    return choices(code).label if code in choices.values else NOT_ANSWERED


def _cell(row, count):
    """A group's count as it may be shown, and its good and poor shares if the count is."""
    row = row or {"answered": 0, "positive": 0, "negative": 0}
    parts = {"positive": row["positive"], "negative": row["negative"]}
    shares = {} if count.hidden else partition_shares(row["answered"], parts)
    return {
        "responses": count,
        "suppressed": count.suppressed,
        "positive_share": shares.get("positive"),
        "negative_share": shares.get("negative"),
    }


def _codes(field):
    return [*ANSWER_FIELDS[field][1].values, ""]


def _counted(feedback_filter):
    return {(row["question"], row["answer"]): row for row in answer_measures(feedback_filter)}


def by_characteristic(feedback_filter, fields=EQUALITY_FIELDS, counted=None):
    """For each of `fields` (the 'About you' questions unless told): one row per answer, with
    shares of good and poor. `counted` is `answer_measures` by (question, answer), if read."""
    counted = _counted(feedback_filter) if counted is None else counted
    tables = []
    for field in fields:
        question = ANSWER_FIELDS[field][0]
        found = {answer: row for (name, answer), row in counted.items() if name == field}
        order = [code for code in _codes(field) if code in found]
        counts = suppressed_table({code: found[code]["responses"] for code in order})
        rows = [
            {"label": _label(field, code), **_cell(found[code], counts[code])} for code in order
        ]
        tables.append({"field": field, "question": question, "rows": rows})
    return tables


def _cross_counts(found, first, second):
    """Every cell of the cross-table, hidden rows and columns too, suppressed along each row
    and each column."""
    rows, columns = _codes(first), _codes(second)
    counts = {
        (a, b): found[(a, b)]["responses"] if (a, b) in found else 0 for a in rows for b in columns
    }
    groups = [[(a, b) for b in columns] for a in rows] + [[(a, b) for a in rows] for b in columns]
    return suppressed_table(counts, groups)


def by_pair(feedback_filter, pair=DEFAULT_PAIR):
    """A cross-table of two characteristics (rows × columns), each cell suppressed if small."""
    first, second = pair
    rows = pair_measures(feedback_filter, first, second)
    found = {(row["first"], row["second"]): row for row in rows}
    counts = _cross_counts(found, first, second)
    row_codes = [code for code in EQUALITY_FIELDS[first][1].values if code != "prefer_not"]
    column_codes = [code for code in EQUALITY_FIELDS[second][1].values if code != "prefer_not"]
    return {
        "first": EQUALITY_FIELDS[first][0],
        "second": EQUALITY_FIELDS[second][0],
        "columns": [_label(second, code) for code in column_codes],
        "rows": [
            {
                "label": _label(first, a),
                "cells": [_cell(found.get((a, b)), counts[(a, b)]) for b in column_codes],
            }
            for a in row_codes
        ],
    }


HELPED_BY_SUMMARY = gettext_lazy(
    "Whether someone helped people fill the form in, and who helped: the share of people who "
    "said good or very good, for each answer."
)


def helped_by_table(feedback_filter, counted=None):
    """Good and poor answers by who helped fill the form in ('helped_by')."""
    return by_characteristic(feedback_filter, ("helped_by",), counted)[0]


def equality_panel(feedback_filter, pair=DEFAULT_PAIR):
    counted = _counted(feedback_filter)  # every question's answers, read once
    return {
        "characteristics": by_characteristic(feedback_filter, counted=counted),
        "helped_by": helped_by_table(feedback_filter, counted) | {"summary": HELPED_BY_SUMMARY},
        "pair": by_pair(feedback_filter, pair),
        "statement": STATEMENT,
        "summary": _(
            "The share of people who said good or very good, for each group. Where a group has "
            "fewer than 5 responses it says 'fewer than 5' instead; where a group's number would "
            "let a smaller group be worked out, it says 'not shown'."
        ),
    }
