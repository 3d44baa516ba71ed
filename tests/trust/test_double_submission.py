"""A double click, or Back and send again, stores one response: the unique token decides."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys.models import Response
from surveys.services import response_submit
from surveys.submission import Submission


def test_racing_resubmission_returns_the_stored_response_not_an_error(survey, touchpoint):
    token = uuid.uuid4()
    kwargs = {"survey": survey, "touchpoint": touchpoint, "channel": "qr"}
    stored, created = response_submit(
        submission=Submission(overall="good"), submission_token=token, **kwargs
    )
    # No check before the insert, so a click racing another is the everyday case: the unique
    # token makes the second insert fail, and the response the first one stored is returned.
    with CaptureQueriesContext(connection) as queries:
        again, created_again = response_submit(
            submission=Submission(overall="good"), submission_token=token, **kwargs
        )
    assert any(q["sql"].startswith("INSERT") for q in queries.captured_queries)
    assert (created, created_again) == (True, False)
    assert again.pk == stored.pk
    assert Response.objects.count() == 1


def test_different_tokens_store_two_responses(survey, touchpoint):
    kwargs = {"survey": survey, "touchpoint": touchpoint, "channel": "qr"}
    for _ in range(2):
        response_submit(
            submission=Submission(overall="good"), submission_token=uuid.uuid4(), **kwargs
        )
    assert Response.objects.count() == 2
