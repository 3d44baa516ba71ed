"""The load test script, run small: gunicorn and PostgreSQL on loopback, nothing lost or doubled.

The first run on a machine also builds the load-test template database (a minute of
migrations); later runs copy it in about a second. See bench/load_test.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from load_server import REPO, postgres_reachable  # noqa: E402

pytestmark = pytest.mark.skipif(
    not postgres_reachable(), reason="the load test needs PostgreSQL on 127.0.0.1:5432"
)


def _run_load_test(*args, timeout):
    command = [sys.executable, str(REPO / "bench" / "load_test.py"), *args]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    lines = finished.stdout.strip().splitlines()
    assert lines, finished.stderr[-3000:]
    return finished.returncode, json.loads(lines[-1]), finished.stdout


def test_concurrent_submissions_are_all_stored_exactly_once():
    code, result, output = _run_load_test(
        "--requests=40",
        "--concurrency=4",
        f"--database=feedback_load_pytest_{os.getpid()}",
        timeout=240,
    )
    assert code == 0, output
    assert result["accepted"] == result["stored"] == 40
    assert (result["lost"], result["duplicated"], result["problems"]) == (0, 0, 0)
    assert result["double_clicks"] > 0
    assert {"per_second", "p95_ms"} <= set(result)


@pytest.mark.slow
@pytest.mark.skipif(
    not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")),
    reason="the outage test starts a PostgreSQL of its own: needs PostgreSQL's server programs",
)
def test_postgres_restart_mid_test_gets_503s_and_loses_nothing():
    """The outage is of a PostgreSQL the load test starts for itself (bench/load_server.py
    PrivateCluster): the machine's PostgreSQL, which the rest of the suite uses, keeps running."""
    code, result, output = _run_load_test(
        "--requests=100",
        "--concurrency=6",
        "--restart-postgres",
        "--outage-seconds=2",
        f"--database=feedback_load_pytest_{os.getpid()}",
        timeout=300,
    )
    assert code == 0, output
    assert postgres_reachable(), "the machine's PostgreSQL kept running"
    assert result["status_counts"].get("503", 0) > 0, "the outage should have been seen"
    assert "500" not in result["status_counts"]
    assert result["accepted"] == result["stored"] == 100
    assert (result["lost"], result["duplicated"], result["problems"]) == (0, 0, 0)
