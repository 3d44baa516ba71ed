"""Model tags with evidence: which sentence and which words made the classifier choose a label.

For each label the model picks, the evidence sentence is the one the model scores highest for
that label, and the matched words are the sentence's words (single words, not stopwords) with the
largest positive weight in that label's linear model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from .negation import annotate
from .resources import stopwords
from .sentiment import SentimentScorer, label_for
from .text import normalise
from .themes import ThemeTag


def explain_words(classifier, sentence: str, label: str, top: int = 3) -> tuple[str, ...]:
    """The words in ``sentence`` that push ``classifier`` most towards ``label``."""
    if classifier.model is None:
        return ()
    index = classifier.labels.index(label)
    vector = classifier.features.words.transform([sentence])
    weights = classifier.model.estimators_[index]
    coef = getattr(weights, "coef_", None)
    if coef is None:
        return ()
    width = vector.shape[1]
    contributions = vector.multiply(np.asarray(coef).ravel()[:width]).tocsr()
    names = classifier.features.word_names()
    surface = {t.stem: t.text for t in annotate(normalise(sentence)) if not t.negator}
    stop = stopwords()
    words: list[str] = []
    for position in np.argsort(-contributions.data):
        feature = names[contributions.indices[position]].removeprefix("not_")
        word = surface.get(feature)
        if contributions.data[position] <= 0 or len(words) >= top:
            break
        if word and word not in stop and word not in words:
            words.append(word)
    return tuple(words)


def add_model_tags(classifier, analyses: Sequence, scorer: SentimentScorer) -> list:
    """Analyses with the classifier's labels added as ``source="model"`` tags."""
    texts = [a.redacted_text for a in analyses]
    predictions = classifier.predict(texts)
    sentiments = classifier.predict_sentiment(texts)
    result = []
    for position, (analysis, predicted) in enumerate(zip(analyses, predictions, strict=True)):
        tags = list(analysis.tags) + _model_tags(classifier, analysis, predicted, scorer)
        changes = {"tags": tags}
        if sentiments is not None:
            changes["sentiment"] = sentiments[position]
        result.append(dataclasses.replace(analysis, **changes))
    return result


def _model_tags(classifier, analysis, predicted, scorer: SentimentScorer) -> list[ThemeTag]:
    sentences = analysis.sentences or [analysis.redacted_text]
    ruled = {tag.theme_key for tag in analysis.tags}
    wanted = [(label, confidence) for label, confidence in predicted if label not in ruled]
    if not wanted or not sentences:
        return []
    probs = classifier.predict_proba(sentences) if len(sentences) > 1 else None
    tags = []
    for label, confidence in wanted:
        index = 0 if probs is None else int(np.argmax(probs[:, classifier.labels.index(label)]))
        sentence = sentences[index]
        compound = scorer.compound(sentence)
        words = explain_words(classifier, sentence, label)
        tags.append(
            ThemeTag(
                label, sentence, words, label_for(compound), "model", confidence, compound, index
            )
        )
    return tags
