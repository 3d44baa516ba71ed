"""`themes evaluate --context-column`, and the sentiment notes every evaluation now prints."""

import csv
import dataclasses
import io
import json

from django.core.management import call_command

from themes.analysis import LabelledExample, format_report
from themes.analysis.evaluate import evaluate_by_group, evaluate_examples, sentiment_reachable

from .analysis.synthetic import examples


def _sites(count=120, seed=21):
    """Three made-up sites; the third writes 'neutral' where the others write 'positive'."""
    made = []
    for index, example in enumerate(examples(count, seed=seed)):
        site = ("North", "South", "East")[index // 3 % 3]  # independent of the label
        sentiment = example.sentiment
        if site == "East" and sentiment == "positive":
            sentiment = "neutral"
        made.append(dataclasses.replace(example, sentiment=sentiment, group=site, context=site))
    return made


def test_reachable_is_the_share_of_test_labels_the_training_data_has():
    train = [LabelledExample("a", frozenset({"X"}), "positive")] * 99
    train += [LabelledExample("b", frozenset({"X"}), "negative")]
    test = [LabelledExample("c", frozenset({"X"}), label) for label in ("positive", "negative")]
    test += [LabelledExample("d", frozenset({"X"}), "neutral")] * 2
    assert sentiment_reachable(train, test) == 0.5  # 1 negative in 100 is enough, neutral is not
    assert sentiment_reachable(train[:1], []) is None


def test_a_held_out_site_with_its_own_sentiment_coding_is_shown_as_unreachable():
    result = evaluate_by_group(_sites(), test_groups=["East"])
    (row,) = result["groups"]
    gold = row["sentiment_gold"]
    assert row["sentiment_reachable"] == gold["negative"] / (gold["negative"] + gold["neutral"])
    assert row["sentiment_confusion"]["neutral"]["neutral"] == 0
    report = format_report(result)
    assert "sentiment East: gold negative" in report and "reachable" in report
    assert "neutral predicted as" in report


def test_the_context_lets_the_product_learn_each_sites_coding():
    data = _sites(240)
    train, test = data[:180], data[180:]
    with_context = evaluate_examples(train, test)
    without = evaluate_examples(train, [dataclasses.replace(e, context=None) for e in test])
    assert with_context["settings"]["contexts"] == 3
    assert with_context["sentiment_accuracy"] > 0.9
    assert with_context["sentiment_accuracy"] > without["sentiment_accuracy"] + 0.1


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment", "theme", "mood", "question"])
        for e in rows:
            mood = {"positive": "2", "negative": "-3", "neutral": "0"}[e.sentiment]
            writer.writerow([e.text, ";".join(sorted(e.labels)), mood, e.context])


def test_command_passes_the_context_column_to_the_product(tmp_path, db):
    path = tmp_path / "answers.csv"
    _write(path, _sites(150))
    out = io.StringIO()
    arguments = ["--text-column", "comment", "--label-column", "theme"]
    arguments += ["--sentiment-column", "mood", "--context-column", "question", "--json"]
    call_command("themes", "evaluate", "--csv", str(path), *arguments, stdout=out)
    result = json.loads(out.getvalue())
    assert result["settings"]["contexts"] == 3
    assert result["sentiment_reachable"] == 1.0
    assert set(result["sentiment_confusion"]) == {"negative", "neutral", "positive"}
