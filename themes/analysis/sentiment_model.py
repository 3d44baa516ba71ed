"""A trained sentiment classifier: TF-IDF words and characters plus VADER's scores.

Used when training data carries sentiment labels (positive / neutral / negative); otherwise the
engine uses VADER alone. The regularisation strength is chosen by cross-validated accuracy.
With contexts (the question each comment answers) it adds ``ContextFeatures``, a column and a
copy of the text features per question: each question's own way of being answered and coded
is learnt there, and the shared features keep what holds for every question (ADR 0023).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.svm import LinearSVC

from .features import ContextFeatures, TextFeatures

MIN_EXAMPLES = 10


class SentimentClassifier:
    """Linear SVM over ``TextFeatures(sentiment_scores=True)``."""

    def __init__(self, c_grid: Sequence[float] = (0.1, 0.3, 0.5), folds: int = 3, seed: int = 13):
        self.c_grid, self.folds, self.seed = tuple(c_grid), folds, seed

    @classmethod
    def fit_if_labelled(
        cls, examples, seed: int = 13, use_context: bool = True
    ) -> SentimentClassifier | None:
        """A fitted model if enough examples carry a sentiment label and there are 2+ classes."""
        labelled = [e for e in examples if e.sentiment]
        if len(labelled) < MIN_EXAMPLES or len({e.sentiment for e in labelled}) < 2:
            return None
        contexts = [getattr(e, "context", None) for e in labelled] if use_context else None
        texts, labels = [e.text for e in labelled], [e.sentiment for e in labelled]
        return cls(seed=seed).fit(texts, labels, contexts)

    def fit(self, texts: Sequence[str], labels: Sequence[str], contexts=None):
        """Train on texts and their labels (and what each answered, if ``contexts``)."""
        self.features = TextFeatures(sentiment_scores=True)
        self.context = ContextFeatures().fit(contexts) if contexts and any(contexts) else None
        matrix = self._with_context(self.features.fit_transform(texts), contexts)
        self.C = self._best_c(matrix, np.asarray(labels))
        self.model = LinearSVC(C=self.C).fit(matrix, labels)
        self.labels = [str(label) for label in self.model.classes_]
        return self

    def _best_c(self, matrix, labels: np.ndarray) -> float:
        smallest = min(np.unique(labels, return_counts=True)[1])
        folds = min(self.folds, smallest)
        if folds < 2:
            return self.c_grid[0]
        splitter = StratifiedKFold(folds, shuffle=True, random_state=self.seed)
        scores = [
            cross_val_score(LinearSVC(C=c), matrix, labels, cv=splitter).mean() for c in self.c_grid
        ]
        return self.c_grid[int(np.argmax(scores))]

    def predict(self, texts: Sequence[str], contexts=None) -> list[str]:
        matrix = self._with_context(self.features.transform(texts), contexts)
        return [str(label) for label in self.model.predict(matrix)]

    def _with_context(self, matrix, contexts):
        if getattr(self, "context", None) is None:  # None too in models saved before contexts
            return matrix
        one_hot = self.context.transform(contexts, matrix.shape[0])
        return hstack([matrix, one_hot, self.context.spread(matrix, contexts)]).tocsr()
