from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.schedule import EVERY, schedule_slot, scheduled_run_claim

# The jobs a timer may start (docs/deployment.md), each a management command of its own.
SCHEDULED_JOBS = {
    "apply_retention",
    "send_review_reminders",
    "send_action_reminders",
    "send_meeting_reminders",
    "send_weekly_digests",
    "insights_rollups",
}


class Command(BaseCommand):
    help = (
        "Run a scheduled job once for this day (or week, hour, month), however many servers "
        "start it: `run_scheduled apply_retention --every day`."
    )

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(SCHEDULED_JOBS))
        parser.add_argument("--every", choices=EVERY, default="day")

    def handle(self, *args, job, every, **options):
        slot = schedule_slot(every)
        with scheduled_run_claim(job, slot=slot) as run:
            if run is None:
                self.stdout.write(f"{job} {slot}: already run or running elsewhere; skipped.")
                return
            call_command(job, stdout=self.stdout, stderr=self.stderr)
            self.stdout.write(f"{job} {slot}: done.")
