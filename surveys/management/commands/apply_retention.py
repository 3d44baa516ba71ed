from django.core.management.base import BaseCommand
from django.utils import timezone

from surveys.retention import RetentionCutoffs, retention_apply


class Command(BaseCommand):
    help = (
        "Redact or remove old comments and delete expired contact details, as set by the "
        "RETENTION_* settings. Idempotent: safe to run every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        cutoffs = RetentionCutoffs.from_settings(today)
        self.stdout.write(f"Comments given before {cutoffs.free_text}: text redacted or removed")
        self.stdout.write(f"Contact requests closed before {cutoffs.closed_contact}: deleted")
        self.stdout.write(f"Contact requests open since before {cutoffs.open_contact}: deleted")
        if cutoffs.response:
            self.stdout.write(f"Responses given before {cutoffs.response}: deleted")
        report = retention_apply(dry_run=dry_run, today=today)
        prefix = "Would have" if dry_run else "Done:"
        for name, count in report.as_dict().items():
            self.stdout.write(f"{prefix} {name.replace('_', ' ')}: {count}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Retention applied."))
