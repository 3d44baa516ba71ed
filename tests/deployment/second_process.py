"""A second server in its own process, for tests of what several servers share.

`python -m tests.deployment.second_process <role> <args…>` with DATABASE_URL pointing at the
test's database. Roles:
- claim <job> <slot> <start_at>: wait until the wall clock reads start_at, try to claim the
  slot, hold it for a second when won; prints "ran" or "skipped".
- tag <text>: prints the themes the current tagger gives `text` (one JSON list a line), then
  again each time a line arrives on stdin, until stdin closes.
- worker <grace seconds>: `manage.py db_worker` with the database task queue, as production
  runs it, until terminated.
"""

import json
import sys
import time

import django


def claim(job, slot, start_at):
    from core.schedule import scheduled_run_claim

    while time.time() < float(start_at):
        time.sleep(0.001)
    with scheduled_run_claim(job, slot=slot) as run:
        if run is not None:
            time.sleep(1)
        print("ran" if run is not None else "skipped", flush=True)


def tag(text):
    from themes.engine import current_tagger

    while True:
        keys = sorted({tag.theme_key for tag in current_tagger().analyse(text).tags})
        print(json.dumps(keys), flush=True)
        if not sys.stdin.readline():
            return


def worker(grace_seconds):
    from django.core.management import call_command
    from django.test.utils import override_settings

    # The test settings tag inline; a worker is there to run what the database queue holds.
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=queue, TAGGING_GRACE_SECONDS=float(grace_seconds)):
        call_command("db_worker", "--interval", "0.1", "--no-startup-delay")


def main(role, *args):
    django.setup()
    if role == "create-schedule-table":
        from django.db import connection

        from core.models import ScheduledRun

        with connection.schema_editor() as editor:
            editor.create_model(ScheduledRun)
        return
    {"claim": claim, "tag": tag, "worker": worker}[role](*args)


if __name__ == "__main__":
    main(*sys.argv[1:])
