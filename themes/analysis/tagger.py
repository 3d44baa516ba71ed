"""The combined API: a comment in; sentiment, theme tags, safeguarding flags, redacted text out.

Each sentence is split into clauses ("The carers are lovely, but always late"), and each theme
mention is scored on its own clause with VADER. When VADER finds a clause neutral, the trigger
decides: a problem phrase ("waited 6 weeks") is negative, a negated one ("never had to wait")
positive, and a negated ordinary phrase ("never called back", "no one listened") negative.
"""

from __future__ import annotations

import datetime
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .explain import add_model_tags
from .matcher import ThemeMatch, ThemeMatcher
from .negation import annotate
from .placeholders import without_placeholders
from .redaction import redact
from .resources import loader
from .safeguarding import SafeguardingDetector, SafeguardingFlag
from .sentiment import THRESHOLD, SentimentScorer, label_for
from .text import clean, split_sentences
from .themes import Theme, ThemeTag, default_taxonomy, theme_tag

_CLAUSES = re.compile(r"\s*(?:[,;:]|\s-\s|\b(?:but|however|although|though|whereas)\b)\s*", re.I)
RULE_NUDGE = 0.3
# Distinct sentences whose tags, score and flags are kept (then the cache starts again), so
# memory stays flat however many comments pass: repeated sentences ("Nothing to add.") are
# analysed once.
SENTENCE_CACHE_SIZE = 50_000
# Whole comments ("Nothing.", "No comment", a form letter) repeat too: their rule results are
# kept the same way (emptied when the date changes: redaction compares dates with today).
COMMENT_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class Analysis:
    """Everything the engine found in one comment."""

    sentiment: str
    compound: float
    tags: list[ThemeTag]
    safeguarding: list[SafeguardingFlag]
    redacted_text: str
    redactions: dict[str, int] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)


class Tagger:
    """Rule-based theme tagging with sentiment; optionally adds a trained model's tags.

    ``themes`` defaults to the shipped adult social care taxonomy. ``classifier`` is a fitted
    ``ThemeClassifier`` whose labels are added as ``source="model"`` tags. ``scorer`` replaces
    the default ``SentimentScorer`` (e.g. NLTK's own VADER with ``SentimentScorer(fast=False)``).
    """

    def __init__(
        self,
        themes: Sequence[Theme] | None = None,
        *,
        classifier=None,
        redact: bool = True,
        safeguarding: bool = True,
        masks: Iterable[str] | None = None,
        scorer: SentimentScorer | None = None,
    ) -> None:
        if themes is None:
            themes = default_taxonomy()
            masks = loader.json("default_taxonomy").get("masks", []) if masks is None else masks
        self.matcher = ThemeMatcher(themes, masks or ())
        self.scorer = scorer or SentimentScorer()
        self.detector = SafeguardingDetector() if safeguarding else None
        self.classifier = classifier
        self.redact = redact
        self._sentences: dict[str, tuple[tuple[ThemeTag, ...], float, tuple]] = {}
        self._comments: dict[str, tuple] = {}
        self._comments_day: tuple[float, float] = (0.0, 0.0)  # its start and end, local time
        kind = type(self.scorer)
        self._plain_scorer = (
            kind.compound is SentimentScorer.compound
            and kind.comment_compound is SentimentScorer.comment_compound
        )

    def analyse(self, text: str) -> Analysis:
        """Analyse one comment."""
        return next(self.analyse_many([text]))

    def analyse_many(self, texts: Iterable[str], chunk_size: int = 2000) -> Iterator[Analysis]:
        """Analyse many comments lazily, in order (model tags are predicted in chunks)."""
        if self.classifier is None:
            # Rules only: one at a time, so each result can be dropped as soon as it is used
            # (results held for a whole chunk outlive the young GC generations and make the
            # collector walk the whole heap more often).
            for text in texts:
                yield self._analyse_rules(text or "")
            return
        chunk: list[str] = []
        for text in texts:
            chunk.append(text or "")
            if len(chunk) >= chunk_size:
                yield from self._analyse_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._analyse_chunk(chunk)

    def _analyse_chunk(self, texts: list[str]) -> Iterator[Analysis]:
        analyses = [self._analyse_rules(text) for text in texts]
        if self.classifier is None:
            yield from analyses
            return
        if hasattr(self.classifier, "apply_to"):  # a ReviewModel: it may add and remove tags
            yield from self.classifier.apply_to(analyses, self.scorer)
            return
        yield from add_model_tags(self.classifier, analyses, self.scorer)

    def _analyse_rules(self, text: str) -> Analysis:
        """Rule results for one comment; repeated comments are looked up (fresh lists each)."""
        start, end = self._comments_day
        if not start <= time.time() < end:  # a new day (one clock read, not a date made)
            self._comments.clear()
            self._comments_day = _day_bounds(datetime.date.today())
        found = self._comments.get(text)
        if found is None:
            analysis, rows = self._analyse_rules_uncached(text)
            if len(self._comments) >= COMMENT_CACHE_SIZE:
                self._comments.clear()
            self._comments[text] = (
                analysis.sentiment,
                analysis.compound,
                rows,
                tuple(analysis.safeguarding),
                analysis.redacted_text,
                tuple(analysis.redactions.items()),
                tuple(analysis.sentences),
            )
            return analysis
        label, compound, rows, flags, redacted, redactions, sentences = found
        tags = [theme_tag(*row) for row in rows]
        return Analysis(
            label, compound, tags, list(flags), redacted, dict(redactions), list(sentences)
        )

    def _analyse_rules_uncached(self, text: str) -> tuple[Analysis, tuple[tuple, ...]]:
        """The comment's ``Analysis`` and its tags' fields as plain tuples (kept in the cache:
        tuples of strings and numbers are left alone by the garbage collector, objects are not).
        """
        redactions: dict[str, int] = {}
        if self.redact:
            result = redact(text)
            text, redactions = result.text, result.counts_by_kind
        sentences = split_sentences(clean(text))
        rows: list[tuple] = []
        flags: list[SafeguardingFlag] = []
        total = 0.0
        for index, sentence in enumerate(sentences):
            sentence_rows, score, sentence_flags = self._sentence(sentence)
            if sentence_rows:
                rows += [(*row, index) for row in sentence_rows]
            if sentence_flags:
                flags += sentence_flags
            total += score
        if self._plain_scorer:
            compound = round(total / len(sentences), 4) if sentences else 0.0
        else:
            compound = self.scorer.comment_compound(sentences)
        tags = [theme_tag(*row) for row in rows]
        label = comment_label(compound, tags, flags)
        return Analysis(label, compound, tags, flags, text, redactions, sentences), tuple(rows)

    def _sentence(self, sentence: str) -> tuple[tuple[tuple, ...], float, tuple]:
        """(each rule tag's fields but its sentence index, VADER compound, safeguarding flags)
        of one sentence, cached."""
        entry = self._sentences.get(sentence)
        if entry is None:
            if len(self._sentences) >= SENTENCE_CACHE_SIZE:
                self._sentences.clear()
            tags = tuple(_fields(tag) for tag in self._tag_sentence(sentence))
            flags = tuple(self.detector.detect_sentence(sentence)) if self.detector else ()
            entry = (tags, self.scorer.compound(sentence), flags)
            self._sentences[sentence] = entry
        return entry

    def tag_sentence(self, sentence: str, index: int = 0) -> list[ThemeTag]:
        """Rule tags for one sentence, each scored on the clause that mentions it."""
        return [theme_tag(*row, index) for row in self._sentence(sentence)[0]]

    def _tag_sentence(self, sentence: str, index: int = 0) -> list[ThemeTag]:
        best: dict[str, tuple[ThemeMatch, float]] = {}
        for clause in _clauses(sentence):
            lowered = without_placeholders(clause).lower()
            if not lowered.strip():
                continue
            matches = self.matcher.match(annotate(self.matcher.mask(lowered)), lowered)
            for match in matches:
                score = self._mention_score(clause, sentence, match)
                previous = best.get(match.theme.key)
                if previous:
                    match.words = previous[0].words + match.words
                    score = _merge_scores(score, previous[1])
                best[match.theme.key] = (match, score)
        tags = []
        for key, (match, score) in best.items():
            label = label_for(score)
            if match.theme.negative_only and label != "negative":
                continue
            words = tuple(dict.fromkeys(match.words))
            tags.append(
                theme_tag(key, sentence, words, label, "rule", _confidence(match), score, index)
            )
        return tags

    def _mention_score(self, clause: str, sentence: str, match: ThemeMatch) -> float:
        score = self.scorer.compound(clause)
        if abs(score) >= THRESHOLD:
            return score
        if match.problem:
            return -RULE_NUDGE * match.intensity
        if match.negated:
            return -RULE_NUDGE
        if match.negated_problem:
            return RULE_NUDGE
        return self.scorer.compound(sentence)


def _day_bounds(day: datetime.date) -> tuple[float, float]:
    """The timestamps at which ``day`` starts and ends in local time."""
    start = datetime.datetime.combine(day, datetime.time())
    return start.timestamp(), (start + datetime.timedelta(days=1)).timestamp()


def _clauses(sentence: str) -> list[str]:
    """``sentence`` split at clause breaks (skipping the regex when no break can be there)."""
    if sentence.isascii():  # then only ASCII letters can match the words, ignoring case
        low = sentence.lower()
        if not (
            "," in low
            or ";" in low
            or ":" in low
            or "-" in low
            or "but" in low
            or "however" in low
            or "though" in low
            or "whereas" in low
        ):
            return [sentence]
    return _CLAUSES.split(sentence)


def _fields(tag: ThemeTag) -> tuple:
    """A tag's fields but its sentence index."""
    return (
        tag.theme_key,
        tag.sentence,
        tag.matched_words,
        tag.sentiment,
        tag.source,
        tag.confidence,
        tag.compound,
    )


def comment_label(compound: float, tags: Sequence[ThemeTag], flags: Sequence) -> str:
    """VADER's label; when VADER is neutral, the mentions (and any safeguarding flag) decide."""
    label = label_for(compound)
    if label != "neutral":
        return label
    if flags:
        return "negative"
    scores = [tag.compound for tag in tags if tag.source == "rule"]
    return label_for(sum(scores) / len(scores)) if scores else label


def _merge_scores(first: float, second: float) -> float:
    """One theme in two clauses: a negative mention wins (problems must surface)."""
    low = min(first, second)
    return low if low <= -THRESHOLD else max(first, second)


def _confidence(match: ThemeMatch) -> float:
    confidence = 0.7 + 0.1 * (len(set(match.words)) - 1) + (0.1 if match.multiword else 0.0)
    return round(min(confidence, 0.95), 2)


_default: Tagger | None = None


def default_tagger() -> Tagger:
    """A shared ``Tagger`` with the default taxonomy (built on first use)."""
    global _default
    if _default is None:
        _default = Tagger()
    return _default


def analyse(text: str) -> Analysis:
    """Analyse one comment with the default tagger."""
    return default_tagger().analyse(text)


def analyse_batch(texts: Iterable[str], tagger: Tagger | None = None) -> list[Analysis]:
    """Analyse many comments (single process, linear in their number)."""
    return list((tagger or default_tagger()).analyse_many(texts))
