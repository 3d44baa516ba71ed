"""Evaluation that cannot fit the file it reports on: K-fold CV, group splits, no leakage."""

import csv
import dataclasses
import json
import statistics

import numpy as np
import pytest

from themes.analysis import LabelledExample, Tagger, ThemeClassifier
from themes.analysis.classifier import positive_weights
from themes.analysis.dataset import group_splits, kfold_splits, read_examples
from themes.analysis.evaluate import (
    cross_validate,
    evaluate_by_group,
    evaluate_examples,
    format_report,
    main,
)
from themes.analysis.explain import explain_words

from .synthetic import examples

SITES = ("North", "South", "East")


def grouped(count, seed=3, multi_every=0):
    """Synthetic comments spread over three made-up sites."""
    return [
        dataclasses.replace(example, group=SITES[index % 3])
        for index, example in enumerate(examples(count, seed=seed, multi_every=multi_every))
    ]


class RecordingClassifier(ThemeClassifier):
    """The product, noting every text it was given to learn from (tuning included)."""

    seen: list[set[str]] = []

    def fit(self, examples):
        RecordingClassifier.seen.append({e.text for e in examples})
        return super().fit(examples)


def test_kfold_tests_every_example_exactly_once_and_never_trains_on_it():
    data = [LabelledExample(f"comment {i}", frozenset({"A"})) for i in range(23)]
    splits = kfold_splits(data, folds=5, seed=1)
    assert len(splits) == 5
    tested = [e.text for _, test in splits for e in test]
    assert sorted(tested) == sorted(e.text for e in data)
    for train, test in splits:
        assert not {e.text for e in train} & {e.text for e in test}
        assert len(train) + len(test) == 23 and len(test) in (4, 5)
    assert kfold_splits(data, 5, seed=1) == splits  # a fixed seed gives the same folds
    with pytest.raises(ValueError):
        kfold_splits(data[:3], folds=5)


def test_group_split_never_puts_one_group_on_both_sides():
    data = grouped(30) + [LabelledExample("no site given", frozenset({"Meals"}))]
    splits = group_splits(data)
    assert [group for group, _ in splits] == sorted(SITES)
    for group, (train, test) in splits:
        assert {e.group for e in test} == {group}
        assert group not in {e.group for e in train}
        assert {e.group for e in train} == set(SITES) - {group}
        assert len(train) == 20 and len(test) == 10
        assert "no site given" not in {e.text for e in train + test}
    [(group, _)] = group_splits(data, ["South"])
    assert group == "South"
    with pytest.raises(ValueError, match="No such group"):
        group_splits(data, ["West"])
    with pytest.raises(ValueError, match="at least two groups"):
        group_splits([e for e in data if e.group == "North"])


def test_cross_validation_reports_mean_and_sd_over_the_right_number_of_folds():
    result = cross_validate(examples(100, seed=8), folds=5, seed=3)
    assert result["n_folds"] == 5 and len(result["folds"]) == 5
    assert sum(fold["n_test"] for fold in result["folds"]) == 100
    for key in ("micro_f1", "macro_f1", "sentiment_accuracy", "sentiment_macro_f1"):
        values = [fold[key] for fold in result["folds"]]
        assert result["mean"][key] == pytest.approx(statistics.fmean(values))
        assert result["sd"][key] == pytest.approx(statistics.stdev(values))
        base = [fold["baseline"][key] for fold in result["folds"]]
        assert result["baseline"]["mean"][key] == pytest.approx(statistics.fmean(base))
        assert result["baseline"]["sd"][key] == pytest.approx(statistics.stdev(base))
    assert result["mean"]["micro_f1"] >= 0.9
    report = format_report(result)
    assert [line.split()[:2] for line in report.splitlines() if line.startswith("fold ")][1:] == [
        ["fold", str(n)] for n in range(1, 6)
    ]
    assert "mean ± sd product" in report
    assert "mean ± sd baseline" in report


def test_every_setting_is_learnt_from_the_training_folds_only():
    RecordingClassifier.seen = []
    data = [  # distinct texts, so "never seen" can be checked by text
        dataclasses.replace(e, text=f"{e.text} Visit {i}.")
        for i, e in enumerate(examples(90, seed=21, multi_every=3))
    ]
    result = cross_validate(data, folds=3, seed=5, product_factory=RecordingClassifier)
    assert len(RecordingClassifier.seen) == 3
    for seen, (train, test) in zip(RecordingClassifier.seen, kfold_splits(data, 3, 5), strict=True):
        assert seen == {e.text for e in train}
        assert not seen & {e.text for e in test}
    assert result["n_folds"] == 3


def test_thresholds_and_c_do_not_depend_on_the_test_labels():
    # Multi-label data, so per-label thresholds are tuned. Scoring the same trained product on
    # test labels that are all wrong must change its score and nothing it chose.
    train, test = examples(120, seed=31, multi_every=3), examples(30, seed=32, multi_every=3)
    wrong = [dataclasses.replace(e, labels=frozenset({"Garden"}) ^ e.labels) for e in test]
    honest, liar = ThemeClassifier(), ThemeClassifier()
    right_scores = evaluate_examples(train, test, honest)
    wrong_scores = evaluate_examples(train, wrong, liar)
    assert honest.thresholds is not None
    assert list(honest.thresholds) == list(liar.thresholds)
    assert (honest.C, honest.settings) == (liar.C, liar.settings)
    assert right_scores["micro_f1"] > wrong_scores["micro_f1"] + 0.3


def test_by_group_evaluation_names_both_sides_of_every_split():
    result = evaluate_by_group(grouped(120, seed=9), group_column="site")
    assert result["n_folds"] == 3
    assert [row["test_group"] for row in result["groups"]] == sorted(SITES)
    for row in result["groups"]:
        assert row["train_groups"] == sorted(set(SITES) - {row["test_group"]})
        assert row["n_train"] == 80 and row["n_test"] == 40
        assert 0 <= row["micro_f1"] <= 1 and "micro_f1" in row["baseline"]
    assert result["split"].startswith("by site")
    assert "East+North -> South" in format_report(result)


def test_learned_tags_carry_evidence_words_from_their_sentence():
    model = ThemeClassifier().fit(examples(120, seed=41))
    tagger = Tagger(classifier=model, safeguarding=False)
    comments = ["Thanks. The lawn and flower beds are a mess.", "The dinner was cold again."]
    for analysis in tagger.analyse_many(comments):
        learned = [tag for tag in analysis.tags if tag.source == "model"]
        assert learned
        for tag in learned:
            assert tag.matched_words
            assert all(word in tag.sentence.lower() for word in tag.matched_words)


def _write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment", "theme", "mood", "site"])
        for example in rows:
            score = {"positive": "2", "negative": "-3"}[example.sentiment]
            writer.writerow([example.text, ";".join(sorted(example.labels)), score, example.group])


def test_cli_cross_validation_and_group_split(tmp_path, capsys):
    path = tmp_path / "labelled.csv"
    _write_csv(path, grouped(90, seed=51))
    assert {e.group for e in read_examples(path, "comment", "theme", "mood", "site")} == set(SITES)
    common = ["--csv", str(path), "--text-column", "comment", "--label-column", "theme"]
    assert main([*common, "--sentiment-column", "mood", "--cv", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["n_folds"] == 3 and {"mean", "sd", "baseline"} <= set(result)
    assert main([*common, "--group-column", "site", "--test-group", "East", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    [row] = result["groups"]
    assert (row["test_group"], row["train_groups"]) == ("East", ["North", "South"])
    with pytest.raises(SystemExit):
        main([*common, "--cv", "3", "--group-column", "site"])


def test_rare_label_weighting_counts_a_rare_labels_examples_more():
    targets = np.array([[1, 0], [1, 0], [1, 0], [0, 1]])
    assert list(positive_weights(targets, "none")) == [1.0, 1.0]
    balanced = positive_weights(targets, "balanced")
    assert balanced == pytest.approx([4 / 6, 4 / 2])
    assert positive_weights(targets, "sqrt") == pytest.approx(np.sqrt(balanced))
    with pytest.raises(ValueError):
        positive_weights(targets, "loud")


def test_inner_cv_tries_every_setting_and_keeps_the_best():
    model = ThemeClassifier(c_grid=(0.05, 0.3), weightings=("none", "sqrt")).fit(examples(60))
    tried = [(row["C"], row["weighting"]) for row in model.tuning]
    assert tried == [(0.05, "none"), (0.3, "none"), (0.05, "sqrt"), (0.3, "sqrt")]
    best = max(row["micro_f1"] for row in model.tuning)
    chosen = next(
        r for r in model.tuning if (r["C"], r["weighting"]) == tuple(model.settings.values())
    )
    assert chosen["micro_f1"] == best and model.settings["C"] == model.C


def test_rule_and_vader_features_are_columns_and_evidence_stays_words():
    model = ThemeClassifier(rule_features=True, vader_features=True).fit(examples(90, seed=61))
    plain = ThemeClassifier().fit(examples(90, seed=61))
    words = plain.features.transform(["x"]).shape[1]
    rules = len(model.features.rule_keys)
    assert rules >= 20 and model.features.transform(["x"]).shape[1] == words + 4 + rules
    # "waited" is a waiting_times rule phrase: that column is 1.
    column = words + 4 + model.features.rule_keys.index("waiting_times")
    assert model.features.transform(["We waited six weeks for a ramp."])[0, column] == 1
    assert "park" in explain_words(model, "nowhere to park today", "Parking")
    assert model.predict_labels(["Nowhere to park at the office"]) == [{"Parking"}]
