from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.schedule import EVERY, schedule_slot, scheduled_run_claim

# The jobs a timer may start (deploy/systemd/), each a management command of its own: how
# often each runs at most, and its arguments.
SCHEDULED_JOBS = {
    "apply_retention": ("day", []),
    "send_review_reminders": ("day", []),
    "send_action_reminders": ("day", []),
    "send_meeting_reminders": ("day", []),
    "send_weekly_digests": ("week", []),
    "insights_rollups": ("day", []),
    "prune_db_task_results": ("day", ["--min-age-days", "1"]),
}


class Command(BaseCommand):
    help = (
        "Run a scheduled job once for this day (or week, hour, month), however many servers "
        "start it: `run_scheduled apply_retention --every day`."
    )

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(SCHEDULED_JOBS))
        parser.add_argument(
            "--every", choices=EVERY, help="Default: week for the weekly digests, else day."
        )

    def handle(self, *args, job, every, **options):
        default_every, arguments = SCHEDULED_JOBS[job]
        slot = schedule_slot(every or default_every)
        with scheduled_run_claim(job, slot=slot) as run:
            if run is None:
                self.stdout.write(f"{job} {slot}: already run or running elsewhere; skipped.")
                return
            call_command(job, *arguments, stdout=self.stdout, stderr=self.stderr)
            self.stdout.write(f"{job} {slot}: done.")
