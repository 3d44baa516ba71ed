"""Scheduled jobs run once per slot however many servers start them (core.schedule)."""

import io
import subprocess
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import ScheduledRun
from core.schedule import schedule_slot, scheduled_run_claim
from tests.deployment.conftest import database_url, second_process

LONDON = ZoneInfo("Europe/London")


def _race(database, job="apply_retention", slot="2026-12-01"):
    start_at = time.time() + 8  # both processes are set up and waiting by then
    racers = [
        second_process(database, "claim", job, slot, str(start_at), stdout=subprocess.PIPE)
        for _ in range(2)
    ]
    return sorted(racer.communicate(timeout=90)[0].strip() for racer in racers)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_racing_for_one_slot_run_the_job_once(tmp_path):
    database = database_url()
    if database is None:  # in-memory SQLite can't be shared: a file with the one table
        database = f"sqlite:///{tmp_path / 'schedule.sqlite3'}"
        second_process(database, "create-schedule-table").wait(timeout=60)
    assert _race(database) == ["ran", "skipped"]
    if database.startswith("postgres"):
        [run] = ScheduledRun.objects.all()
        assert (run.job, run.slot) == ("apply_retention", "2026-12-01")
        assert run.finished_at is not None


def test_a_second_start_in_the_same_slot_is_skipped_and_the_next_slot_runs(db):
    with scheduled_run_claim("send_action_reminders", slot="2026-12-01") as run:
        assert run is not None
    with scheduled_run_claim("send_action_reminders", slot="2026-12-01") as again:
        assert again is None
    with scheduled_run_claim("send_action_reminders", slot="2026-12-02") as tomorrow:
        assert tomorrow is not None
    with scheduled_run_claim("apply_retention", slot="2026-12-01") as other_job:
        assert other_job is not None


def test_a_failed_run_frees_its_slot_for_the_next_start(db):
    with pytest.raises(RuntimeError), scheduled_run_claim("apply_retention", slot="2026-12-01"):
        raise RuntimeError("the mail server was down")
    assert not ScheduledRun.objects.exists()
    with scheduled_run_claim("apply_retention", slot="2026-12-01") as retry:
        assert retry is not None


def test_slots_are_days_and_iso_weeks_in_the_site_time_zone():
    late_sunday = datetime(2026, 12, 6, 23, 30, tzinfo=LONDON)
    assert schedule_slot("day", now=late_sunday) == "2026-12-06"
    assert schedule_slot("week", now=late_sunday) == "2026-W49"
    assert schedule_slot("hour", now=late_sunday) == "2026-12-06T23"
    assert schedule_slot("month", now=late_sunday) == "2026-12"
    with pytest.raises(ValueError):
        schedule_slot("fortnight", now=late_sunday)


def test_run_scheduled_runs_the_command_once_per_day(db):
    first, second = io.StringIO(), io.StringIO()
    call_command("run_scheduled", "send_review_reminders", stdout=first)
    call_command("run_scheduled", "send_review_reminders", stdout=second)
    slot = schedule_slot("day")
    assert first.getvalue().rstrip().endswith(f"send_review_reminders {slot}: done.")
    assert "skipped" in second.getvalue() and "done." not in second.getvalue()
    assert ScheduledRun.objects.get().finished_at is not None


def test_run_scheduled_refuses_a_job_that_is_not_scheduled(db):
    with pytest.raises(CommandError):
        call_command("run_scheduled", "backup_restore", stdout=io.StringIO())
    assert not ScheduledRun.objects.exists()


def test_weekly_digests_run_once_per_iso_week(db):
    call_command("run_scheduled", "send_weekly_digests", stdout=io.StringIO())
    assert ScheduledRun.objects.get().slot == schedule_slot("week")
