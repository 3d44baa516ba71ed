"""What one resident's submission costs the database, pinned: the form, the send, the
confirmation page, with the task queue as production runs it (a table in the same database)."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys.models import Response
from themes.models import ResponseAnalysis

# GET the form 0 (the touchpoint, its survey and the page are remembered, and forgotten on
# every server by a publish, see tests/surveys/test_published_memo.py), POST 4 (the response,
# its comments, its analysis row and its task row, in one transaction), confirmation 0 (what it
# shows is kept with its one-time token). Was 6 + 11 + 5, 3 more after the commit; then
# 1 + 5 + 1, then 0 + 4 + 1.
FORM_QUERIES, SEND_QUERIES, CONFIRMATION_QUERIES = 0, 4, 0
TOTAL_TARGET = 8


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _statements(captured):
    """Statements that reach the server, less the test's own transaction bookkeeping."""
    return [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def test_a_submission_costs_at_most_eight_queries(client, touchpoint, keys, queued):
    # A warm server: the site, its settings, the locales, the questions' markup and the "You
    # said, we did" address are remembered after the first resident's journey.
    warm = client.post(
        "/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    )
    client.get(warm["Location"])
    Response.objects.all().delete()
    with CaptureQueriesContext(connection) as form:
        client.get("/f/hd7k2?via=qr")
    data = {
        "submission_token": str(uuid.uuid4()),
        f"q_{keys['overall']}": "poor",
        f"q_{keys['do_better']}": "Nobody called me back about the respite booking.",
    }
    with CaptureQueriesContext(connection) as send:
        sent = client.post("/f/hd7k2?via=qr", data)
    with CaptureQueriesContext(connection) as confirmation:
        page = client.get(sent["Location"])

    response = Response.objects.get()
    assert response.receipt_code in page.content.decode()
    assert ResponseAnalysis.objects.get(response=response).status == "pending"
    counts = [len(_statements(c)) for c in (form, send, confirmation)]
    assert counts == [FORM_QUERIES, SEND_QUERIES, CONFIRMATION_QUERIES], [
        _statements(c) for c in (form, send, confirmation)
    ]
    assert sum(counts) <= TOTAL_TARGET


def test_the_response_and_its_queued_work_commit_together(
    client, touchpoint, keys, queued, django_capture_on_commit_callbacks
):
    """Nothing is left to run after the commit: the analysis row and the task row are written
    in the response's own transaction."""
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks() as after_commit:
        client.post(
            "/f/hd7k2",
            {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"},
        )
    assert after_commit == []
    assert ResponseAnalysis.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
