"""Features for the learning path: TF-IDF over our tokens plus character n-grams (+ VADER, rules).

Word features are Snowball stems with negation marked ("not_help") and stem bigrams, from the
same pipeline the rules use; character n-grams (2-5, within word boundaries) make the model
tolerant of misspellings. ``sentiment_scores`` adds VADER's four scores as dense columns and
``rule_themes`` one column per theme of the shipped taxonomy, 1 where the phrase rules tag it:
the rules become evidence the model weighs, not tags added on top of it. The word block always
comes first (``explain`` reads its weights). ``ContextFeatures`` is the block for what a comment
answered (e.g. the survey question), which the classifiers add after the text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from .negation import annotate, negation_marked
from .sentiment import SentimentScorer
from .text import normalise


def word_features(text: str) -> list[str]:
    """Negation-marked stems and their bigrams (a picklable sklearn ``analyzer``)."""
    tokens = negation_marked(annotate(normalise(text)))
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


class TextFeatures:
    """Fit once on training texts, then transform any texts into one sparse matrix."""

    def __init__(
        self, sentiment_scores: bool = False, vader_weight: float = 1.0, rule_themes: bool = False
    ) -> None:
        self.words = TfidfVectorizer(analyzer=word_features, sublinear_tf=True)
        self.chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, lowercase=True
        )
        self.sentiment_scores = sentiment_scores
        self.vader_weight = vader_weight
        self.rule_themes = rule_themes
        self.rule_keys: list[str] = []
        self._scorer: SentimentScorer | None = None
        self._tagger = None

    def fit_transform(self, texts: Sequence[str]):
        texts = [text or "" for text in texts]
        self._fit_chars(texts)
        if self.rule_themes:
            from .themes import default_taxonomy

            self.rule_keys = sorted(theme.key for theme in default_taxonomy())
        return self._stack(self.words.fit_transform(texts), self.chars.transform(texts), texts)

    def transform(self, texts: Sequence[str]):
        texts = [text or "" for text in texts]
        return self._stack(self.words.transform(texts), self.chars.transform(texts), texts)

    def _fit_chars(self, texts: list[str]) -> None:
        try:
            self.chars.fit(texts)
        except ValueError:  # too few texts for min_df=2: keep every n-gram instead
            self.chars.set_params(min_df=1)
            self.chars.fit(texts)

    def _stack(self, words, chars, texts: list[str]):
        blocks = [words, chars]
        if self.sentiment_scores:
            blocks.append(self._vader(texts))
        if self.rule_themes:
            blocks.append(self._rules(texts))
        return hstack(blocks).tocsr()

    def _rules(self, texts: list[str]):
        """1 where the shipped phrase rules tag the theme (no redaction, no safeguarding)."""
        if self._tagger is None:
            from .tagger import Tagger

            self._tagger = Tagger(redact=False, safeguarding=False)
        column = {key: i for i, key in enumerate(self.rule_keys)}
        rows, cols = [], []
        for row, analysis in enumerate(self._tagger.analyse_many(texts)):
            for key in {tag.theme_key for tag in analysis.tags} & column.keys():
                rows.append(row)
                cols.append(column[key])
        shape = (len(texts), len(self.rule_keys))
        return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)

    def _vader(self, texts: list[str]):
        if self._scorer is None:
            self._scorer = SentimentScorer()
        rows = []
        for text in texts:
            scores = self._scorer.scores(normalise(text))
            rows.append([scores["compound"], scores["pos"], scores["neg"], scores["neu"]])
        return csr_matrix(np.asarray(rows, dtype=float).reshape(len(texts), 4) * self.vader_weight)

    def __setstate__(self, state: dict) -> None:
        state.setdefault("rule_themes", False)  # models saved before rule features existed
        state.setdefault("rule_keys", [])
        state.setdefault("_tagger", None)
        self.__dict__.update(state)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_scorer"] = state["_tagger"] = None  # rebuilt lazily; keeps saved models small
        return state

    def word_names(self) -> np.ndarray:
        return self.words.get_feature_names_out()


class ContextFeatures:
    """One column per context seen in training (e.g. which question a comment answers).

    Each context's own habits (a question that asks "what could be improved", a team that codes
    sentiment its own way) are learnt by its column instead of by the words, so the words keep
    what holds everywhere. A context not seen in training, or none, sets no column.
    ``spread`` goes further: a copy of the text features per context (a model per context
    beside the shared one).
    """

    def fit(self, contexts: Sequence[str | None]) -> ContextFeatures:
        self.values = sorted({context for context in contexts if context})
        self._columns = {value: i for i, value in enumerate(self.values)}
        return self

    def transform(self, contexts: Sequence[str | None] | None, rows: int):
        positions = self._positions(contexts, rows)
        known = np.flatnonzero(positions >= 0)
        cells = (known, positions[known])
        return csr_matrix((np.ones(len(known)), cells), shape=(rows, len(self.values)))

    def spread(self, matrix, contexts: Sequence[str | None] | None):
        """One block of ``matrix``'s width per context; a row's values go in its context's."""
        rows, width = matrix.shape
        positions = self._positions(contexts, rows)
        cells = matrix.tocoo()
        keep = positions[cells.row] >= 0
        columns = cells.col[keep] + positions[cells.row[keep]] * width
        shape = (rows, width * len(self.values))
        return csr_matrix((cells.data[keep], (cells.row[keep], columns)), shape=shape)

    def _positions(self, contexts, rows: int) -> np.ndarray:
        contexts = contexts if contexts is not None else [None] * rows
        if len(contexts) != rows:
            raise ValueError(f"{len(contexts)} contexts for {rows} texts")
        return np.array([self._columns.get(c, -1) for c in contexts], dtype=int)
