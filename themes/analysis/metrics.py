"""Evaluation metrics from scikit-learn: multi-label P/R/F1 and sentiment accuracy / macro-F1.

Labels considered are those in the gold sets or the predictions. Division by zero gives 0
(``zero_division=0``): a label never predicted has precision 0, and no warning is raised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import partial

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.preprocessing import MultiLabelBinarizer

_AVERAGES = ("micro", "macro")
_MEASURES = ("precision", "recall", "f1")


def multilabel_scores(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> dict:
    """Per-label and micro/macro precision, recall and F1 for parallel lists of label sets."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    gold, predicted = [set(g) for g in gold], [set(p) for p in predicted]
    binarizer = MultiLabelBinarizer().fit(gold + predicted)
    if not len(binarizer.classes_):
        zeros = {f"{avg}_{measure}": 0.0 for avg in _AVERAGES for measure in _MEASURES}
        return {**zeros, "per_label": {}}
    truth, guess = binarizer.transform(gold), binarizer.transform(predicted)
    labels = None
    if truth.shape[1] == 1:  # sklearn reads one column as classes 0 and 1: score only 1
        truth, guess, labels = truth.ravel(), guess.ravel(), [1]
    prfs = partial(precision_recall_fscore_support, truth, guess, labels=labels, zero_division=0)
    result = {
        f"{avg}_{measure}": value
        for avg in _AVERAGES
        for measure, value in zip(_MEASURES, prfs(average=avg)[:3], strict=True)
    }
    result["per_label"] = {
        str(label): {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(n)}
        for label, p, r, f, n in zip(binarizer.classes_, *prfs(average=None), strict=True)
    }
    return result


def sentiment_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy and macro-F1 over the classes seen in gold or predictions, and the confusion
    matrix as ``{gold label: {predicted label: count}}``."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    if not gold:
        return {"accuracy": 0.0, "macro_f1": 0.0, "n": 0, "confusion": {}}
    classes = sorted(set(gold) | set(predicted))
    pairs = Counter(zip(gold, predicted, strict=True))
    return {
        "accuracy": float(accuracy_score(gold, predicted)),
        "macro_f1": float(f1_score(gold, predicted, average="macro", zero_division=0)),
        "n": len(gold),
        "confusion": {t: {g: pairs[t, g] for g in classes} for t in classes},
    }
