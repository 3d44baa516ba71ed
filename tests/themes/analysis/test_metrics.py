import json

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


def test_a_label_only_predicted_counts_as_zero_in_the_macro_average():
    scores = multilabel_scores([{"a"}], [{"a", "b"}])
    # a: P 1, R 1, F1 1; b: tp 0, fp 1, fn 0 -> P 0, R 0/0 = 0 (zero_division=0), F1 0
    assert scores["per_label"]["b"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert scores["macro_recall"] == pytest.approx(0.5)
    assert scores["macro_f1"] == pytest.approx(0.5)
    # micro: tp 1, fp 1, fn 0 -> P 1/2, R 1, F1 2/3
    assert scores["micro_precision"] == pytest.approx(0.5)
    assert scores["micro_recall"] == 1.0
    assert scores["micro_f1"] == pytest.approx(2 / 3)


def test_no_labels_anywhere_scores_zero_rather_than_failing():
    for gold, predicted in (([], []), ([set()], [set()])):
        scores = multilabel_scores(gold, predicted)
        assert scores["per_label"] == {}
        assert scores["micro_f1"] == scores["macro_f1"] == scores["macro_precision"] == 0.0


def test_scores_are_plain_python_numbers_for_json():
    scores = multilabel_scores([{"a"}, {"b"}], [{"a"}, {"a"}])
    assert json.loads(json.dumps(scores))["per_label"]["a"]["support"] == 1
    assert type(scores["per_label"]["a"]["support"]) is int
    assert type(scores["micro_f1"]) is float


def test_sentiment_class_only_predicted_lowers_macro_f1_not_accuracy():
    scores = sentiment_scores(["positive", "positive"], ["positive", "negative"])
    # positive: P 1, R 1/2, F1 2/3; negative: F1 0 -> macro 1/3
    assert scores == {
        "accuracy": 0.5,
        "macro_f1": pytest.approx(1 / 3),
        "n": 2,
        "confusion": {
            "negative": {"negative": 0, "positive": 0},
            "positive": {"negative": 1, "positive": 1},
        },
    }


def test_sentiment_empty_and_mismatched_inputs():
    assert sentiment_scores([], []) == {"accuracy": 0.0, "macro_f1": 0.0, "n": 0, "confusion": {}}
    with pytest.raises(ValueError):
        sentiment_scores(["positive"], [])


def test_a_single_label_is_scored_as_that_label_not_as_two_classes():
    scores = multilabel_scores([{"x"}, {"x"}, set()], [{"x"}, set(), set()])
    # x: tp 1, fn 1 -> P 1, R 1/2, F1 2/3 (the empty third row is a true negative, not a label)
    assert set(scores["per_label"]) == {"x"}
    assert scores["per_label"]["x"]["support"] == 2
    assert (scores["micro_precision"], scores["micro_recall"]) == (1.0, 0.5)
    assert scores["micro_f1"] == scores["macro_f1"] == pytest.approx(2 / 3)
