"""What staff reviews teach the tagger: per theme, how likely a comment is to be about it.

Trained on reviewed comments (the themes staff confirmed, and those they rejected), it adds a
theme the rules missed when it is confident, and removes a rule tag when it is confident the
tag is wrong, but only for themes where doing so cut the errors on the training comments
(cross-validated). Staff confirmations and rejections are its positive and negative examples.

It is plain numbers saved as JSON (``to_bytes``/``from_bytes``): a vocabulary of stems and stem
pairs seen in at least ``min_df`` different comments, their IDF weights and one logistic
regression per theme. Loading never runs code, and no phrase unique to one comment is kept.
"""

from __future__ import annotations

import json
import math
import random
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix

from .features import word_features
from .negation import annotate
from .resources import stopwords
from .sentiment import label_for
from .text import normalise
from .themes import ThemeTag

FORMAT = "review-model/1"
MIN_DF = 3
MAX_TERMS = 20000
ADD_THRESHOLDS = (0.6, 0.7, 0.8, 0.9)
VETO_THRESHOLDS = (0.1, 0.2, 0.3, 0.4)
REJECTED_WEIGHT = 2.0  # a rejection is a decision about this theme, not just an absence


class IncompatibleModel(ValueError):
    """A stored payload this code can't read (corrupt, or written by another format)."""


@dataclass(frozen=True)
class ReviewedExample:
    """A comment staff reviewed: the themes they confirmed and those they rejected."""

    text: str
    confirmed: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()


@dataclass
class ThemeWeights:
    """One theme's logistic regression and what it may do (None: never)."""

    weights: np.ndarray
    bias: float
    add: float | None = None
    veto: float | None = None


@dataclass
class ReviewModel:
    """Adjusts rule tags: ``adjust(texts, rule_keys)`` says what to add and what to remove."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    themes: dict[str, ThemeWeights] = field(default_factory=dict)

    def vectorise(self, texts: Sequence[str]) -> csr_matrix:
        """Sublinear TF-IDF, L2-normalised, over the stored vocabulary only."""
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            counts = Counter(
                self.vocabulary[t] for t in word_features(text or "") if t in self.vocabulary
            )
            weights = {c: (1 + math.log(n)) * self.idf[c] for c, n in counts.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for column, weight in weights.items():
                rows.append(row)
                cols.append(column)
                values.append(weight / norm)
        shape = (len(texts), len(self.vocabulary))
        return csr_matrix((values, (rows, cols)), shape=shape)

    def probabilities(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        if not self.themes or not texts:
            return {key: np.zeros(len(texts)) for key in self.themes}
        matrix = self.vectorise(texts)
        keys = list(self.themes)
        weights = np.column_stack([self.themes[k].weights for k in keys])
        biases = np.array([self.themes[k].bias for k in keys])
        probs = _sigmoid(matrix @ weights + biases)
        return {key: probs[:, i] for i, key in enumerate(keys)}

    def adjust(
        self, texts: Sequence[str], rule_keys: Sequence[set[str]]
    ) -> list[tuple[dict[str, float], set[str]]]:
        """Per text: themes to add (with confidence) and rule themes to remove."""
        probs = self.probabilities(texts)
        result = []
        for row, ruled in enumerate(rule_keys):
            added, removed = {}, set()
            for key, theme in self.themes.items():
                p = float(probs[key][row])
                if key in ruled and theme.veto is not None and p < theme.veto:
                    removed.add(key)
                elif key not in ruled and theme.add is not None and p >= theme.add:
                    added[key] = round(p, 3)
            result.append((added, removed))
        return result

    def adjust_labels(self, texts: Sequence[str], rule_keys: Sequence[set[str]]) -> list[set]:
        """The label sets after adjustment (for scoring)."""
        return [
            (set(ruled) - removed) | set(added)
            for ruled, (added, removed) in zip(
                rule_keys, self.adjust(texts, rule_keys), strict=True
            )
        ]

    def apply_to(self, analyses: Sequence, scorer) -> list:
        """``Analysis`` objects with confident additions as ``source="model"`` tags and vetoed
        rule tags dropped."""
        import dataclasses

        texts = [a.redacted_text for a in analyses]
        ruled = [{t.theme_key for t in a.tags} for a in analyses]
        result = []
        for analysis, (added, removed) in zip(analyses, self.adjust(texts, ruled), strict=True):
            if not added and not removed:
                result.append(analysis)
                continue
            tags = [t for t in analysis.tags if t.theme_key not in removed]
            tags += [self._tag(analysis, key, p, scorer) for key, p in added.items()]
            result.append(dataclasses.replace(analysis, tags=tags))
        return result

    def _tag(self, analysis, key: str, confidence: float, scorer) -> ThemeTag:
        sentences = analysis.sentences or [analysis.redacted_text]
        index = int(np.argmax(self.probabilities(sentences)[key])) if len(sentences) > 1 else 0
        sentence = sentences[index]
        compound = scorer.compound(sentence)
        words = self.explain(sentence, key)
        return ThemeTag(
            key, sentence, words, label_for(compound), "model", confidence, compound, index
        )

    def explain(self, sentence: str, key: str, top: int = 3) -> tuple[str, ...]:
        """The sentence's words that push most towards ``key``."""
        weights = self.themes[key].weights
        surface = {t.stem: t.text for t in annotate(normalise(sentence)) if not t.negator}
        stop = stopwords()
        scored = [
            (weights[self.vocabulary[s]], w)
            for s, w in surface.items()
            if s in self.vocabulary and w not in stop
        ]
        return tuple(w for weight, w in sorted(scored, reverse=True)[:top] if weight > 0)

    def to_bytes(self) -> bytes:
        terms = sorted(self.vocabulary, key=self.vocabulary.get)
        data = {
            "format": FORMAT,
            "vocabulary": terms,
            "idf": _rounded(self.idf),
            "themes": {
                key: {"weights": _rounded(t.weights), "bias": t.bias, "add": t.add, "veto": t.veto}
                for key, t in self.themes.items()
            },
        }
        return zlib.compress(json.dumps(data, separators=(",", ":")).encode())

    @classmethod
    def from_bytes(cls, payload: bytes) -> ReviewModel:
        """Read ``to_bytes`` output; anything else raises ``IncompatibleModel``."""
        try:
            data = json.loads(zlib.decompress(bytes(payload)))
            if data.get("format") != FORMAT:
                raise IncompatibleModel(f"format {data.get('format')!r}, expected {FORMAT!r}")
            vocabulary = {term: i for i, term in enumerate(data["vocabulary"])}
            idf = np.asarray(data["idf"], dtype=float)
            themes = {
                key: ThemeWeights(
                    np.asarray(t["weights"], dtype=float), t["bias"], t["add"], t["veto"]
                )
                for key, t in data["themes"].items()
            }
        except IncompatibleModel:
            raise
        except (zlib.error, ValueError, KeyError, TypeError, AttributeError) as error:
            raise IncompatibleModel(f"unreadable payload ({type(error).__name__})") from error
        if len(idf) != len(vocabulary) or any(len(t.weights) != len(idf) for t in themes.values()):
            raise IncompatibleModel("weights and vocabulary differ in length")
        return cls(vocabulary, idf, themes)


def fit_review_model(
    examples: Sequence[ReviewedExample],
    rule_keys: Sequence[set[str]],
    *,
    min_df: int = MIN_DF,
    folds: int = 3,
    seed: int = 7,
) -> ReviewModel:
    """Learn from reviewed comments; ``rule_keys`` are the rules' themes for each one."""
    vocabulary, idf = _vocabulary([e.text for e in examples], min_df)
    model = ReviewModel(vocabulary, idf)
    if not vocabulary:
        return model
    matrix = model.vectorise([e.text for e in examples])
    keys = sorted({k for e in examples for k in e.confirmed | e.rejected})
    for key in keys:
        theme = _fit_theme(matrix, examples, rule_keys, key, folds, seed)
        if theme is not None:
            model.themes[key] = theme
    return model


def _vocabulary(texts: Sequence[str], min_df: int) -> tuple[dict[str, int], np.ndarray]:
    # Document frequency over distinct texts: a comment stored twice is still one comment.
    distinct = {" ".join((t or "").lower().split()) for t in texts} - {""}
    df = Counter(term for text in distinct for term in set(word_features(text)))
    kept = sorted((t for t, n in df.items() if n >= min_df), key=lambda t: (-df[t], t))
    kept = sorted(kept[:MAX_TERMS])
    n = len(distinct)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in kept])
    return {t: i for i, t in enumerate(kept)}, idf


def _fit_theme(matrix, examples, rule_keys, key, folds, seed) -> ThemeWeights | None:
    truth = np.array([key in e.confirmed for e in examples])
    if truth.sum() < 2 or (~truth).sum() < 2:
        return None  # nothing to tell apart; the rules stay as they are
    weights = np.array([REJECTED_WEIGHT if key in e.rejected else 1.0 for e in examples])
    ruled = np.array([key in r for r in rule_keys])
    held = _out_of_fold(matrix, truth, weights, folds, seed)
    add, veto = _choose(held, truth, ruled)
    if add is None and veto is None:
        return None
    coef, bias = _logistic(matrix, truth, weights)
    return ThemeWeights(coef, bias, add, veto)


def _out_of_fold(matrix, truth, weights, folds, seed) -> np.ndarray:
    order = list(range(len(truth)))
    random.Random(seed).shuffle(order)
    held = np.zeros(len(truth))
    for fold in range(folds):
        test = np.array(order[fold::folds])
        train = np.setdiff1d(np.arange(len(truth)), test)
        if len(set(truth[train])) < 2:
            held[test] = truth[train].mean()
            continue
        coef, bias = _logistic(matrix[train], truth[train], weights[train])
        held[test] = _sigmoid(matrix[test] @ coef + bias)
    return held


def _choose(probs, truth, ruled) -> tuple[float | None, float | None]:
    """Thresholds that make the fewest errors on held-out predictions; ties keep the rules."""
    best = (_errors(ruled, truth), None, None)
    for add in (None, *ADD_THRESHOLDS):
        for veto in (None, *VETO_THRESHOLDS):
            tagged = ruled.copy()
            if veto is not None:
                tagged &= probs >= veto
            if add is not None:
                tagged |= ~ruled & (probs >= add)
            errors = _errors(tagged, truth)
            if errors < best[0]:
                best = (errors, add, veto)
    return best[1], best[2]


def _errors(tagged, truth) -> int:
    return int(np.sum(tagged != truth))


def _logistic(matrix, truth, weights) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=4.0, max_iter=500).fit(matrix, truth, sample_weight=weights)
    return model.coef_.ravel().astype(float), float(model.intercept_[0])


def _sigmoid(values) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(values, dtype=float)))


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]
