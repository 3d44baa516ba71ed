"""Emerging phrases: recurring bigrams and trigrams in sentences that matched no theme.

These are candidates for new themes or new signal phrases ("blue badge", "parking permit").
Collocations are found with NLTK's ``BigramCollocationFinder`` / ``TrigramCollocationFinder``
over untagged sentences, so n-grams never cross a sentence boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)

from .resources import stopwords as default_stopwords
from .text import clean, split_sentences, tokenise


@dataclass(frozen=True)
class EmergingPhrase:
    """A recurring phrase, how often it occurs, its association score and where it occurs."""

    phrase: str
    count: int
    score: float
    sentence_refs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def comment_indices(self) -> list[int]:
        return sorted({comment for comment, _ in self.sentence_refs})


def untagged_sentences(comments: Sequence[str], tags_per_comment: Sequence[Sequence]) -> list:
    """(comment index, sentence index, sentence) for sentences no tag used as evidence."""
    found = []
    for index, text in enumerate(comments):
        tagged = (
            {tag.sentence_index for tag in tags_per_comment[index]} if tags_per_comment else set()
        )
        for position, sentence in enumerate(split_sentences(clean(text or ""))):
            if position not in tagged:
                found.append((index, position, sentence))
    return found


def emerging_phrases(
    comments: Sequence[str],
    tags_per_comment: Sequence[Sequence] = (),
    *,
    min_count: int = 3,
    top: int = 20,
    stopwords: frozenset[str] | None = None,
    max_examples: int = 5,
) -> list[EmergingPhrase]:
    """Rank recurring 2- and 3-word phrases in untagged sentences (most frequent first).

    ``tags_per_comment[i]`` holds the ``ThemeTag`` list found for ``comments[i]`` (pass
    ``[a.tags for a in analyses]``); sentences used as evidence by any tag are skipped.
    """
    stop = default_stopwords() if stopwords is None else stopwords
    sentences = untagged_sentences(comments, tags_per_comment)
    documents = [tokenise(sentence) for _, _, sentence in sentences]
    found = _ranked(documents, stop, min_count)
    found = _drop_contained(found)[:top]
    return [
        _with_examples(phrase, count, score, documents, sentences, max_examples)
        for phrase, count, score in found
    ]


def _ranked(documents: list[list[str]], stop: frozenset[str], min_count: int) -> list:
    def ignore(word: str) -> bool:
        return not word or word in stop or len(word) < 2 or word.isdigit()

    results = []
    finders = [
        (BigramCollocationFinder, BigramAssocMeasures.likelihood_ratio),
        (TrigramCollocationFinder, TrigramAssocMeasures.likelihood_ratio),
    ]
    for finder_class, measure in finders:
        finder = finder_class.from_documents(documents)
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(ignore)
        for ngram, score in finder.score_ngrams(measure):
            results.append((" ".join(ngram), finder.ngram_fd[ngram], round(score, 3)))
    return sorted(results, key=lambda item: (-item[1], -len(item[0].split()), -item[2], item[0]))


def _drop_contained(found: list) -> list:
    """Drop a bigram when a trigram containing it is just as frequent."""
    trigrams = [(phrase, count) for phrase, count, _ in found if phrase.count(" ") == 2]
    return [
        item
        for item in found
        if item[0].count(" ") == 2
        or not any(item[0] in phrase and count >= item[1] for phrase, count in trigrams)
    ]


def _with_examples(phrase, count, score, documents, sentences, max_examples) -> EmergingPhrase:
    words = phrase.split()
    refs = []
    for document, (comment, position, _) in zip(documents, sentences, strict=True):
        if any(document[i : i + len(words)] == words for i in range(len(document))):
            refs.append((comment, position))
            if len(refs) >= max_examples:
                break
    return EmergingPhrase(phrase, count, score, refs)
