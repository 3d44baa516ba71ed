import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail

from surveys.models import Response
from tests.themes.factories import reviewer
from themes.models import CommentAnalysis, ResponseAnalysis, SafeguardingFlag, ThemeMention

_on_commit = None


@pytest.fixture(autouse=True)
def _capture(django_capture_on_commit_callbacks):
    global _on_commit
    _on_commit = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731


def _submit(client, keys, text, overall="poor"):
    # Tagging starts once the response is committed, as it does in production.
    with _on_commit():
        _post(client, keys, text, overall)
    return Response.objects.latest("pk")


def _post(client, keys, text, overall):
    client.post(
        "/f/hd7k2",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": overall,
            f"q_{keys['do_better']}": text,
        },
    )


def test_new_response_is_tagged_with_evidence(client, touchpoint, keys):
    response = _submit(client, keys, "I could not get through on the phone for three days.")
    mention = ThemeMention.objects.get(response=response)
    assert mention.theme.key == "getting_through"
    assert mention.sentiment == "negative"
    assert mention.evidence == "I could not get through on the phone for three days."
    assert "phone" in " ".join(mention.matched_words)
    assert ResponseAnalysis.objects.get(response=response).status == "done"


def test_redacted_text_is_kept_for_boards(client, touchpoint, keys):
    response = _submit(client, keys, "Please ring my daughter on 07700 900123 about the bill.")
    analysis = CommentAnalysis.objects.get(comment__response=response)
    assert "07700" not in analysis.redacted_text
    assert "[phone]" in analysis.redacted_text


def test_safeguarding_disclosure_is_flagged_and_lead_emailed_without_the_text(
    client, touchpoint, keys
):
    response = _submit(client, keys, "The carer hit my mum and she is scared of him.")
    flag = SafeguardingFlag.objects.get(response=response)
    assert flag.outcome == ""
    assert flag.due_on == flag.raised_on + timedelta(days=1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["safeguarding@council.example"]
    assert "hit" not in mail.outbox[0].body
    assert f"/admin/themes/safeguarding/{flag.pk}/" in mail.outbox[0].body


def test_tagging_failure_keeps_the_response_for_retry(client, touchpoint, keys):
    with mock.patch("themes.services._analyse_comments", side_effect=RuntimeError("boom")):
        response = _submit(client, keys, "Nobody called me back.")
    assert Response.objects.filter(pk=response.pk).exists()
    state = ResponseAnalysis.objects.get(response=response)
    assert state.status == "failed"
    from themes.services import response_analyse

    response_analyse(response=response)
    state.refresh_from_db()
    assert state.status == "done"
    assert ThemeMention.objects.filter(response=response).exists()


def test_retagging_keeps_staff_reviews(client, touchpoint, keys, django_user_model):
    from themes.services import mention_review, response_analyse

    response = _submit(client, keys, "We waited four months for the assessment.")
    user = reviewer()
    mentions = list(ThemeMention.objects.filter(response=response))
    mention_review(mention=mentions[0], confirmed=False, user=user)
    response_analyse(response=response)
    response_analyse(response=response)
    kept = ThemeMention.objects.get(pk=mentions[0].pk)
    assert kept.review == "rejected"
    assert ThemeMention.objects.filter(response=response).count() == len(mentions)
