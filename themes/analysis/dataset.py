"""Reading labelled comments from CSV, and the splits evaluation uses.

``split_examples`` is the fixed-seed train/test split, ``kfold_splits`` K-fold
cross-validation (every example tested exactly once) and ``group_splits`` leave-one-group-out
(train on every other group, test on one), which never puts a group on both sides.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from pathlib import Path

from .classifier import LabelledExample
from .sentiment import NEGATIVE, NEUTRAL, POSITIVE

LABEL_SEPARATOR = ";"
_WORDS = {
    "positive": POSITIVE,
    "pos": POSITIVE,
    "neutral": NEUTRAL,
    "neu": NEUTRAL,
    "negative": NEGATIVE,
    "neg": NEGATIVE,
}


def parse_labels(cell: str | None) -> frozenset[str]:
    """Labels from a CSV cell: ``"Access; Staff"`` -> {"Access", "Staff"}."""
    return frozenset(part.strip() for part in (cell or "").split(LABEL_SEPARATOR) if part.strip())


def map_sentiment(value: str | float | None) -> str | None:
    """positive / neutral / negative from a word or a number (<0, 0, >0); None for junk."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in _WORDS:
        return _WORDS[text]
    try:
        number = float(text)
    except ValueError:
        return None
    if number != number:  # NaN
        return None
    return NEGATIVE if number < 0 else POSITIVE if number > 0 else NEUTRAL


def read_examples(
    path: str | Path,
    text_column: str,
    label_column: str | None = None,
    sentiment_column: str | None = None,
    group_column: str | None = None,
    context_column: str | None = None,
) -> list[LabelledExample]:
    """Examples from a CSV file (UTF-8, BOM allowed); rows with blank text are skipped.

    ``group_column`` only splits data for evaluation; ``context_column`` (e.g. the question
    each comment answers) is given to the models as a feature."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [
            c
            for c in (text_column, label_column, sentiment_column, group_column, context_column)
            if c and c not in (reader.fieldnames or [])
        ]
        if missing:
            raise KeyError(f"Column(s) {missing} not in {path}; found {reader.fieldnames}")
        return [
            LabelledExample(
                row[text_column],
                parse_labels(row[label_column]) if label_column else frozenset(),
                map_sentiment(row[sentiment_column]) if sentiment_column else None,
                _cell(row, group_column),
                _cell(row, context_column),
            )
            for row in reader
            if (row[text_column] or "").strip()
        ]


def _cell(row: dict, column: str | None) -> str | None:
    return ((row[column] or "").strip() or None) if column else None


def split_examples(
    examples: Sequence[LabelledExample], test_fraction: float = 0.2, seed: int = 42
) -> tuple[list[LabelledExample], list[LabelledExample]]:
    """A reproducible random train/test split."""
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    cut = len(shuffled) - max(1, round(len(shuffled) * test_fraction))
    return shuffled[:cut], shuffled[cut:]


Split = tuple[list[LabelledExample], list[LabelledExample]]


def kfold_splits(
    examples: Sequence[LabelledExample], folds: int = 5, seed: int = 42
) -> list[Split]:
    """``folds`` (train, test) pairs after one fixed-seed shuffle; each example is tested once."""
    if folds < 2 or folds > len(examples):
        raise ValueError(f"Cannot make {folds} folds from {len(examples)} examples.")
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    parts = [shuffled[i::folds] for i in range(folds)]
    return [
        ([e for j, part in enumerate(parts) if j != i for e in part], parts[i])
        for i in range(folds)
    ]


def group_splits(
    examples: Sequence[LabelledExample], test_groups: Sequence[str] | None = None
) -> list[tuple[str, Split]]:
    """Leave one group out: (group, (every other group's examples, that group's examples)).

    ``test_groups`` limits which groups are held out (default: each in turn, sorted). Examples
    without a group are never tested and never trained on, so no group is on both sides.
    """
    groups = sorted({e.group for e in examples if e.group})
    if len(groups) < 2:
        raise ValueError(f"Need at least two groups to split by group; found {groups}.")
    unknown = sorted(set(test_groups or ()) - set(groups))
    if unknown:
        raise ValueError(f"No such group(s): {unknown}; found {groups}.")
    held_out = list(test_groups) if test_groups else groups
    return [
        (
            group,
            (
                [e for e in examples if e.group and e.group != group],
                [e for e in examples if e.group == group],
            ),
        )
        for group in held_out
    ]
