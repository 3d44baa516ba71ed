"""Compile themes once into a fast matcher over stemmed tokens and regex patterns.

Phrases are stemmed word by word, so "waiting", "waited" and "waits" all match "wait"; a
multiword phrase may have one extra word inside it ("called me back" matches "call back").
Lookup is a dict keyed by the first stem, so matching is linear in sentence length.
A phrase starting with ``=`` matches exact words only ("=caring" must not match "care"), and a
pattern starting with ``(?#problem)`` marks its matches as describing a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .negation import Token, annotate
from .regex_gate import GatedPattern, PatternIndex
from .text import stem, tokenise
from .themes import Theme

MAX_GAP = 1


@dataclass(frozen=True, slots=True)
class _Phrase:
    stems: tuple[str, ...]
    words: tuple[str, ...] | None
    theme_index: int
    problem: bool
    has_negator: bool
    rest: frozenset[str]  # the other words (exact) or stems a match needs in the sentence


@dataclass(slots=True)
class ThemeMatch:
    """All triggers of one theme found in one sentence."""

    theme: Theme
    words: list[str] = field(default_factory=list)
    negated: bool = False
    problem: bool = False
    negated_problem: bool = False
    multiword: bool = False
    intensity: float = 1.0


def phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in tokenise(phrase))


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return ("=", *tokenise(phrase)) if phrase.startswith("=") else phrase_stems(phrase)


class ThemeMatcher:
    """Matches a list of ``Theme`` objects against sentences."""

    def __init__(self, themes: Sequence[Theme], masks: Iterable[str] = ()) -> None:
        self.themes = list(themes)
        self._index: dict[str, list[_Phrase]] = {}
        self._patterns: list[tuple[int, list[GatedPattern]]] = []
        for position, theme in enumerate(self.themes):
            self._add_theme(position, theme)
        for candidates in self._index.values():
            candidates.sort(key=lambda phrase: -len(phrase.stems))
        masks = sorted(set(masks), key=len, reverse=True)
        self._pattern_index = PatternIndex(
            [(position, pattern) for position, patterns in self._patterns for pattern in patterns]
        )
        alternatives = "|".join(map(re.escape, masks))
        self._mask = re.compile(rf"\b(?:{alternatives})\b") if masks else None

    def _add_theme(self, position: int, theme: Theme) -> None:
        problems = {_phrase_key(p) for p in theme.problem_phrases}
        for phrase in dict.fromkeys([*theme.phrases, *theme.problem_phrases]):
            stems = phrase_stems(phrase)
            if not stems:
                continue
            exact = tuple(tokenise(phrase)) if phrase.startswith("=") else None
            has_negator = any(t.negator for t in annotate(phrase.lower()))
            problem = _phrase_key(phrase) in problems
            rest = frozenset(exact[1:] if exact else stems[1:])
            entry = _Phrase(stems, exact, position, problem, has_negator, rest)
            self._index.setdefault(stems[0], []).append(entry)
        compiled = [GatedPattern(p, p.startswith("(?#problem)")) for p in theme.patterns]
        if compiled:
            self._patterns.append((position, compiled))

    def mask(self, sentence: str) -> str:
        """Join masked phrases ("kind of") into one token so they trigger nothing."""
        if self._mask is None:
            return sentence
        return self._mask.sub(lambda m: m.group().replace(" ", ""), sentence)

    def match(self, tokens: list[Token], sentence: str) -> list[ThemeMatch]:
        """Theme matches for annotated ``tokens`` of the lowercase ``sentence``."""
        found: dict[int, ThemeMatch] = {}
        covered: set[tuple[int, int]] = set()
        index = self._index
        stems = texts = None
        for start, token in enumerate(tokens):
            phrases = index.get(token.stem)
            if not phrases:
                continue
            if stems is None:
                stems = {t.stem for t in tokens}
                texts = {t.text for t in tokens}
            for phrase in phrases:
                if phrase.rest and not phrase.rest <= (texts if phrase.words else stems):
                    continue  # a word the phrase needs is not in the sentence
                end = self._phrase_end(tokens, start, phrase) if len(phrase.stems) > 1 else None
                if end is None:
                    exact = phrase.words
                    if len(phrase.stems) > 1 or (exact and token.text != exact[0]):
                        continue
                    end = start + 1
                if (phrase.theme_index, start) in covered:
                    continue
                covered.update((phrase.theme_index, i) for i in range(start, end))
                self._record(found, phrase, tokens[start:end])
        # Every [a-z0-9] run of the sentence lies inside a token, so the tokens can stand for
        # the runs when looking up pattern gates (a piece is found inside its word either way).
        if texts is None:
            texts = {t.text for t in tokens}
        for position, pattern in self._pattern_index.candidates(texts):
            hit = pattern.regex.search(sentence)
            if hit:
                match = found.get(position)
                if match is None:
                    match = found[position] = ThemeMatch(self.themes[position])
                match.words.append(hit.group().strip())
                match.problem |= pattern.flag
                match.multiword = True
        return [found[key] for key in sorted(found)]

    @staticmethod
    def _phrase_end(tokens: list[Token], start: int, phrase: _Phrase) -> int | None:
        exact = phrase.words
        if exact and tokens[start].text != exact[0]:
            return None
        position = start
        for k in range(1, len(phrase.stems)):
            for step in range(1, MAX_GAP + 2):
                if position + step >= len(tokens):
                    return None
                token = tokens[position + step]
                if (token.text == exact[k]) if exact else (token.stem == phrase.stems[k]):
                    position += step
                    break
            else:
                return None
        return position + 1

    def _record(self, found: dict[int, ThemeMatch], phrase: _Phrase, span: list[Token]) -> None:
        match = found.get(phrase.theme_index)
        if match is None:
            match = found[phrase.theme_index] = ThemeMatch(self.themes[phrase.theme_index])
        if len(span) == 1:
            first = span[0]
            words, negated, intensity = first.text, first.negated, first.intensity
        else:
            words = " ".join(t.text for t in span)
            negated = any(t.negated for t in span)
            intensity = max(t.intensity for t in span)
        if words not in match.words:
            match.words.append(words)
        negated = not phrase.has_negator and negated
        match.negated |= negated and not phrase.problem
        match.problem |= phrase.problem and not negated
        match.negated_problem |= phrase.problem and negated
        match.multiword |= len(phrase.stems) > 1
        if intensity > match.intensity:
            match.intensity = intensity
