"""The question a comment answers as a feature: learnt per question, ignored when absent."""

import dataclasses
import pickle

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from themes.analysis import LabelledExample, ThemeClassifier
from themes.analysis.dataset import read_examples
from themes.analysis.features import ContextFeatures
from themes.analysis.sentiment_model import SentimentClassifier

from .synthetic import examples

SHORT_ANSWERS = ("Nothing", "Nothing at all", "No, nothing", "Nothing really", "Nothing to say")
# The same words mean opposite things under the two questions (invented survey questions).
MEANING = {
    "improve": ("No change needed", "positive"),
    "went-well": ("Nothing good", "negative"),
}


def answered(count=90, seed=5):
    """Synthetic comments with a question each, plus short answers whose label is the question's."""
    made = [
        dataclasses.replace(e, context=("improve", "went-well")[i % 2])
        for i, e in enumerate(examples(count, seed=seed))
    ]
    for _repeat in range(6):
        for question, (label, sentiment) in MEANING.items():
            for text in SHORT_ANSWERS:
                made.append(LabelledExample(text, frozenset({label}), sentiment, None, question))
    return made


@pytest.fixture(scope="module")
def context_model():
    return ThemeClassifier().fit(answered())


def test_context_columns_are_one_per_training_context_and_empty_for_others():
    features = ContextFeatures().fit(["b", "a", None, "b"])
    assert features.values == ["a", "b"]
    matrix = features.transform(["b", "unseen", None, "a"], 4).toarray()
    assert matrix.tolist() == [[0, 1], [0, 0], [0, 0], [1, 0]]
    assert features.transform(None, 2).nnz == 0
    with pytest.raises(ValueError, match="3 contexts for 2 texts"):
        features.transform(["a", "b", "a"], 2)


def test_spread_puts_each_row_in_its_own_contexts_block():
    features = ContextFeatures().fit(["q1", "q2"])
    matrix = csr_matrix([[1.0, 2.0], [3.0, 0.0], [0.0, 5.0]])
    spread = features.spread(matrix, ["q2", "unseen", "q1"]).toarray()
    assert spread.tolist() == [[0, 0, 1, 2], [0, 0, 0, 0], [0, 5, 0, 0]]
    assert features.spread(matrix, None).nnz == 0


def test_the_question_decides_what_the_same_words_mean(context_model):
    texts = ["Nothing", "Nothing at all"]
    for question, (label, sentiment) in MEANING.items():
        labels = context_model.predict_labels(texts, [question, question])
        assert labels == [{label}, {label}]
        assert context_model.predict_sentiment(texts, [question] * 2) == [sentiment] * 2


def test_without_contexts_the_text_alone_cannot_tell_the_questions_apart():
    data = [dataclasses.replace(e, context=None) for e in answered()]
    model = ThemeClassifier().fit(data)
    assert model.context is None and model.sentiment_model.context is None
    predicted = model.predict_labels(["Nothing"] * 2, ["improve", "went-well"])
    assert predicted[0] == predicted[1]  # contexts given at prediction time are ignored


def test_context_features_off_gives_the_text_only_model():
    data = answered()
    off = ThemeClassifier(context_features=False).fit(data)
    text_only = ThemeClassifier().fit([dataclasses.replace(e, context=None) for e in data])
    texts = ["Nothing", "The garden is lovely"]
    assert off.context is None
    np.testing.assert_allclose(
        off.decision_function(texts, ["improve"] * 2),
        text_only.decision_function(texts),
        atol=1e-3,  # liblinear visits examples in a random order
    )


def test_unknown_or_missing_contexts_still_get_a_label(context_model):
    rows = context_model.predict(["Nowhere to park", "Nothing"], ["a new question", None])
    assert [len(row) for row in rows] == [1, 1]
    assert rows[0][0][0] == "Parking"


def test_models_saved_before_contexts_existed_load_and_predict(context_model):
    old = pickle.loads(pickle.dumps(ThemeClassifier().fit(examples(60, seed=8))))
    for name in ("context", "context_features"):
        del old.__dict__[name]
    del old.sentiment_model.__dict__["context"]
    loaded = pickle.loads(pickle.dumps(old))
    assert loaded.context is None and loaded.context_features is False
    assert loaded.predict_labels(["Nowhere to park"]) == [{"Parking"}]
    assert loaded.predict_sentiment(["The garden is lovely"], ["q"]) == ["positive"]


def test_sentiment_model_learns_each_questions_coding():
    texts = ["Lovely staff", "Kind and helpful", "Rude staff", "Awful wait"] * 6
    coded = {
        "a": ["positive", "positive", "negative", "negative"],
        "b": ["neutral", "neutral", "negative", "negative"],
    }
    contexts = [q for q in "ab" for _ in range(24)]
    labels = [coded[q][i % 4] for i, q in enumerate(contexts)]
    model = SentimentClassifier().fit(texts * 2, labels, contexts)
    assert model.predict(["Lovely staff"] * 2, ["a", "b"]) == ["positive", "neutral"]


def test_read_examples_takes_the_context_column(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("text,theme,question\nNothing,Fine,improve\nGood food,Meals,\n", "utf-8")
    rows = read_examples(path, "text", "theme", context_column="question")
    assert [(e.text, e.context) for e in rows] == [("Nothing", "improve"), ("Good food", None)]
    assert rows[0] == LabelledExample("Nothing", frozenset({"Fine"}))  # not part of identity
    with pytest.raises(KeyError, match="missing"):
        read_examples(path, "text", "theme", context_column="missing")
