"""`themes retag --all` re-redacts stored copies written by an older redactor."""

import io

from django.core.management import call_command

from surveys.services import response_submit
from surveys.submission import Comment, Submission
from themes.models import CommentAnalysis
from themes.services import response_analyse

TEXT = "Nobody rang me back on 07700 900123 after my assessment"
OLD_REDACTION = "Nobody rang me back on 07700 900123 after my assessment"  # the phone was missed


def _submitted(touchpoint, keys):
    response, _ = response_submit(
        survey=touchpoint.survey,
        touchpoint=touchpoint,
        channel="qr",
        submission=Submission(comments=[Comment(keys["do_better"], "do_better", TEXT)]),
    )
    call_command("themes", "retag", stdout=io.StringIO())
    CommentAnalysis.objects.filter(comment__response=response).update(redacted_text=OLD_REDACTION)
    return response


def _stored(response):
    return CommentAnalysis.objects.get(comment__response=response).redacted_text


def test_retag_all_rewrites_a_copy_the_old_redactor_left_a_phone_number_in(touchpoint, keys):
    response = _submitted(touchpoint, keys)
    call_command("themes", "retag", "--all", stdout=io.StringIO())
    assert "07700" not in _stored(response)
    assert "[phone]" in _stored(response)


def test_response_analyse_rewrites_the_stored_redaction(touchpoint, keys):
    response = _submitted(touchpoint, keys)
    response_analyse(response=response)
    assert _stored(response) == "Nobody rang me back on [phone] after my assessment"


def test_retag_without_all_leaves_done_responses_alone(touchpoint, keys):
    response = _submitted(touchpoint, keys)
    call_command("themes", "retag", stdout=io.StringIO())
    assert _stored(response) == OLD_REDACTION
