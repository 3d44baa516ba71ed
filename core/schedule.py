"""Scheduled jobs run once per slot (a day, a week, an hour) however many servers start them.

Each server's timer may start `manage.py run_scheduled <job> --every day`; the first process
to insert the (job, slot) row in PostgreSQL runs the job, every other one finds the row and
skips. A run that fails deletes its row, so the next start (or another server) runs it again.
"""

import socket
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import ScheduledRun

EVERY = ("hour", "day", "week", "month")


def schedule_slot(every, *, now=None):
    """The slot `now` falls in, in the site's time zone: '2026-12-01', '2026-W49'…"""
    local = timezone.localtime(now)
    if every == "hour":
        return local.strftime("%Y-%m-%dT%H")
    if every == "day":
        return local.date().isoformat()
    if every == "week":
        year, week, _day = local.isocalendar()
        return f"{year}-W{week:02d}"
    if every == "month":
        return local.strftime("%Y-%m")
    raise ValueError(f"every must be one of {EVERY}, not {every!r}")


@contextmanager
def scheduled_run_claim(job, *, slot):
    """Yields the run's row when this process won the slot, None when another one had it."""
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(
                job=job, slot=slot, host=socket.gethostname(), started_at=timezone.now()
            )
    except IntegrityError:
        yield None
        return
    try:
        yield run
    except BaseException:
        run.delete()
        raise
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
