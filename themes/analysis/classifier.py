"""The learning path: theme and sentiment classifiers trained on labelled comments.

Labels are whatever the training data says (they need not be in the taxonomy). Themes use
one-vs-rest linear SVMs over ``TextFeatures``; the regularisation strength is chosen by
cross-validation on the training data only, and the same held-out decisions calibrate
confidences and (for multi-label data) per-label thresholds. Single-label training data gives
exactly one label per comment, the top one.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from .calibration import decide, fit_platt, probabilities, tune_thresholds
from .features import TextFeatures
from .sentiment_model import SentimentClassifier


@dataclass(frozen=True)
class LabelledExample:
    """One training or test comment: its text, its set of labels, optional sentiment label."""

    text: str
    labels: frozenset[str] = frozenset()
    sentiment: str | None = None


class ThemeClassifier:
    """Multi-label theme classifier (plus a sentiment model when sentiment labels are given)."""

    def __init__(self, c_grid: Sequence[float] = (0.1, 0.2, 0.35), folds: int = 3, seed: int = 13):
        self.c_grid, self.folds, self.seed = tuple(c_grid), folds, seed
        self.examples: list[LabelledExample] = []
        self.labels: list[str] = []
        self.mode = "single"
        self.sentiment_model: SentimentClassifier | None = None

    def fit(self, examples: Sequence[LabelledExample]) -> ThemeClassifier:
        """Train on examples with at least one label; returns ``self``."""
        self.examples = [e for e in examples if e.labels and (e.text or "").strip()]
        if not self.examples:
            raise ValueError("No labelled examples to train on.")
        texts = [e.text for e in self.examples]
        self.binarizer = MultiLabelBinarizer()
        targets = self.binarizer.fit_transform([sorted(e.labels) for e in self.examples])
        self.labels = [str(label) for label in self.binarizer.classes_]
        self.mode = "single" if all(len(e.labels) == 1 for e in self.examples) else "multi"
        self.features = TextFeatures()
        matrix = self.features.fit_transform(texts)
        self.C, self.platt, self.thresholds = self._tune(matrix, targets)
        self.model = _svm(self.C).fit(matrix, targets) if len(self.labels) > 1 else None
        with_text = [e for e in examples if (e.text or "").strip()]
        self.sentiment_model = SentimentClassifier.fit_if_labelled(with_text, self.seed)
        return self

    def _tune(self, matrix, targets):
        folds = min(self.folds, len(self.examples))
        if len(self.labels) < 2 or folds < 2:
            return self.c_grid[0], None, None
        best = None
        for c in self.c_grid:
            decisions = _cv_decisions(matrix, targets, c, folds, self.seed)
            platt = fit_platt(decisions, targets)
            probs = probabilities(decisions, platt)
            thresholds = tune_thresholds(probs, targets) if self.mode == "multi" else None
            score = f1_score(targets, decide(probs, thresholds), average="micro", zero_division=0)
            if best is None or score > best[0]:
                best = (score, c, platt, thresholds)
        return best[1:]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated confidence per label (columns follow ``self.labels``)."""
        if self.model is None:
            return np.ones((len(texts), 1))
        return probabilities(self.decision_function(texts), self.platt)

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return np.asarray(self.model.decision_function(self.features.transform(texts)))

    def predict(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """Per text, the chosen labels with confidences, most confident first."""
        probs = self.predict_proba(texts)
        chosen = decide(probs, self.thresholds)
        results = []
        for row_probs, row_chosen in zip(probs, chosen, strict=True):
            picked = [
                (self.labels[i], round(float(row_probs[i]), 3)) for i in np.flatnonzero(row_chosen)
            ]
            results.append(sorted(picked, key=lambda item: -item[1]))
        return results

    def predict_labels(self, texts: Sequence[str]) -> list[set[str]]:
        return [{label for label, _ in row} for row in self.predict(texts)]

    def predict_sentiment(self, texts: Sequence[str]) -> list[str] | None:
        """Sentiment labels from the trained sentiment model, or None when there is none."""
        return self.sentiment_model.predict(texts) if self.sentiment_model else None


def _svm(c: float) -> OneVsRestClassifier:
    return OneVsRestClassifier(LinearSVC(C=c))


def _cv_decisions(matrix, targets, c: float, folds: int, seed: int) -> np.ndarray:
    splitter = KFold(folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a rare label may be absent from one fold
        return cross_val_predict(_svm(c), matrix, targets, cv=splitter, method="decision_function")
