import pytest

from themes.analysis import multilabel_scores, sentiment_scores


def test_multilabel_counts_on_a_tiny_known_example():
    gold = [{"a"}, {"a", "b"}, {"c"}]
    predicted = [{"a"}, {"a"}, {"b"}]
    scores = multilabel_scores(gold, predicted)
    # a: tp 2; b: fp 1, fn 1; c: fn 1 -> tp 2, fp 1, fn 2
    assert scores["micro_precision"] == pytest.approx(2 / 3)
    assert scores["micro_recall"] == pytest.approx(2 / 4)
    assert scores["micro_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert scores["per_label"]["a"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    assert scores["per_label"]["b"]["f1"] == 0.0
    assert scores["per_label"]["c"]["support"] == 1
    assert scores["macro_f1"] == pytest.approx(1 / 3)
    assert scores["macro_precision"] == pytest.approx(1 / 3)


def test_perfect_and_empty_predictions():
    assert multilabel_scores([{"x"}], [{"x"}])["micro_f1"] == 1.0
    empty = multilabel_scores([{"x"}], [set()])
    assert (empty["micro_precision"], empty["micro_recall"], empty["micro_f1"]) == (0.0, 0.0, 0.0)


def test_lengths_must_match():
    with pytest.raises(ValueError):
        multilabel_scores([{"a"}], [])


def test_sentiment_accuracy_and_macro_f1():
    gold = ["positive", "negative", "neutral", "negative"]
    predicted = ["positive", "negative", "negative", "neutral"]
    scores = sentiment_scores(gold, predicted)
    assert scores["accuracy"] == 0.5
    # positive f1 1.0, negative p 1/2 r 1/2 f1 0.5, neutral 0.0
    assert scores["macro_f1"] == pytest.approx(0.5)
