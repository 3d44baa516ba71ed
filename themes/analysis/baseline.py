"""The baseline the product must beat: plain ``TfidfVectorizer()`` + ``LinearSVC``.

Single-label training data: a multi-class LinearSVC (one label per comment). Multi-label data:
one-vs-rest LinearSVC, a label wherever its decision value is positive. Sentiment: the same
vectoriser and a multi-class LinearSVC.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from .classifier import LabelledExample


class BaselineClassifier:
    """TF-IDF + LinearSVC for themes, and for sentiment when labels are available."""

    def fit(self, all_examples: Sequence[LabelledExample]) -> BaselineClassifier:
        all_examples = [e for e in all_examples if (e.text or "").strip()]
        examples = [e for e in all_examples if e.labels]
        texts = [e.text for e in examples]
        self.single = all(len(e.labels) == 1 for e in examples)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if self.single:
                labels = [next(iter(e.labels)) for e in examples]
                self.themes = make_pipeline(TfidfVectorizer(), LinearSVC()).fit(texts, labels)
            else:
                self.binarizer = MultiLabelBinarizer()
                targets = self.binarizer.fit_transform([sorted(e.labels) for e in examples])
                model = OneVsRestClassifier(LinearSVC())
                self.themes = make_pipeline(TfidfVectorizer(), model).fit(texts, targets)
        with_sentiment = [e for e in all_examples if e.sentiment]
        self.sentiment = None
        if len({e.sentiment for e in with_sentiment}) >= 2:
            self.sentiment = make_pipeline(TfidfVectorizer(), LinearSVC()).fit(
                [e.text for e in with_sentiment], [e.sentiment for e in with_sentiment]
            )
        return self

    def predict_labels(self, texts: Sequence[str], contexts=None) -> list[set[str]]:
        """Labels from the text alone: the baseline ignores ``contexts``."""
        if self.single:
            return [{str(label)} for label in self.themes.predict(texts)]
        rows = self.themes.predict(texts)
        return [set(labels) for labels in self.binarizer.inverse_transform(rows)]

    def predict_sentiment(self, texts: Sequence[str], contexts=None) -> list[str] | None:
        if self.sentiment is None:
            return None
        return [str(label) for label in self.sentiment.predict(texts)]
