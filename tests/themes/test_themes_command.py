import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from surveys.services import response_submit
from surveys.submission import Comment, Submission
from themes.analysis import loader
from themes.models import ResponseAnalysis, Theme, ThemeMention

TRAIN = [
    ("The carers never turn up on time", "Home care"),
    ("Carers arrive late and rush", "Home care"),
    ("My carer was two hours late again", "Home care"),
    ("Home care visits are far too short", "Home care"),
    ("The bill for my care was a shock", "Money"),
    ("Nobody explained the charges", "Money"),
    ("I cannot afford the care contribution", "Money"),
    ("The financial assessment took my savings", "Money"),
] * 3


def _write(path, rows, sentiment=False):
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment", "theme"] + (["mood"] if sentiment else []))
        for text, label in rows:
            writer.writerow([text, label] + (["negative"] if sentiment else []))


def _read(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_evaluate_with_training_prints_json_scores(tmp_path, db):
    train, test = tmp_path / "train.csv", tmp_path / "test.csv"
    _write(train, TRAIN, sentiment=True)
    _write(
        test,
        [("The carer came late", "Home care"), ("The charges are too high", "Money")],
        sentiment=True,
    )
    out = io.StringIO()
    call_command(
        "themes",
        "evaluate",
        "--csv",
        str(test),
        "--text-column",
        "comment",
        "--label-column",
        "theme",
        "--sentiment-column",
        "mood",
        "--train",
        str(train),
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert set(result["per_label"]) == {"Home care", "Money"}
    assert 0 <= result["micro_f1"] <= 1 and 0 <= result["macro_f1"] <= 1
    assert "sentiment_accuracy" in result and "sentiment_macro_f1" in result


def test_evaluate_reports_a_missing_column_clearly(tmp_path, db):
    path = tmp_path / "test.csv"
    _write(path, TRAIN)
    with pytest.raises(CommandError, match="Could not evaluate"):
        call_command(
            "themes",
            "evaluate",
            "--csv",
            str(path),
            "--text-column",
            "nope",
            "--label-column",
            "theme",
            stdout=io.StringIO(),
        )


def _tag(tmp_path, rows):
    """Run `themes tag` on these (text, label) rows; return the output rows."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    _write(source, rows)
    call_command(
        "themes",
        "tag",
        "--csv",
        str(source),
        "--text-column",
        "comment",
        "--out",
        str(out),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    return _read(out)


def test_tag_writes_themes_and_sentiment_per_row(tmp_path, db):
    rows = _tag(
        tmp_path, [("I could not get through on the phone", "x"), ("Lovely kind staff", "y")]
    )
    assert len(rows) == 2
    assert "getting_through" in rows[0]["themes"].split(";")
    assert rows[0]["sentiment"] == "negative"
    assert rows[1]["sentiment"] == "positive"


def test_tag_uses_the_taxonomy_staff_edited(tmp_path, db):
    Theme.objects.create(key="parking", name="Parking", phrases="blue badge\nparking")
    rows = _tag(tmp_path, [("The blue badge parking is awful", "x")])
    assert "parking" in rows[0]["themes"].split(";")


def test_retag_is_resumable_and_safe_to_run_twice(touchpoint, keys):
    for text in ["Nobody called me back", "We waited months for an assessment"]:
        response_submit(
            survey=touchpoint.survey,
            touchpoint=touchpoint,
            channel="qr",
            submission=Submission(comments=[Comment(keys["do_better"], "do_better", text)]),
        )
    first = io.StringIO()
    call_command("themes", "retag", stdout=first)
    assert "2 responses to tag" in first.getvalue()
    mentions = ThemeMention.objects.count()
    assert mentions >= 2
    second = io.StringIO()
    call_command("themes", "retag", stdout=second)
    assert "0 responses to tag" in second.getvalue()
    call_command("themes", "retag", "--all", stdout=io.StringIO())
    assert ThemeMention.objects.count() == mentions
    assert ResponseAnalysis.objects.filter(status="done").count() == 2


def test_missing_resource_fails_at_start_with_its_name(tmp_path, db, monkeypatch):
    monkeypatch.setitem(loader._locators, "vader_lexicon", lambda: [str(tmp_path / "gone.txt")])
    with pytest.raises(CommandError, match="vader_lexicon"):
        call_command("themes", "retag", stdout=io.StringIO())


def test_default_taxonomy_is_loaded_with_cqc_links(db):
    assert Theme.objects.count() >= 20
    discharge = Theme.objects.get(key="hospital_discharge")
    assert discharge.cqc_quality_statements
    assert discharge.cqc_themes
    assert Theme.objects.get(key="safeguarding_concern").is_safeguarding
