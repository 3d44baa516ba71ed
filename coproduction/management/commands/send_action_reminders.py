from django.core.management.base import BaseCommand
from django.db import transaction

from coproduction import services


class Command(BaseCommand):
    help = (
        "Email owners of open actions due soon (once per due date), chase owners of overdue "
        "actions (once a week until done or re-dated) and tell each board's officers which "
        "actions need an owner (once a week). Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days-ahead", type=int, default=7)
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, days_ahead, dry_run, **options):
        with transaction.atomic():
            due = services.action_reminders_send(days_ahead=days_ahead, dry_run=dry_run)
            overdue = services.action_overdue_reminders_send(dry_run=dry_run)
            ownerless = services.action_owner_digests_send(dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        self._list(due, f"{verb} {len(due)} owner(s) of actions due soon.")
        self._list(overdue, f"{verb} {len(overdue)} owner(s) of overdue actions.")
        for board, actions in ownerless.items():
            self._list(actions, f"  {board}: {len(actions)} action(s) need an owner")
        verb = "Would tell" if dry_run else "Told"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} the officers of {len(ownerless)} board(s) about actions needing an owner."
            )
        )

    def _list(self, actions, heading):
        self.stdout.write(heading)
        for action in actions:
            due = f"{action.due_on:%d %b %Y}" if action.due_on else "no due date"
            self.stdout.write(f"  {due}  {action.board}: {action.title}")
