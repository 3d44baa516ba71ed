import csv
import json

import pytest

from themes.analysis import (
    LabelledExample,
    Tagger,
    ThemeClassifier,
    evaluate_examples,
    load_model,
    retrain,
    save_model,
    tag_csv,
)
from themes.analysis.baseline import BaselineClassifier
from themes.analysis.explain import explain_words

from .synthetic import examples


@pytest.fixture(scope="module")
def single_label_model():
    return ThemeClassifier().fit(examples(90))


def test_new_labels_are_learnt_and_every_comment_gets_exactly_one(single_label_model):
    model = single_label_model
    assert model.labels == ["Garden", "Meals", "Parking"] and model.mode == "single"
    predicted = model.predict_labels(
        ["Nowhere to park at the office", "The lunch was cold", "Lovely flower beds", "Hello"]
    )
    assert predicted[:3] == [{"Parking"}, {"Meals"}, {"Garden"}]
    assert all(len(labels) == 1 for labels in predicted)


def test_confidences_are_probabilities_sorted_best_first(single_label_model):
    [[(label, confidence)]] = single_label_model.predict(["The car park was full again"])
    assert label == "Parking" and 0.5 < confidence <= 1.0


def test_multi_label_training_can_predict_two_labels():
    model = ThemeClassifier().fit(examples(150, multi_every=3))
    assert model.mode == "multi"
    predicted = model.predict_labels(["The car park is full. The meals are cold."])[0]
    assert predicted == {"Parking", "Meals"}


def test_sentiment_model_is_trained_when_sentiment_labels_exist(single_label_model):
    assert single_label_model.predict_sentiment(["The garden is dreadful", "Brilliant meals"]) == [
        "negative",
        "positive",
    ]


def test_without_sentiment_labels_there_is_no_sentiment_model():
    bare = [LabelledExample(e.text, e.labels) for e in examples(30)]
    assert ThemeClassifier().fit(bare).predict_sentiment(["x"]) is None


def test_training_needs_labelled_examples():
    with pytest.raises(ValueError):
        ThemeClassifier().fit([LabelledExample("no labels")])


def test_explain_names_the_words_behind_a_label(single_label_model):
    assert "park" in explain_words(single_label_model, "nowhere to park today", "Parking")


def test_tagger_adds_model_tags_with_evidence(single_label_model):
    tagger = Tagger(classifier=single_label_model, safeguarding=False)
    analysis = tagger.analyse("Thanks for asking. There is never anywhere to park.")
    [tag] = [t for t in analysis.tags if t.source == "model"]
    assert (tag.theme_key, tag.sentence_index) == ("Parking", 1)
    assert tag.sentence == "There is never anywhere to park."
    assert "park" in tag.matched_words and 0 < tag.confidence <= 1


def test_baseline_predicts_one_label_per_comment_on_single_label_data():
    baseline = BaselineClassifier().fit(examples(60))
    assert baseline.predict_labels(["The car park is full"]) == [{"Parking"}]
    assert baseline.predict_sentiment(["awful"])[0] in {"positive", "negative"}


def test_evaluate_examples_reports_product_and_baseline_side_by_side():
    result = evaluate_examples(examples(120, seed=1), examples(30, seed=2))
    for key in ("micro_f1", "macro_f1", "per_label", "sentiment_accuracy", "sentiment_macro_f1"):
        assert key in result and key in result["baseline"]
    assert result["micro_f1"] >= 0.9
    assert result["micro_f1"] >= result["baseline"]["micro_f1"]
    assert set(result["per_label"]) == {"Garden", "Meals", "Parking"}


def test_retrain_accepts_a_model_that_is_not_worse():
    report = retrain(None, examples(100, seed=5))
    assert report.accepted and report.before is None
    assert report.after["micro_f1"] >= 0.9 and report.model is not None
    assert report.n_holdout == 20


def test_retrain_keeps_the_current_model_when_scores_do_not_hold_up(single_label_model):
    # A negative tolerance demands an improvement the candidate cannot make on a perfect score.
    report = retrain(single_label_model, examples(50, seed=4), tolerance=-0.5)
    assert report.before["micro_f1"] == 1.0
    assert not report.accepted and report.model is single_label_model
    assert report.message.startswith("Rejected, kept the current model: micro_f1 1.000 -> ")


def test_tag_csv_streams_rows_and_adds_columns(tmp_path):
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "comment"])
        for i in range(2500):
            writer.writerow([i, f"Ring 07700 900{i % 1000:03d}, we waited {i % 9 + 2} weeks"])
        writer.writerow([2500, ""])
    summary = tag_csv(source, "comment", target, Tagger(), drop_text=True, chunk_size=400)
    assert summary["rows"] == 2501 and summary["tagged"] == 2500
    assert summary["by_theme"]["waiting_times"] == 2500
    with open(target, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert "comment" not in rows[0] and rows[0]["id"] == "0"
    assert rows[0]["redacted_text"] == "Ring [phone], we waited 2 weeks"
    assert "waiting_times" in rows[0]["themes"].split(";")
    evidence = json.loads(rows[0]["theme_evidence"])
    assert {"theme", "sentence", "words", "sentiment", "source", "confidence"} <= set(evidence[0])
    assert rows[-1]["themes"] == ""


def test_tag_csv_names_a_missing_column(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(KeyError, match="'comment'"):
        tag_csv(source, "comment", tmp_path / "out.csv")


def test_saved_model_loads_and_predicts_the_same(single_label_model, tmp_path):
    path = tmp_path / "themes.pickle"
    save_model(single_label_model, path)
    loaded = load_model(path)
    texts = ["Nowhere to park", "The garden is dreadful"]
    assert loaded.predict(texts) == single_label_model.predict(texts)
    assert loaded.predict_sentiment(texts) == single_label_model.predict_sentiment(texts)


def test_loading_something_else_is_refused(tmp_path):
    path = tmp_path / "other.pickle"
    save_model(None, path)
    path.write_bytes(path.read_bytes().replace(b"format", b"formax"))
    with pytest.raises(ValueError, match="not a themes model"):
        load_model(path)


@pytest.mark.parametrize(
    "labels",
    [["A", "B", "C", "D", "E"], ["A", "A"], ["A;B", "B", "C"]],
)
def test_tiny_training_sets_still_give_every_comment_a_label(labels):
    texts = ["parking is bad", "food is cold", "garden lovely", "bus late", "staff kind"]
    training = [
        LabelledExample(text, frozenset(label.split(";")))
        for text, label in zip(texts, labels, strict=False)
    ]
    model = ThemeClassifier().fit(training)
    assert all(labels for labels in model.predict_labels(["the food", "anything else"]))
