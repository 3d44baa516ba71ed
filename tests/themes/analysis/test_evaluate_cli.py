import csv
import json

from themes.analysis import evaluate_csv, format_report
from themes.analysis.evaluate import main

from .synthetic import examples


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment", "theme", "mood"])
        for example in rows:
            score = {"positive": "2", "negative": "-3"}[example.sentiment]
            writer.writerow([example.text, ";".join(sorted(example.labels)), score])


def test_evaluate_csv_splits_one_file_with_a_fixed_seed(tmp_path):
    path = tmp_path / "labelled.csv"
    _write(path, examples(100, seed=11))
    first = evaluate_csv(path, "comment", "theme", "mood", seed=7)
    assert (first["n_train"], first["n_test"]) == (80, 20)
    assert first["split"] == "random 80%/20%, seed 7"
    assert first["micro_f1"] == evaluate_csv(path, "comment", "theme", "mood", seed=7)["micro_f1"]
    assert {"sentiment_accuracy", "sentiment_macro_f1"} <= set(first["baseline"])


def test_evaluate_csv_with_a_training_file_tests_on_the_whole_csv(tmp_path):
    train, test = tmp_path / "train.csv", tmp_path / "test.csv"
    _write(train, examples(90, seed=12))
    _write(test, examples(30, seed=13))
    result = evaluate_csv(test, "comment", "theme", train_path=train)
    assert (result["n_train"], result["n_test"]) == (90, 30)
    assert "sentiment_accuracy" not in result  # no sentiment column given
    report = format_report(result)
    assert "base F1" in report and "Parking" in report and "micro_f1" in report


def test_cli_prints_json_as_its_last_line(tmp_path, capsys):
    path = tmp_path / "labelled.csv"
    _write(path, examples(60, seed=14))
    code = main(
        [
            "--csv",
            str(path),
            "--text-column",
            "comment",
            "--label-column",
            "theme",
            "--sentiment-column",
            "mood",
            "--json",
        ]
    )
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and len(lines) == 1
    result = json.loads(lines[-1])
    assert result["micro_f1"] >= result["baseline"]["micro_f1"] - 0.05
