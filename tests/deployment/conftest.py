import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url():
    """The test database's address for another process, or None for in-memory SQLite."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    return f"postgres://{user}{password}@{host}/{settings['NAME']}"


def second_process(database, *args, **popen):
    """Start `tests.deployment.second_process` against `database` (a DATABASE_URL)."""
    env = {**os.environ, "DATABASE_URL": database}
    env["DJANGO_SETTINGS_MODULE"] = "feedback_site.settings.test"
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [sys.executable, "-m", "tests.deployment.second_process", *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, text=True, **popen)


@pytest.fixture
def postgres_test_database(transactional_db):
    url = database_url()
    if url is None:
        pytest.skip(
            "a second process can't open the in-memory SQLite test database; "
            "this runs in the PostgreSQL pass (.ci/run)"
        )
    return url
