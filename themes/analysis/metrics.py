"""Evaluation metrics in plain Python: multi-label P/R/F1 and sentiment accuracy / macro-F1.

Labels considered are those in the gold sets or the predictions. Division by zero gives 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def multilabel_scores(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> dict:
    """Per-label and micro/macro precision, recall and F1 for parallel lists of label sets."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    counts: dict[str, list[int]] = {}
    for gold_set, predicted_set in zip(gold, predicted, strict=True):
        gold_set, predicted_set = set(gold_set), set(predicted_set)
        for label in gold_set | predicted_set:
            tally = counts.setdefault(label, [0, 0, 0])
            tally[0] += label in gold_set and label in predicted_set
            tally[1] += label in predicted_set and label not in gold_set
            tally[2] += label in gold_set and label not in predicted_set
    per_label = {}
    for label in sorted(counts):
        tp, fp, fn = counts[label]
        precision, recall, f1 = _prf(tp, fp, fn)
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    micro = _prf(*totals)
    count = len(per_label) or 1
    macro = [sum(s[k] for s in per_label.values()) / count for k in ("precision", "recall", "f1")]
    return {
        "micro_precision": micro[0],
        "micro_recall": micro[1],
        "micro_f1": micro[2],
        "macro_precision": macro[0],
        "macro_recall": macro[1],
        "macro_f1": macro[2],
        "per_label": per_label,
    }


def sentiment_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy and macro-F1 over the classes seen in gold or predictions."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    if not gold:
        return {"accuracy": 0.0, "macro_f1": 0.0, "n": 0}
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    per_class = multilabel_scores([{g} for g in gold], [{p} for p in predicted])["per_label"]
    macro_f1 = sum(s["f1"] for s in per_class.values()) / len(per_class)
    return {"accuracy": accuracy, "macro_f1": macro_f1, "n": len(gold)}
