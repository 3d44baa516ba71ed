"""A double click that races past the 'already stored?' check still stores one response."""

import uuid
from unittest import mock

from django.db.models import QuerySet

from surveys.models import Response
from surveys.services import response_submit
from surveys.submission import Submission


def _first_check_misses(real_first):
    calls = []

    def first(queryset):
        calls.append(1)
        return None if len(calls) == 1 else real_first(queryset)

    return first


def test_racing_resubmission_returns_the_stored_response_not_an_error(survey, touchpoint):
    token = uuid.uuid4()
    kwargs = {"survey": survey, "touchpoint": touchpoint, "channel": "qr"}
    stored, created = response_submit(
        submission=Submission(overall="good"), submission_token=token, **kwargs
    )
    # The other click committed between this click's check and its save.
    with mock.patch.object(QuerySet, "first", _first_check_misses(QuerySet.first)):
        again, created_again = response_submit(
            submission=Submission(overall="good"), submission_token=token, **kwargs
        )
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
