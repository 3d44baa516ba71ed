"""The learning path: theme and sentiment classifiers trained on labelled comments.

Labels are whatever the training data says (they need not be in the taxonomy). Themes use one
linear SVM per label over ``TextFeatures`` (stems and stem pairs with negation scope, character
n-grams). Its settings (the regularisation strength ``C``, and optionally how much rare labels
weigh) are chosen by cross-validation on the training data only, and the same held-out
decisions calibrate confidences (Platt scaling per label) and, for multi-label data, per-label
thresholds. Single-label training data gives exactly one label per comment, the top one.

When examples carry a ``context`` (which question they answer), both models add one column per
context seen in training (``ContextFeatures``): measured on the NHS data it helps themes and
sentiment by cross-validation and by trust (ADR 0023). Without contexts nothing changes.

Rare-label weighting, VADER's scores and the phrase rules' themes as features are options
(``weightings``, ``vader_features``, ``rule_features``): measured on the NHS data by
cross-validation and by trust, none of them beat the defaults (docs/themes-engine.md).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import hstack
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from .calibration import decide, fit_platt, probabilities, tune_thresholds
from .features import ContextFeatures, TextFeatures
from .sentiment_model import SentimentClassifier


@dataclass(frozen=True)
class LabelledExample:
    """One training or test comment: its text, its set of labels, optional sentiment label.

    ``group`` (e.g. the organisation that collected it) is only used to split data for
    evaluation; ``context`` (e.g. the question answered) is a feature. Neither is part of an
    example's identity.
    """

    text: str
    labels: frozenset[str] = frozenset()
    sentiment: str | None = None
    group: str | None = field(default=None, compare=False)
    context: str | None = field(default=None, compare=False)


class ThemeClassifier:
    """Multi-label theme classifier (plus a sentiment model when sentiment labels are given).

    ``c_grid`` and ``weightings`` are the settings tried by ``folds``-fold cross-validation on
    the training data; the best micro-F1 wins. A weighting is how a label's positive examples
    count: "none" (as they are), "sqrt" (by the square root of how rare the label is) or
    "balanced" (by how rare it is). ``rule_features`` and ``vader_features`` add the phrase rules'
    themes and VADER's scores as feature columns. ``context_features`` adds a column per
    example ``context`` seen in training; ``predict`` then takes the texts' contexts too.
    """

    def __init__(
        self,
        c_grid: Sequence[float] = (0.1, 0.2, 0.35),
        folds: int = 3,
        seed: int = 13,
        weightings: Sequence[str] = ("none",),
        rule_features: bool = False,
        vader_features: bool = False,
        context_features: bool = True,
    ):
        self.c_grid, self.folds, self.seed = tuple(c_grid), folds, seed
        self.weightings = tuple(weightings)
        self.rule_features, self.vader_features = rule_features, vader_features
        self.context_features = context_features
        self.context: ContextFeatures | None = None
        self.examples: list[LabelledExample] = []
        self.labels: list[str] = []
        self.mode = "single"
        self.settings: dict = {}
        self.tuning: list[dict] = []
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
        self.features = TextFeatures(
            sentiment_scores=self.vader_features, rule_themes=self.rule_features
        )
        contexts = [e.context for e in self.examples]
        use_context = self.context_features and any(contexts)
        self.context = ContextFeatures().fit(contexts) if use_context else None
        matrix = self._with_context(self.features.fit_transform(texts), contexts)
        self.settings, self.platt, self.thresholds = self._tune(matrix, targets)
        self.C = self.settings["C"]
        self.model = (
            _svm(self.C, self.settings["weighting"], targets).fit(matrix, targets)
            if len(self.labels) > 1
            else None
        )
        with_text = [e for e in examples if (e.text or "").strip()]
        self.sentiment_model = SentimentClassifier.fit_if_labelled(
            with_text, self.seed, self.context_features
        )
        return self

    def _with_context(self, matrix, contexts):
        if self.context is None:
            return matrix
        return hstack([matrix, self.context.transform(contexts, matrix.shape[0])]).tocsr()

    def __setstate__(self, state: dict) -> None:
        state.setdefault("context_features", False)  # models saved before contexts existed
        state.setdefault("context", None)
        self.__dict__.update(state)

    def _tune(self, matrix, targets):
        folds = min(self.folds, len(self.examples))
        self.tuning = []
        default = {"C": self.c_grid[0], "weighting": self.weightings[0]}
        if len(self.labels) < 2 or folds < 2:
            return default, None, None
        best = None
        for weighting in self.weightings:
            for c in self.c_grid:
                decisions = _cv_decisions(matrix, targets, c, weighting, folds, self.seed)
                platt = fit_platt(decisions, targets)
                probs = probabilities(decisions, platt)
                thresholds = tune_thresholds(probs, targets) if self.mode == "multi" else None
                chosen = decide(probs, thresholds)
                score = f1_score(targets, chosen, average="micro", zero_division=0)
                settings = {"C": c, "weighting": weighting}
                self.tuning.append({**settings, "micro_f1": round(float(score), 4)})
                if best is None or score > best[0] + 1e-9:
                    best = (score, settings, platt, thresholds)
        return best[1:]

    def predict_proba(self, texts: Sequence[str], contexts=None) -> np.ndarray:
        """Calibrated confidence per label (columns follow ``self.labels``)."""
        if self.model is None:
            return np.ones((len(texts), 1))
        return probabilities(self.decision_function(texts, contexts), self.platt)

    def decision_function(self, texts: Sequence[str], contexts=None) -> np.ndarray:
        matrix = self._with_context(self.features.transform(texts), contexts)
        return self.model.decision_function(matrix)

    def predict(self, texts: Sequence[str], contexts=None) -> list[list[tuple[str, float]]]:
        """Per text, the chosen labels with confidences, most confident first.

        ``contexts`` (one per text, or None) are what each text answered, as in training.
        """
        probs = self.predict_proba(texts, contexts)
        chosen = decide(probs, self.thresholds)
        results = []
        for row_probs, row_chosen in zip(probs, chosen, strict=True):
            picked = [
                (self.labels[i], round(float(row_probs[i]), 3)) for i in np.flatnonzero(row_chosen)
            ]
            results.append(sorted(picked, key=lambda item: -item[1]))
        return results

    def predict_labels(self, texts: Sequence[str], contexts=None) -> list[set[str]]:
        return [{label for label, _ in row} for row in self.predict(texts, contexts)]

    def predict_sentiment(self, texts: Sequence[str], contexts=None) -> list[str] | None:
        """Sentiment labels from the trained sentiment model, or None when there is none."""
        if self.sentiment_model is None:
            return None
        return self.sentiment_model.predict(texts, contexts)


class _Constant:
    """Stands in for a label's SVM when the training data has only one value for it."""

    def __init__(self, present: bool, width: int) -> None:
        self.coef_ = np.zeros((1, width))
        self.intercept_ = np.array([1.0 if present else -1.0])


class LinearOneVsRest:
    """One binary ``LinearSVC`` per label column, each with its own weight for positives.

    ``estimators_[i].coef_`` is label i's weight per feature (what ``explain`` reads).
    """

    def __init__(self, c: float, positive_weights: Sequence[float]) -> None:
        self.C, self.positive_weights = c, list(positive_weights)

    def fit(self, matrix, targets: np.ndarray) -> LinearOneVsRest:
        self.estimators_ = []
        for column, weight in zip(targets.T, self.positive_weights, strict=True):
            if column.min() == column.max():
                self.estimators_.append(_Constant(bool(column[0]), matrix.shape[1]))
                continue
            svm = LinearSVC(C=self.C, class_weight={0: 1.0, 1: float(weight)})
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # convergence warnings on tiny data
                self.estimators_.append(svm.fit(matrix, column))
        self.coef_ = np.vstack([np.asarray(e.coef_).reshape(1, -1) for e in self.estimators_])
        self.intercept_ = np.array([float(np.ravel(e.intercept_)[0]) for e in self.estimators_])
        return self

    def decision_function(self, matrix) -> np.ndarray:
        return np.asarray(matrix @ self.coef_.T) + self.intercept_


def positive_weights(targets: np.ndarray, weighting: str) -> np.ndarray:
    """Per label, how much a positive example counts: 1, or more the rarer the label is."""
    counts = np.maximum(targets.sum(axis=0), 1)
    balanced = len(targets) / (targets.shape[1] * counts)
    if weighting == "balanced":
        return balanced
    if weighting == "sqrt":
        return np.sqrt(balanced)
    if weighting == "none":
        return np.ones(targets.shape[1])
    raise ValueError(f"Unknown weighting {weighting!r}")


def _svm(c: float, weighting: str, targets: np.ndarray) -> LinearOneVsRest:
    return LinearOneVsRest(c, positive_weights(targets, weighting))


def _cv_decisions(matrix, targets, c: float, weighting: str, folds: int, seed: int) -> np.ndarray:
    """Each training example's decision values from a model that did not see it."""
    decisions = np.zeros(targets.shape, dtype=float)
    for inside, held in KFold(folds, shuffle=True, random_state=seed).split(targets):
        model = _svm(c, weighting, targets[inside]).fit(matrix[inside], targets[inside])
        decisions[held] = model.decision_function(matrix[held])
    return decisions
