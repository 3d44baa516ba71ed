from django.core.management.base import BaseCommand
from django.db import transaction

from coproduction import services


class Command(BaseCommand):
    help = "Email owners of open actions due soon. Each action is reminded once per due date."

    def add_arguments(self, parser):
        parser.add_argument("--days-ahead", type=int, default=7)
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, days_ahead, dry_run, **options):
        with transaction.atomic():
            actions = services.action_reminders_send(days_ahead=days_ahead, dry_run=dry_run)
        for action in actions:
            self.stdout.write(f"  {action.due_on:%d %b %Y}  {action.board}: {action.title}")
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(actions)} action owner(s)."))
