from django.core.management.base import BaseCommand

from core.backups import backup_export


class Command(BaseCommand):
    help = (
        "Export everything in the database (responses, themes, boards, minutes, pages) to one "
        "file for backup_restore. Back up the uploaded files' storage as well: they are not in it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="e.g. backup-2026-06-15.json.gz (.gz, .bz2, .xz compress)")

    def handle(self, *args, file, **options):
        counts = backup_export(file, stdout=self.stdout)
        for label, count in counts.items():
            if count:
                self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Exported {sum(counts.values())} rows to {file}"))
