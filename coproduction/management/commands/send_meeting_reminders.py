from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from coproduction import reminders


class Command(BaseCommand):
    help = (
        "Email each current member of a board a reminder of its meetings a week before and a "
        "day before, with the place, access arrangements, links to the papers and a calendar "
        "file. Each reminder is sent once: safe to run daily, or twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, dry_run, **options):
        with transaction.atomic():
            sent = reminders.meeting_reminders_send(dry_run=dry_run)
        labels = {reminders.WEEK: "a week before", reminders.DAY: "a day before"}
        for kind, meetings in sent.items():
            verb = "Would remind" if dry_run else "Reminded"
            self.stdout.write(f"{verb} members of {len(meetings)} meeting(s) {labels[kind]}.")
            for meeting, count in meetings:
                emails = "" if dry_run else f" ({count} email(s))"
                starts = timezone.localtime(meeting.starts_at)
                self.stdout.write(
                    f"  {starts:%d %b %Y %H:%M}  {meeting.board}: {meeting.title}{emails}"
                )
        self.stdout.write(self.style.SUCCESS("Done."))
