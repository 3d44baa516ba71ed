"""A real `db_worker` in its own process tags every response sent in bursts while it runs,
from far fewer task rows than responses (ADR 0022). PostgreSQL only: a second process can't
open the in-memory SQLite test database."""

import subprocess
import time
import uuid

import pytest
from django_tasks_db.models import DBTaskResult

from tests.deployment.conftest import postgres_test_database, second_process  # noqa: F401
from themes.models import ResponseAnalysis

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BURSTS = (3, 1, 5, 2, 4)  # responses a burst; pauses between them below
PAUSES = (0, 0.3, 1.5, 0.05, 0)


@pytest.fixture
def worker(postgres_test_database, settings):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    process = second_process(
        postgres_test_database,
        "worker",
        "0.5",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield process
    process.terminate()
    process.wait(timeout=60)


def _waiting_until_done(expected, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = ResponseAnalysis.objects.filter(status="done").count()
        if done == expected:
            return 0
        time.sleep(0.2)
    return ResponseAnalysis.objects.exclude(status="done").count()


def test_every_response_sent_in_bursts_is_tagged_by_a_real_worker(client, touchpoint, keys, worker):
    sent = 0
    for burst, pause in zip(BURSTS, PAUSES, strict=True):
        for _ in range(burst):
            data = {
                "submission_token": str(uuid.uuid4()),
                f"q_{keys['overall']}": "poor",
                f"q_{keys['do_better']}": f"Nobody rang back about the hoist ({sent}).",
            }
            assert client.post("/f/hd7k2", data).status_code == 302
            sent += 1
        time.sleep(pause)
    assert _waiting_until_done(sent) == 0
    assert worker.poll() is None, "the worker is still running"
    assert ResponseAnalysis.objects.count() == sent == sum(BURSTS)
    rows = DBTaskResult.objects.all()
    assert 1 <= rows.count() < sent
    # The last run may still be in its last look; none failed.
    assert set(rows.values_list("status", flat=True)) <= {"SUCCESSFUL", "RUNNING"}
