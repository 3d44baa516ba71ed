"""Plain-English checks for page text: reading age, long sentences and jargon.

Django-free on purpose: text in, numbers and findings out. Sentences are split with NLTK's Punkt
algorithm using built-in parameters (no trained model, nothing downloaded); syllables are counted
with a vowel-group heuristic. The reading age is the Flesch-Kincaid grade plus five, an estimate
for English text only.
"""

import re
from dataclasses import dataclass, field

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

GOV_UK_READING_AGE = 9
LONG_SENTENCE_WORDS = 25
EASY_READ_SENTENCE_WORDS = 15

_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "e.g", "i.e", "etc", "st", "no", "tel", "approx", "nhs"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LINKING_WORD = re.compile(
    r"[,;]\s*(and|but|or|so|because|which|although|however|while|unless)\b|;", re.IGNORECASE
)


@dataclass(frozen=True)
class JargonMatch:
    term: str
    suggestion: str
    count: int


@dataclass(frozen=True)
class Analysis:
    """How hard a text is to read: reading age, long sentences and jargon."""

    sentences: int
    words: int
    syllables: int
    long_sentences: list[str] = field(default_factory=list)
    jargon: list[JargonMatch] = field(default_factory=list)

    @property
    def reading_age(self):
        if not self.words:
            return None
        grade = 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59
        return max(5, round(grade + 5))

    def is_harder_than(self, target_age=GOV_UK_READING_AGE):
        return self.reading_age is not None and self.reading_age > target_age


def _tokenizer():
    parameters = PunktParameters()
    parameters.abbrev_types = set(_ABBREVIATIONS)
    return PunktSentenceTokenizer(parameters)


_SENTENCES = _tokenizer()


def split_sentences(text):
    """Sentences in reading order. Each line (heading, list item) ends a sentence too."""
    return [
        sentence.strip()
        for line in text.splitlines()
        if line.strip()
        for sentence in _SENTENCES.tokenize(line.strip())
        if _WORD.search(sentence)
    ]


def words_in(text):
    return _WORD.findall(text)


def count_syllables(word):
    """Estimate syllables in an English word: vowel groups, corrected for silent vowels."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if len(word) <= 3:
        return 1
    stem = re.sub(r"(?:[^laeiouycsxzg]es|[^tdaeiouy]ed|[^laeiouy]e)$", lambda m: m.group()[0], word)
    count = len(_VOWEL_GROUPS.findall(stem))
    count += len(re.findall(r"[^aeiou](?:ia|io|iu)|^(?:re|pre|co)[aeiou]|[aeiou]ing$", stem))
    count -= len(re.findall(r"[^aeiou]ious|[ct]ion|cial|tial", stem))
    return max(1, count)


def count_ideas(text):
    """Rough count of ideas in a short text: sentences, plus clauses joined by linking words."""
    sentences = split_sentences(text)
    return len(sentences) + sum(len(_LINKING_WORD.findall(s)) for s in sentences)


def find_jargon(text, terms):
    """Terms (a mapping of word or phrase to plain suggestion) found in the text, with counts."""
    found = []
    for term, suggestion in sorted(terms.items()):
        pattern = r"\b" + r"\s+".join(map(re.escape, term.split())) + r"s?\b"
        count = len(re.findall(pattern, text, re.IGNORECASE))
        if count:
            found.append(JargonMatch(term, suggestion, count))
    return found


def analyse(text, *, terms=None, long_sentence_words=LONG_SENTENCE_WORDS):
    """Analyse plain text. `terms` maps jargon to plain-English suggestions."""
    sentences = split_sentences(text)
    words = words_in(text)
    return Analysis(
        sentences=len(sentences),
        words=len(words),
        syllables=sum(count_syllables(word) for word in words),
        long_sentences=[s for s in sentences if len(words_in(s)) > long_sentence_words],
        jargon=find_jargon(text, terms or {}),
    )
