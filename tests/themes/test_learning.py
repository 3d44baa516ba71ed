import io

from django.core.management import call_command

from surveys.services import response_submit
from surveys.submission import Comment, Submission
from tests.surveys.conftest import _user_with
from tests.themes.factories import mention_of, reviewer
from themes.engine import current_tagger
from themes.learning import reviewed_examples
from themes.models import ThemeMention, ThemeModelVersion
from themes.services import mention_review, response_analyse

PARKING = "There is never anywhere to leave the car near the day centre {}."


def _tagged(touchpoint, keys, text):
    response, _ = response_submit(
        survey=touchpoint.survey,
        touchpoint=touchpoint,
        channel="qr",
        submission=Submission(comments=[Comment(keys["do_better"], "do_better", text)]),
    )
    response_analyse(response=response)
    return response


def test_staff_review_confirms_and_rejects_with_who_and_when(
    client, django_user_model, touchpoint, keys
):
    from django.contrib.auth.models import Permission

    user = _user_with(django_user_model, "reviewer")
    user.user_permissions.add(Permission.objects.get(codename="review_thememention"))
    response = _tagged(touchpoint, keys, "Nobody called me back after the assessment.")
    mention = ThemeMention.objects.filter(response=response).first()
    client.force_login(user)
    page = client.get("/admin/themes/tags/").content.decode()
    assert mention.evidence in page
    client.post(f"/admin/themes/tags/{mention.pk}/decide/", {"decision": "reject"})
    mention.refresh_from_db()
    assert (mention.review, mention.reviewed_by) == ("rejected", user)
    assert mention.reviewed_at is not None


def test_confirmed_and_rejected_tags_become_training_examples(touchpoint, keys, django_user_model):
    user = reviewer("r")
    response = _tagged(touchpoint, keys, "We waited four months for the assessment.")
    for mention in ThemeMention.objects.filter(response=response):
        mention_review(mention=mention, confirmed=mention.theme.key == "waiting_times", user=user)
    [example] = reviewed_examples()
    assert example.confirmed == frozenset({"waiting_times"})
    assert example.rejected == frozenset({"assessments_reviews"})


def test_a_comment_whose_text_retention_removed_is_no_training_example(
    touchpoint, keys, django_user_model
):
    from themes.models import CommentAnalysis

    user = reviewer("r")
    response = _tagged(touchpoint, keys, "We waited four months for the assessment.")
    for mention in ThemeMention.objects.filter(response=response):
        mention_review(mention=mention, confirmed=True, user=user)
    CommentAnalysis.objects.filter(comment__response=response).update(redacted_text="")
    assert reviewed_examples() == []


def test_retrain_reports_scores_and_the_learned_model_tags_new_comments(
    touchpoint, keys, django_user_model
):
    from themes.models import Theme

    Theme.objects.create(key="parking", name="Parking")  # no phrases: only learning finds it
    user = reviewer("r")
    parking = Theme.objects.get(key="parking")
    for number in range(30):
        response = _tagged(
            touchpoint,
            keys,
            PARKING.format(number)
            if number % 2
            else f"Nobody called me back about my mum {number}.",
        )
        comment = response.comments.get()
        if number % 2:
            mention = mention_of(
                comment,
                parking,
                sentiment="negative",
                evidence=comment.text,
                source="staff",
            )
            mention_review(mention=mention, confirmed=True, user=user)
        for mention in ThemeMention.objects.filter(comment=comment).exclude(theme=parking):
            mention_review(mention=mention, confirmed=True, user=user)
    out = io.StringIO()
    call_command("themes", "retrain", "--min-examples", "10", stdout=out)
    report = out.getvalue()
    assert "micro-F1: in use (rules)" in report
    assert "parking" in report and "kept: micro-F1 up" in report
    assert ThemeModelVersion.objects.filter(is_current=True).exists()
    analysis = current_tagger().analyse("Again there was nowhere to leave the car at the centre.")
    assert "parking" in {tag.theme_key for tag in analysis.tags if tag.source == "model"}


def test_retrain_waits_for_enough_reviews(db):
    out = io.StringIO()
    call_command("themes", "retrain", stdout=out)
    assert "nothing to learn yet" in out.getvalue()
