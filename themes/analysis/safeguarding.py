"""Flag comments that may disclose abuse, neglect, self-harm or other risk.

Recall comes first: a missed disclosure is worse than a false alarm, so matching is tolerant of
misspellings (see ``spelling``) and a negation only silences a signal marked *negatable* in the
data ("never felt unsafe", "no signs of abuse"); "don't want to be here any more" is never
silenced. Every flag is for a person to review; nothing here is a decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .regex_gate import GatedPattern, PatternIndex
from .resources import loader, stopwords
from .sentiment import reference_analyser
from .spelling import _REFLEXIVE, CONTRACTIONS, SpellingCorrector
from .text import clean, split_sentences, tokenise, word_set

NEGATION_WINDOW = 3
_NEGATORS = word_set("not no never without nobody none nothing")
# Skipped when looking back for a negator: "no signs of abuse or neglect".
_SKIPPED = word_set("or nor and of any signs sign evidence the a")
_CLAUSE_BREAKS = word_set("but however although though yet")
# A word censored with asterisks ("p***") is nearly always a slur.
_CENSORED = re.compile(r"\b[a-z]\*{2,}[a-z*]*")
_MACRO = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class SafeguardingFlag:
    """A sentence that may disclose a safeguarding concern, and the words that triggered it."""

    category: str
    sentence: str
    matched_words: tuple[str, ...]


@dataclass(frozen=True)
class _Category:
    name: str
    keywords: frozenset[str]
    negatable_keywords: frozenset[str]
    patterns: tuple[GatedPattern, ...]
    together: tuple[tuple[GatedPattern, ...], ...] = ()
    unless: re.Pattern | None = None


class SafeguardingDetector:
    """Compiled safeguarding signals (``data/safeguarding.json`` unless ``signals`` is given)."""

    def __init__(self, signals: dict | None = None) -> None:
        signals = signals or loader.json("safeguarding_signals")
        macros = signals.get("macros", {})
        self.categories = [
            _compile(name, spec, macros) for name, spec in signals["categories"].items()
        ]
        self.negatable_words = frozenset().union(*(c.negatable_keywords for c in self.categories))
        self.all_keywords = frozenset().union(*(c.keywords for c in self.categories))
        # One index over every pattern and every part of the "together" rules, so a sentence
        # is looked up once; a "together" rule is tried only when all its parts may match.
        entries = [(i, p) for i, c in enumerate(self.categories) for p in c.patterns]
        self._pattern_count = len(entries)
        self._together: list[tuple[int, tuple[GatedPattern, ...], frozenset[int]]] = []
        for index, category in enumerate(self.categories):
            for parts in category.together:
                positions = frozenset(range(len(entries), len(entries) + len(parts)))
                entries += [(index, part) for part in parts]
                self._together.append((index, parts, positions))
        self._entries = entries
        self._patterns = PatternIndex(entries)
        self._keyword_categories: dict[str, tuple[int, ...]] = {}
        for index, category in enumerate(self.categories):
            for keyword in category.keywords:
                self._keyword_categories[keyword] = (
                    *self._keyword_categories.get(keyword, ()),
                    index,
                )
        # Tuples, not lists: an empty tuple is shared and a tuple of flags is one object less
        # for the garbage collector to walk on each full collection.
        self._cache: dict[str, tuple[SafeguardingFlag, ...]] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        known = set(reference_analyser().lexicon) | stopwords() | set(signals["do_not_correct"])
        self.corrector = SpellingCorrector(signals["vocabulary"], known_words=known)

    def detect(self, text: str) -> list[SafeguardingFlag]:
        """Flags for every (category, sentence) with a signal, in sentence order."""
        sentences = split_sentences(clean(text))
        return [flag for sentence in sentences for flag in self.detect_sentence(sentence)]

    def detect_sentence(self, sentence: str) -> list[SafeguardingFlag]:
        """Flags for one sentence (cached per sentence)."""
        cached = self._cache.get(sentence)
        if cached is None:
            if len(self._cache) >= 100_000:
                self._cache.clear()
            cached = self._cache[sentence] = tuple(self._detect(sentence))
        return list(cached)

    def _detect(self, sentence: str) -> list[SafeguardingFlag]:
        lowered = sentence.lower()
        if "**" in lowered:  # every censored word has two asterisks in a row
            lowered = _CENSORED.sub(" censoredslur ", lowered)
        tokens = self._canonical_tokens(lowered)
        canonical = " ".join(tokens)
        present = set(tokens)  # tokens are [a-z0-9] runs: what the pattern gates look up
        words: dict[int, list[str]] = {}
        if not self.all_keywords.isdisjoint(present):
            categories = self._keyword_categories
            found = {i for token in present.intersection(categories) for i in categories[token]}
            for index in sorted(found):
                words[index] = self._keyword_hits(self.categories[index], tokens)
        candidates = self._patterns.candidate_indices(present)
        entries, count, negatable = self._entries, self._pattern_count, self.negatable_words
        for position in candidates:
            if position >= count:
                break
            index, pattern = entries[position]
            for match in pattern.regex.finditer(canonical):
                if pattern.flag and _negated(canonical[: match.start()].split(), negatable):
                    continue
                words.setdefault(index, []).append(match.group().strip())
        if self._together and candidates and candidates[-1] >= count:
            possible = set(candidates)
            for index, parts, positions in self._together:
                if positions <= possible:
                    words.setdefault(index, []).extend(_all_hits(parts, canonical))
        return [
            SafeguardingFlag(self.categories[i].name, sentence, tuple(dict.fromkeys(words[i])))
            for i in sorted(words)
            if words[i] and not _silenced(self.categories[i], canonical)
        ]

    def _canonical_tokens(self, lowered: str) -> list[str]:
        """``canonical_tokens`` without apostrophes, each word's form cached."""
        cache, tokens = self._words, []
        lowered = lowered.lower()
        if " sel" in lowered:  # "myself" written "my self": " self" or " selves" follows
            lowered = _REFLEXIVE.sub(r"\1\2", lowered)
        for token in tokenise(lowered):
            words = cache.get(token)
            if words is None:
                if len(cache) >= 200_000:
                    cache.clear()
                expanded = CONTRACTIONS.get(token)
                found = expanded.split() if expanded else [self.corrector.correct(token)]
                words = cache[token] = tuple(word.replace("'", "") for word in found)
            tokens += words
        return tokens

    def _keyword_hits(self, category: _Category, tokens: list[str]) -> list[str]:
        hits = []
        for position, token in enumerate(tokens):
            if token not in category.keywords:
                continue
            negatable = token in category.negatable_keywords
            if negatable and _negated(tokens[:position], self.negatable_words):
                continue
            hits.append(token)
        return hits

    def _pattern_hits(self, pattern: GatedPattern, canonical: str) -> list[str]:
        hits = []
        for match in pattern.regex.finditer(canonical):
            preceding = canonical[: match.start()].split()
            if pattern.flag and _negated(preceding, self.negatable_words):
                continue
            hits.append(match.group().strip())
        return hits


def _compile(name: str, spec: dict, macros: dict[str, str]) -> _Category:
    def expand(pattern: str) -> str:
        return _MACRO.sub(lambda m: macros[m.group(1)], pattern)

    unless = spec.get("unless")
    return _Category(
        name,
        frozenset(spec.get("keywords", [])),
        frozenset(spec.get("negatable", [])),
        tuple(GatedPattern(expand(p), p.startswith("(?#negatable)")) for p in spec["patterns"]),
        tuple(tuple(GatedPattern(expand(p)) for p in parts) for parts in spec.get("together", [])),
        re.compile("|".join(expand(p) for p in unless)) if unless else None,
    )


def _all_hits(parts: tuple[GatedPattern, ...], canonical: str) -> list[str]:
    """The words each part matched, when every part matches somewhere in the sentence."""
    hits = []
    for part in parts:
        match = part.regex.search(canonical)
        if match is None:
            return []
        hits.append(match.group().strip())
    return [" + ".join(hits)]


def _silenced(category: _Category, canonical: str) -> bool:
    """An ordinary reading stated in the sentence ("abuse of process", "a neglected garden")."""
    return category.unless is not None and category.unless.search(canonical) is not None


def _negated(preceding: list[str], skipped: frozenset[str]) -> bool:
    """A negator within a few words before, not counting fillers and listed keywords."""
    counted = 0
    for word in reversed(preceding):
        if word in _NEGATORS:
            return True
        if word in _CLAUSE_BREAKS:
            return False
        if word not in _SKIPPED and word not in skipped:
            counted += 1
            if counted >= NEGATION_WINDOW:
                return False
    return False


_default: SafeguardingDetector | None = None


def detect_safeguarding(text: str) -> list[SafeguardingFlag]:
    """Safeguarding flags for ``text`` using the shipped signals."""
    global _default
    if _default is None:
        _default = SafeguardingDetector()
    return _default.detect(text)
