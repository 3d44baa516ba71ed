"""Spelling-tolerant canonical forms of words, for detectors where a miss is costly.

``canonical_tokens`` expands contractions ("hasnt" -> "has not"), joins split reflexives
("her self" -> "herself") and corrects misspellings of a given vocabulary ("neglekt" ->
"neglect", "sucide" -> "suicide", "abuseing" -> "abusing") with a phonetic-ish skeleton and
NLTK's edit distance (one edit, for words of 7+ letters). Real words given as ``known_words``
are never changed. Corrections are cached per word, so each distinct word is checked once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nltk.metrics.distance import edit_distance

from .text import tokenise

CONTRACTIONS = {
    "dont": "do not",
    "don't": "do not",
    "doesnt": "does not",
    "doesn't": "does not",
    "didnt": "did not",
    "didn't": "did not",
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "wont": "will not",
    "won't": "will not",
    "wouldnt": "would not",
    "wouldn't": "would not",
    "couldnt": "could not",
    "couldn't": "could not",
    "shouldnt": "should not",
    "shouldn't": "should not",
    "isnt": "is not",
    "isn't": "is not",
    "wasnt": "was not",
    "wasn't": "was not",
    "werent": "were not",
    "weren't": "were not",
    "arent": "are not",
    "aren't": "are not",
    "hasnt": "has not",
    "hasn't": "has not",
    "havent": "have not",
    "haven't": "have not",
    "hadnt": "had not",
    "hadn't": "had not",
    "aint": "is not",
    "ain't": "is not",
    "im": "i am",
    "i'm": "i am",
    "ive": "i have",
    "i've": "i have",
    "i'd": "i would",
    "i'll": "i will",
    "she's": "she is",
    "he's": "he is",
    "it's": "it is",
    "they're": "they are",
    "theyre": "they are",
    "we're": "we are",
    "you're": "you are",
    "that's": "that is",
    "there's": "there is",
    "let's": "let us",
    "hes": "he is",
    "shes": "she is",
    "theyve": "they have",
    "they've": "they have",
    "theres": "there is",
    "weve": "we have",
    "we've": "we have",
    "youve": "you have",
    "whats": "what is",
    "what's": "what is",
    "darent": "dare not",
    "daren't": "dare not",
    "mustnt": "must not",
    "mustn't": "must not",
    "anymore": "any more",
    "noone": "no one",
    "no-one": "no one",
}
_REFLEXIVE = re.compile(r"\b(my|your|him|her|it|our|them|one) (self|selves)\b")
_SKELETON_RULES = [
    (re.compile(pattern), replacement)
    for pattern, replacement in [
        ("ph", "f"),
        ("ck|c|q", "k"),
        ("z", "s"),
        ("ie|ei|y", "i"),
        ("e(?=ing$|ed$)", ""),
        (r"(.)\1+", r"\1"),
    ]
]


_VOWELS = re.compile(r"(?<=.)[aeiou]")


def consonants(word: str) -> str:
    """The skeleton without vowels after the first letter: "scard" and "scared" -> "skrd"."""
    return _VOWELS.sub("", skeleton(word))


def skeleton(word: str) -> str:
    """A rough sound-alike key: "neglekt" and "neglect" share "neglekt"."""
    for pattern, replacement in _SKELETON_RULES:
        word = pattern.sub(replacement, word)
    return word


class SpellingCorrector:
    """Maps misspelt words onto a fixed vocabulary; leaves known words alone."""

    def __init__(
        self, vocabulary: Iterable[str], known_words: Iterable[str] = (), min_length: int = 4
    ) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.known_words = frozenset(known_words) - self.vocabulary
        self.min_length = min_length
        self._by_skeleton = {skeleton(w): w for w in sorted(self.vocabulary)}
        self._by_consonants: dict[str, list[str]] = {}
        for w in sorted(self.vocabulary):
            self._by_consonants.setdefault(consonants(w), []).append(w)
        # One edit cannot touch both ends of a 7+ letter word: index by first/last 3 letters.
        self._by_ends: dict[str, list[str]] = {}
        for w in sorted(self.vocabulary):
            if len(w) >= 7:
                self._by_ends.setdefault("<" + w[:3], []).append(w)
                self._by_ends.setdefault(">" + w[-3:], []).append(w)
        self._cache: dict[str, str] = {}

    def correct(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._correct(word)
        return cached

    def _correct(self, word: str) -> str:
        if (
            word in self.vocabulary
            or word in self.known_words
            or len(word) < self.min_length
            or not word.isalpha()
        ):
            return word
        exact = self._by_skeleton.get(skeleton(word))
        if exact:
            return exact
        for candidate in self._by_consonants.get(consonants(word), ()):
            if edit_distance(word, candidate, transpositions=True) <= 1:
                return candidate
        candidates = self._by_ends.get("<" + word[:3], []) + self._by_ends.get(">" + word[-3:], [])
        for candidate in sorted(set(candidates)):
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > 1:
                continue
            if edit_distance(word, candidate, transpositions=True) <= 1:
                return candidate
        return word


def canonical_tokens(sentence: str, corrector: SpellingCorrector | None = None) -> list[str]:
    """Lowercase tokens with contractions expanded, reflexives joined, spelling corrected."""
    words: list[str] = []
    for token in tokenise(_REFLEXIVE.sub(r"\1\2", sentence.lower())):
        expanded = CONTRACTIONS.get(token)
        if expanded:
            words.extend(expanded.split())
        else:
            words.append(corrector.correct(token) if corrector else token)
    return words
