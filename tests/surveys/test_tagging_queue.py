"""Tagging is queued once per run, not once per response: a run tags every response waiting
when it starts, and none is left waiting with no run to tag it."""

import uuid

import pytest
from django_tasks_db.models import DBTaskResult

from themes.models import ResponseAnalysis
from themes.services import waiting_responses_run


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _send(client, keys, text="Nobody rang me back about the hoist."):
    data = {
        "submission_token": str(uuid.uuid4()),
        f"q_{keys['overall']}": "poor",
        f"q_{keys['do_better']}": text,
    }
    assert client.post("/f/hd7k2", data).status_code == 302


def _statuses():
    return sorted(ResponseAnalysis.objects.values_list("status", flat=True))


def _run_queued():
    """What `db_worker` does with each ready row, oldest first (the command itself closes the
    database connection, which the test's transaction can't survive on PostgreSQL)."""
    ran = 0
    while (row := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        row.status = "RUNNING"
        row.save(update_fields=["status"])
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.status = "SUCCESSFUL"
        row.save(update_fields=["status"])
        ran += 1
    return ran


def test_responses_sent_while_a_run_waits_queue_nothing_more(client, touchpoint, keys, queued):
    for _ in range(3):
        _send(client, keys)
    assert DBTaskResult.objects.count() == 1
    assert _statuses() == ["pending"] * 3
    assert _run_queued() == 1
    assert _statuses() == ["done"] * 3


def test_a_response_sent_after_the_run_started_queues_another(client, touchpoint, keys, queued):
    _send(client, keys)
    DBTaskResult.objects.update(status="RUNNING")  # a worker has started it
    _send(client, keys)
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert _run_queued() == 1
    assert _statuses() == ["done", "done"]  # a run tags every response waiting


def test_the_runs_last_look_tags_a_response_committed_after_its_first(
    client, touchpoint, keys, queued
):
    """A response that saw the run queued just before a worker started it, and committed after
    the run looked: the run looks once more after the grace period."""
    waits = []

    def meanwhile(seconds):
        waits.append(seconds)
        if len(waits) == 1:
            _send(client, keys)  # the run found nothing; now a late response commits

    assert waiting_responses_run(grace_seconds=2, sleep=meanwhile) == 1
    assert waits == [2, 2]  # slept, tagged the late one, slept again, found nothing
    assert _statuses() == ["done"]


def test_a_run_that_reaches_its_limit_queues_the_next(client, touchpoint, keys, queued):
    for _ in range(3):
        _send(client, keys)
    DBTaskResult.objects.all().delete()
    assert waiting_responses_run(limit=2, grace_seconds=0) == 2
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert _run_queued() == 1
    assert _statuses() == ["done"] * 3


def test_inline_tagging_never_waits(client, touchpoint, keys, django_capture_on_commit_callbacks):
    """Development's immediate backend tags in the resident's own request: no grace sleep."""
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, keys)
    assert _statuses() == ["done"]
    assert DBTaskResult.objects.count() == 0
    waits = []
    assert waiting_responses_run(sleep=waits.append) == 0
    assert waits == []


def test_a_run_under_a_steady_trickle_ends_and_queues_the_next(client, touchpoint, keys, queued):
    """Responses keep arriving while the run tags: it hands the worker back after RUN_SECONDS,
    and exactly one run is queued for what still waits."""
    from themes import services

    ticks = iter(range(0, 1000, 10))  # each look at the clock is 10 seconds later
    real = services.waiting_responses_analyse

    def trickle(*, limit):
        tagged = real(limit=limit)
        _send(client, keys)  # one more arrives while the run tags
        return tagged

    _send(client, keys)
    DBTaskResult.objects.update(status="RUNNING")  # this run, started by a worker
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "waiting_responses_analyse", trickle)
        tagged = waiting_responses_run(grace_seconds=0, clock=lambda: next(ticks))
    assert tagged == 2  # looks at 10 and 20 seconds in; at 30 it stops
    assert _statuses() == ["done", "done", "pending"]
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert _run_queued() == 1
    assert _statuses() == ["done"] * 3
