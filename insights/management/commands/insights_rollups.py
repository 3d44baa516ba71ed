"""Recount the monthly roll-ups the dashboard reads.

    python manage.py insights_rollups            # the last 3 months: run nightly
    python manage.py insights_rollups --all      # every month with responses (after an upgrade)
    python manage.py insights_rollups --start 2025-04-01 --end 2026-03-31

Tagging adds each response's counts as it goes (insights.rollups.rollups_add_response); a nightly
run picks up what changes counts after tagging: staff confirming or rejecting tags and
safeguarding flags recorded later.
"""

import time
from datetime import date

from django.core.management import BaseCommand, CommandError
from django.db.models import Max, Min
from django.utils import timezone

from insights.periods import month_start, previous_month
from insights.rollups import rollups_rebuild
from surveys.models import Response

NIGHTLY_MONTHS = 3


class Command(BaseCommand):
    help = "Recount the monthly roll-ups behind the insights dashboard and reports."

    def add_arguments(self, parser):
        parser.add_argument("--start", type=date.fromisoformat)
        parser.add_argument("--end", type=date.fromisoformat)
        parser.add_argument("--all", action="store_true", help="Every month with responses.")

    def handle(self, *args, **options):
        start, end = self._range(options)
        if start is None:
            self.stdout.write("No responses yet: nothing to count.")
            return
        if start > end:
            raise CommandError("--start must not be after --end.")
        started = time.perf_counter()
        written = rollups_rebuild(start=start, end=end)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Recounted {start:%B %Y} to {end:%B %Y}: {written:,} roll-up rows in {seconds:.1f} s."
        )

    def _range(self, options):
        if options["all"]:
            found = Response.objects.aggregate(first=Min("submitted_on"), last=Max("submitted_on"))
            return found["first"], found["last"]
        today = timezone.localdate()
        start = month_start(today)
        for _month in range(NIGHTLY_MONTHS - 1):
            start = previous_month(start)
        return options["start"] or start, options["end"] or today
