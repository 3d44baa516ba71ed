"""Retrain with a safety net: score before and after on held-back examples, keep the better.

The new examples are split (fixed seed) into a training part and a held-back part. The current
model is scored on the held-back part, a candidate is trained on everything the current model
knew plus the training part, and the candidate is kept only if it is not worse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .classifier import LabelledExample, ThemeClassifier
from .dataset import split_examples
from .evaluate import score_model

_KEYS = ("micro_f1", "macro_f1", "sentiment_accuracy", "sentiment_macro_f1")


@dataclass(frozen=True)
class RetrainReport:
    """Scores before and after on the held-back examples, and which model to use."""

    before: dict | None
    after: dict
    accepted: bool
    model: ThemeClassifier
    message: str
    n_train: int
    n_holdout: int


def retrain(
    current: ThemeClassifier | None,
    new_examples: Sequence[LabelledExample],
    *,
    holdout_fraction: float = 0.2,
    seed: int = 42,
    tolerance: float = 0.0,
) -> RetrainReport:
    """Train a candidate on old + new examples; accept it only if held-back scores hold up.

    ``tolerance`` is how much lower micro-F1 / sentiment accuracy may be (negative values
    demand an improvement).
    """
    train_part, holdout = split_examples(new_examples, holdout_fraction, seed)
    known = list(current.examples) if current else []
    training = list(dict.fromkeys([*known, *train_part]))
    candidate = ThemeClassifier().fit(training)
    after = _summary(score_model(candidate, holdout))
    before = _summary(score_model(current, holdout)) if current else None
    worse = [
        key
        for key in ("micro_f1", "sentiment_accuracy")
        if before and key in before and after.get(key, 0.0) < before[key] - tolerance
    ]
    accepted = not worse
    if accepted:
        message = f"Accepted: micro-F1 {_fmt(before, 'micro_f1')} -> {after['micro_f1']:.3f}."
    else:
        message = "Rejected, kept the current model: " + ", ".join(
            f"{key} {before[key]:.3f} -> {after.get(key, 0.0):.3f}" for key in worse
        )
    model = candidate if accepted else current
    return RetrainReport(before, after, accepted, model, message, len(training), len(holdout))


def _summary(scores: dict) -> dict:
    return {key: round(scores[key], 4) for key in _KEYS if key in scores}


def _fmt(scores: dict | None, key: str) -> str:
    return f"{scores[key]:.3f}" if scores and key in scores else "n/a"
