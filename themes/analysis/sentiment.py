"""Sentiment with NLTK's VADER, using the lexicon shipped inside the ``vaderSentiment`` package.

``reference_analyser()`` is NLTK's own ``SentimentIntensityAnalyzer`` (built once, lexicon read
from the installed package, never fetched by NLTK's downloader). ``SentimentScorer`` is the fast
path used in production: the same lexicon, a lean scorer (``vader_fast``) and a per-sentence cache.
"""

from __future__ import annotations

import threading

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from .placeholders import without_placeholders
from .resources import loader
from .vader_fast import FastVader

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
LABELS = (NEGATIVE, NEUTRAL, POSITIVE)
THRESHOLD = 0.05


class PackagedLexiconAnalyser(SentimentIntensityAnalyzer):
    """NLTK's analyser, given lexicon text directly instead of loading it via ``nltk.data``."""

    def __init__(self, lexicon_text: str) -> None:  # deliberately skips super().__init__
        self.lexicon_file = lexicon_text.strip("\n")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


_reference: PackagedLexiconAnalyser | None = None
_lock = threading.Lock()


def reference_analyser() -> PackagedLexiconAnalyser:
    """NLTK's VADER analyser over the packaged lexicon (created once per process)."""
    global _reference
    if _reference is None:
        with _lock:
            if _reference is None:
                _reference = PackagedLexiconAnalyser(loader.text("vader_lexicon"))
    return _reference


def label_for(compound: float, threshold: float = THRESHOLD) -> str:
    """Map a VADER compound score to positive / neutral / negative."""
    if compound >= threshold:
        return POSITIVE
    if compound <= -threshold:
        return NEGATIVE
    return NEUTRAL


class SentimentScorer:
    """Cached VADER compound scores per sentence.

    ``fast=False`` uses NLTK's own scorer; ``lexicon`` replaces the packaged VADER lexicon.
    """

    def __init__(
        self, fast: bool = True, cache_size: int = 200_000, lexicon: dict[str, float] | None = None
    ) -> None:
        reference = reference_analyser()
        if lexicon is not None:
            reference = PackagedLexiconAnalyser("a\t0")
            reference.lexicon = dict(lexicon)
        if fast:
            vader = FastVader(reference.lexicon)
            self._score, self._compound = vader.polarity_scores, vader.compound
        else:
            self._score = reference.polarity_scores
            self._compound = lambda text: reference.polarity_scores(text)["compound"]
        self._cache: dict[str, float] = {}
        self._cache_size = cache_size

    def compound(self, sentence: str) -> float:
        """Compound score in [-1, 1] for one sentence (cached)."""
        value = self._cache.get(sentence)
        if value is None:
            value = self._compound(without_placeholders(sentence))
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[sentence] = value
        return value

    def scores(self, sentence: str) -> dict[str, float]:
        """The full neg/neu/pos/compound dict (not cached)."""
        return self._score(without_placeholders(sentence))

    def comment_compound(self, sentences: list[str]) -> float:
        """A comment's score: the mean of its sentences' scores, as VADER's authors advise."""
        if not sentences:
            return 0.0
        return round(sum(self.compound(s) for s in sentences) / len(sentences), 4)
