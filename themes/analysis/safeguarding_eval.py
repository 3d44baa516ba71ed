"""Score the safeguarding flag on labelled comments: recall per category and false alarms.

A row is labelled concerning or not (``yes``/``no``) and, when concerning, with its kind. The
concern is scored first: a concerning row counts as found when the detector raises any flag on
it, whatever the category (a person reads every flag). Whether the flag also names the
labelled kind is reported separately as ``category_agreement``. A false alarm is any flag on a
row labelled not concerning.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .safeguarding import detect_safeguarding

_YES = {"yes", "y", "true", "1"}
# Labels a data set may use for the detector's own category codes.
_ALIASES = {"self_harm_suicide": "self_harm", "risk_of_harm": "neglect"}


@dataclass(frozen=True)
class LabelledComment:
    text: str
    concern: bool
    category: str


def category_key(name: str) -> str:
    """Comparable form of a category: "physical_abuse" and "Physical" -> "physical"."""
    name = name.strip().lower().replace("-", "_").replace(" ", "_")
    name = _ALIASES.get(name, name)
    return name.removesuffix("_abuse")


def read_labelled(
    path: str | Path, text_column: str, label_column: str, category_column: str | None
) -> list[LabelledComment]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = (
            {text_column, label_column, category_column} - set(reader.fieldnames or []) - {None}
        )
        if missing:
            raise ValueError(f"{path} has no column(s) {', '.join(sorted(missing))}")
        return [
            LabelledComment(
                row[text_column],
                row[label_column].strip().lower() in _YES,
                row[category_column] if category_column else "concern",
            )
            for row in reader
        ]


def score_safeguarding(
    rows: Iterable[LabelledComment], detect: Callable[[str], list] = detect_safeguarding
) -> dict:
    """Recall per category and overall, false-alarm rate and category agreement."""
    found: dict[str, list[int]] = {}
    agreed = concerns = alarms = ordinary = 0
    for row in rows:
        flagged = {category_key(flag.category) for flag in detect(row.text)}
        if not row.concern:
            ordinary += 1
            alarms += bool(flagged)
            continue
        concerns += 1
        counts = found.setdefault(row.category, [0, 0])
        counts[0] += bool(flagged)
        counts[1] += 1
        agreed += category_key(row.category) in flagged
    hits = sum(c[0] for c in found.values())
    return {
        "categories": {
            name: {"found": c[0], "total": c[1], "recall": _ratio(c[0], c[1])}
            for name, c in sorted(found.items())
        },
        "recall": _ratio(hits, concerns),
        "found": hits,
        "concerns": concerns,
        "false_alarms": alarms,
        "ordinary": ordinary,
        "false_alarm_rate": _ratio(alarms, ordinary),
        "category_agreement": _ratio(agreed, concerns),
    }


def format_safeguarding_report(result: dict) -> str:
    lines = [f"{'category':<16} {'found':>9} {'recall':>7}"]
    for name, c in result["categories"].items():
        lines.append(f"{name:<16} {c['found']:>4}/{c['total']:<4} {c['recall']:>7.2f}")
    lines.append(
        f"{'overall':<16} {result['found']:>4}/{result['concerns']:<4} {result['recall']:>7.2f}"
    )
    lines.append(
        f"false alarms     {result['false_alarms']:>4}/{result['ordinary']:<4}"
        f" {result['false_alarm_rate']:>7.2f}"
    )
    lines.append(
        f"category agreement (flag names the labelled kind): {result['category_agreement']:.2f}"
    )
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0
