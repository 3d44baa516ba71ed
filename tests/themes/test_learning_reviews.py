"""Retraining on staff reviews makes tagging of held-back comments better, never worse, and a
rejected tag stays off the comment it was rejected on."""

import io

import pytest
from django.core.management import call_command

from surveys.services import response_submit
from surveys.submission import Comment, Submission
from tests.themes.factories import reviewer
from tests.themes.learning_data import letters_of_thanks, reviewed_comment, reviewed_letters
from themes.analysis.metrics import multilabel_scores
from themes.analysis.review_model import ReviewModel
from themes.engine import current_tagger, tagger_forget
from themes.learning import (
    normalised,
    retrain_from_reviews,
    reviewed_examples,
    rules_tagger,
    split_by_text,
)
from themes.models import ThemeMention, ThemeModelVersion
from themes.services import mention_review, response_analyse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_tagger():
    tagger_forget()
    yield
    tagger_forget()


def _keys(text):
    return {tag.theme_key for tag in current_tagger().analyse(text).tags}


def _rules_score_on_held_back():
    _, held = split_by_text(reviewed_examples())
    tagger = rules_tagger()
    predicted = [{t.theme_key for t in tagger.analyse(e.text).tags} for e in held]
    return multilabel_scores([set(e.confirmed) for e in held], predicted)["micro_f1"]


def test_first_retrain_is_compared_with_the_rules_and_beats_them(touchpoint):
    reviewed_letters(touchpoint)
    rules = _rules_score_on_held_back()
    assert rules < 1.0  # the rules over-tag thanks as communication: room to improve

    report = retrain_from_reviews(min_examples=10)

    assert report.baseline == "rules"
    assert report.before["micro_f1"] == pytest.approx(rules, abs=1e-4)
    assert report.accepted and report.after["micro_f1"] > report.before["micro_f1"]
    communication = report.per_theme["communication"]
    assert communication["after"]["precision"] > communication["before"]["precision"]
    assert communication["after"]["recall"] == communication["before"]["recall"] == 1.0
    assert ThemeModelVersion.objects.get(is_current=True) == report.version


def test_held_back_comments_never_appear_in_training(touchpoint):
    reviewed_letters(touchpoint)
    # The same words stored twice, spaced and cased differently, count as one text.
    for text in letters_of_thanks()[:6]:
        reviewed_comment(touchpoint, "  " + text.upper(), reject={"communication"})
    training, held = split_by_text(reviewed_examples())
    assert held and training
    assert not {normalised(e.text) for e in training} & {normalised(e.text) for e in held}
    report = retrain_from_reviews(min_examples=10)
    assert report.n_train + report.n_holdout == len(reviewed_examples())


def test_a_retrain_that_is_not_better_keeps_the_model_in_use(touchpoint):
    reviewed_letters(touchpoint)
    first = retrain_from_reviews(min_examples=10)
    second = retrain_from_reviews(min_examples=10)  # same reviews: a tie is no reason to change
    assert second.baseline == f"rules + model {first.version.pk}"
    assert not second.accepted and second.version is None
    assert list(ThemeModelVersion.objects.values_list("pk", "is_current")) == [
        (first.version.pk, True)
    ]


def test_a_worse_candidate_is_refused(touchpoint, monkeypatch):
    reviewed_letters(touchpoint)

    def adds_staff_attitude_everywhere(examples, rule_keys):
        return ReviewModel.from_bytes(_always("staff_attitude").to_bytes())

    monkeypatch.setattr("themes.learning.fit_review_model", adds_staff_attitude_everywhere)
    report = retrain_from_reviews(min_examples=10)
    assert report.after["micro_f1"] < report.before["micro_f1"]
    assert not report.accepted
    assert not ThemeModelVersion.objects.exists()


def _always(key):
    import numpy as np

    from themes.analysis.review_model import ThemeWeights

    return ReviewModel({"x": 0}, np.ones(1), {key: ThemeWeights(np.zeros(1), 5.0, add=0.5)})


def test_rejected_tag_is_not_applied_again_when_the_comment_is_retagged(touchpoint, keys):
    text = "I wrote a letter of thanks to the day staff."
    response, _ = response_submit(
        survey=touchpoint.survey,
        touchpoint=touchpoint,
        channel="qr",
        submission=Submission(comments=[Comment(keys["do_better"], "do_better", text)]),
    )
    response_analyse(response=response)
    mention = ThemeMention.objects.get(response=response, theme__key="communication")
    mention_review(mention=mention, confirmed=False, user=reviewer())

    response_analyse(response=response)  # `themes retag --all` does this

    mentions = ThemeMention.objects.filter(response=response, theme__key="communication")
    assert list(mentions.values_list("review", flat=True)) == ["rejected"]


def test_after_retraining_thanks_are_not_communication_but_unanswered_letters_still_are(
    touchpoint,
):
    reviewed_letters(touchpoint)
    assert "communication" in _keys("The kitchen staff got a letter of thanks from my son.")
    assert retrain_from_reviews(min_examples=10).accepted

    assert "communication" not in _keys("My husband wrote a letter of thanks to the drivers.")
    assert "communication" in _keys("Nobody replied to my letter about the bins.")
    # The probes from the issue: nothing is added to comments about nothing the model knows.
    assert _keys("The lunch was cold.") == set()
    assert _keys("Nothing to add.") == set()


def test_retrain_command_reports_which_tagger_won_per_theme(touchpoint):
    reviewed_letters(touchpoint)
    out = io.StringIO()
    call_command("themes", "retrain", "--min-examples", "10", stdout=out)
    report = out.getvalue()
    assert "micro-F1: in use (rules)" in report
    assert "communication" in report
    version = ThemeModelVersion.objects.get()
    assert f"New model {version.pk} kept: micro-F1 up" in report
    out = io.StringIO()
    call_command("themes", "retrain", "--min-examples", "10", stdout=out)
    assert f"Kept rules + model {version.pk}: the new model was not better (+0.000)" in (
        out.getvalue()
    )
