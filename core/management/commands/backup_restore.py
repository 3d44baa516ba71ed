from django.core.management.base import BaseCommand, CommandError

from core.backups import backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup_export file into this (migrated) database, replacing everything in "
        "it. Runs in one transaction: on any error nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Don't ask to confirm."
        )

    def handle(self, *args, file, interactive=True, **options):
        if interactive:
            answer = input(
                f"This deletes everything in the database, then loads {file}. Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled. Nothing was changed.")
        counts = backup_restore(file, stdout=self.stdout)
        for label, count in counts.items():
            if count:
                self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Restored {sum(counts.values())} rows from {file}"))
