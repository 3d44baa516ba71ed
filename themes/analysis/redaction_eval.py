"""Score a redactor on labelled comments: what leaked, per kind and per name origin, and what was
over-redacted.

The rule is the development set's (``shared/data/redaction/README.md``): a ``pii`` item leaks if it
is still in the redacted text (case-insensitively); a ``keep`` item is over-redacted if it is gone.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .redaction import redact


@dataclass(frozen=True)
class RedactionCase:
    """One labelled comment: the text, what must go, what must stay, its kinds and name origins."""

    text: str
    pii: tuple[str, ...]
    keep: tuple[str, ...]
    kinds: tuple[str, ...]
    origins: tuple[str, ...] = ()


@dataclass
class Tally:
    found: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


@dataclass
class RedactionScores:
    """Recall per kind and per origin, over-redaction, and the comments that failed."""

    recall_by_kind: dict[str, Tally] = field(default_factory=dict)
    recall_by_origin: dict[str, Tally] = field(default_factory=dict)
    recall: Tally = field(default_factory=Tally)
    kept: Tally = field(default_factory=Tally)
    clean_rows: Tally = field(default_factory=Tally)
    failures: list[dict] = field(default_factory=list)

    @property
    def over_redaction(self) -> float:
        return 1 - self.kept.rate

    def as_dict(self) -> dict:
        def rates(tallies):
            return {k: _tally_dict(v) for k, v in sorted(tallies.items())}

        return {
            "recall": _tally_dict(self.recall),
            "over_redaction": round(self.over_redaction, 4),
            "keep_missing": self.kept.total - self.kept.found,
            "keep_total": self.kept.total,
            "clean_rows": _tally_dict(self.clean_rows),
            "recall_by_kind": rates(self.recall_by_kind),
            "recall_by_origin": rates(self.recall_by_origin),
        }


def _tally_dict(tally: Tally) -> dict:
    return {"rate": round(tally.rate, 4), "found": tally.found, "total": tally.total}


def _split(value: str) -> tuple[str, ...]:
    return tuple(item for item in (value or "").split(";") if item)


def read_cases(csv_path: str | Path, origins_path: str | Path | None = None) -> list[RedactionCase]:
    """Read ``text,pii,keep,kinds`` rows, joining ``row,origins`` (1-based) when given."""
    origins: dict[int, tuple[str, ...]] = {}
    if origins_path:
        with open(origins_path, newline="", encoding="utf-8") as handle:
            origins = {int(r["row"]): _split(r["origins"]) for r in csv.DictReader(handle)}
    with open(csv_path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        RedactionCase(
            text=row["text"],
            pii=_split(row["pii"]),
            keep=_split(row["keep"]),
            kinds=tuple(k for k in _split(row["kinds"]) if k != "none"),
            origins=origins.get(number, ()),
        )
        for number, row in enumerate(rows, start=1)
    ]


def _item_kind(item: str, kinds: tuple[str, ...]) -> str:
    """Which listed kind a pii item belongs to; rows with one kind need no guessing."""
    if len(kinds) == 1:
        return kinds[0]
    for kind, looks_like in _KIND_SHAPES:
        if kind in kinds and looks_like(item):
            return kind
    return "name" if "name" in kinds else (kinds[0] if kinds else "unknown")


def _digits(item: str) -> int:
    return sum(c.isdigit() for c in item)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DATE_SHAPE = re.compile(
    rf"^\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}$|^(?:19|20)\d\d$|\b{_MONTH}\b.*\d|\d.*\b{_MONTH}\b",
    re.IGNORECASE,
)
_KIND_SHAPES: list[tuple[str, Callable[[str], bool]]] = [
    ("email", lambda s: "@" in s or " at " in s),
    ("ni_number", lambda s: s[:2].isalpha() and _digits(s) == 6 and len(s) <= 14),
    ("date_of_birth", lambda s: bool(_DATE_SHAPE.search(s.strip()))),
    ("nhs_number", lambda s: _digits(s) == 10 and not s.lstrip().startswith(("0", "+"))),
    ("phone", lambda s: _digits(s) >= 9),
    ("postcode", lambda s: len(s) <= 9 and any(c.isdigit() for c in s) and s[-1].isalpha()),
    ("address", lambda s: any(c.isdigit() for c in s) or len(s.split()) >= 2),
]


def score(
    cases: Iterable[RedactionCase], redactor: Callable[[str], str] | None = None
) -> RedactionScores:
    """Run ``redactor`` (text in, redacted text out) over ``cases`` and tally the results."""
    redactor = redactor or (lambda text: redact(text).text)
    scores = RedactionScores()
    for case in cases:
        redacted = redactor(case.text)
        lowered = redacted.lower()
        leaked = [item for item in case.pii if item.lower() in lowered]
        lost = [item for item in case.keep if item not in redacted]
        for item in case.pii:
            hit = item not in leaked
            kind = _item_kind(item, case.kinds)
            _add(scores.recall_by_kind.setdefault(kind, Tally()), hit)
            _add(scores.recall, hit)
            if kind == "name":
                for origin in case.origins:
                    _add(scores.recall_by_origin.setdefault(origin, Tally()), hit)
        for item in case.keep:
            _add(scores.kept, item not in lost)
        _add(scores.clean_rows, not leaked and not lost)
        if leaked or lost:
            scores.failures.append(
                {"text": case.text, "redacted": redacted, "leaked": leaked, "lost": lost}
            )
    return scores


def _add(tally: Tally, hit: bool) -> None:
    tally.total += 1
    tally.found += int(hit)


def format_scores(scores: RedactionScores) -> str:
    """A plain-text report: overall, per kind, per origin."""
    lines = [
        f"recall {_fmt(scores.recall)}",
        f"over-redaction {scores.over_redaction:.3f} "
        f"({scores.kept.total - scores.kept.found}/{scores.kept.total} keep items lost)",
        f"clean rows {_fmt(scores.clean_rows)}",
        "recall by kind:",
        *(f"  {kind:<14} {_fmt(t)}" for kind, t in sorted(scores.recall_by_kind.items())),
    ]
    if scores.recall_by_origin:
        lines.append("name recall by origin:")
        lines += [f"  {o:<14} {_fmt(t)}" for o, t in sorted(scores.recall_by_origin.items())]
    return "\n".join(lines)


def _fmt(tally: Tally) -> str:
    return f"{tally.rate:.3f} ({tally.found}/{tally.total})"
