from django.core.management.base import BaseCommand

from insights import digests


class Command(BaseCommand):
    help = (
        "Email each lead who asked for it a digest of the last seven days' responses to their "
        "services: counts, themes and redacted quotes, never comment text. Each week is sent "
        "once: safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, dry_run, **options):
        sent = digests.weekly_digests_send(dry_run=dry_run)
        verb = "Would email" if dry_run else "Emailed"
        self.stdout.write(f"{verb} {len(sent)} digest(s).")
        for user, services in sent:
            names = ", ".join(service.name for service in services)
            self.stdout.write(f"  {user.email}: {names}")
        self.stdout.write(self.style.SUCCESS("Done."))
