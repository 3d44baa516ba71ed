"""Turn per-label decision scores into calibrated confidences and label sets.

Platt scaling per label is fitted on cross-validated decision values, so confidences mean
roughly "how often this is right". In multi-label mode each label gets its own threshold (tuned
for F1 on the same held-out values); every text keeps at least its top label.
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

CANDIDATE_THRESHOLDS = np.round(np.arange(0.1, 0.91, 0.05), 2)


def fit_platt(decisions: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Per-label (slope, intercept) pairs mapping decision values to probabilities."""
    params = np.zeros((decisions.shape[1], 2))
    for label in range(decisions.shape[1]):
        column = targets[:, label]
        if column.min() == column.max():
            params[label] = (0.0, 8.0 if column[0] else -8.0)
            continue
        model = LogisticRegression(C=100.0).fit(decisions[:, [label]], column)
        params[label] = (model.coef_[0, 0], model.intercept_[0])
    return params


def probabilities(decisions: np.ndarray, params: np.ndarray | None) -> np.ndarray:
    if params is None:
        return 1.0 / (1.0 + np.exp(-2.0 * decisions))
    return 1.0 / (1.0 + np.exp(-(decisions * params[:, 0] + params[:, 1])))


def tune_thresholds(probs: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Per-label probability thresholds maximising that label's F1 on held-out predictions."""
    thresholds = np.full(probs.shape[1], 0.5)
    for label in range(probs.shape[1]):
        truth = targets[:, label].astype(bool)
        best = -1.0
        for threshold in CANDIDATE_THRESHOLDS:
            predicted = probs[:, label] >= threshold
            tp = np.sum(predicted & truth)
            f1 = 2 * tp / max(predicted.sum() + truth.sum(), 1)
            if f1 > best + 1e-9:
                best, thresholds[label] = f1, threshold
    return thresholds


def decide(probs: np.ndarray, thresholds: np.ndarray | None) -> np.ndarray:
    """Boolean label matrix: top label only (``thresholds`` None) or thresholds + top label."""
    chosen = np.zeros(probs.shape, dtype=bool)
    chosen[np.arange(len(probs)), probs.argmax(axis=1)] = True
    if thresholds is not None:
        chosen |= probs >= thresholds
    return chosen
