from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from import_export.formats.base_formats import CSV, XLSX

from coproduction.resources import RESOURCES

FORMATS = {".csv": CSV, ".xlsx": XLSX}


class Command(BaseCommand):
    help = "Export or import a board's meetings, minutes or actions as CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("direction", choices=["export", "import"])
        parser.add_argument("kind", choices=sorted(RESOURCES))
        parser.add_argument("path", type=Path, help="A .csv or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Import: check, save nothing.")

    def handle(self, *args, direction, kind, path, dry_run, **options):
        file_format = FORMATS.get(path.suffix.lower())
        if file_format is None:
            raise CommandError("The file must end in .csv or .xlsx.")
        resource = RESOURCES[kind]()
        if direction == "export":
            data = file_format().export_data(resource.export())
            path.write_bytes(data.encode() if isinstance(data, str) else data)
            self.stdout.write(self.style.SUCCESS(f"Exported {kind} to {path}."))
            return
        self._import(resource, file_format(), path, dry_run)

    def _import(self, resource, file_format, path, dry_run):
        mode = "rb" if file_format.is_binary() else "r"
        with path.open(mode) as handle:
            dataset = file_format.create_dataset(handle.read())
        with transaction.atomic():
            result = resource.import_data(dataset, dry_run=dry_run, raise_errors=False)
            if result.has_errors() or result.has_validation_errors():
                transaction.set_rollback(True)
                raise CommandError(f"Nothing imported: {self._first_error(result)}")
        totals = ", ".join(f"{count} {name}" for name, count in result.totals.items() if count)
        prefix = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {totals or 'no changes'}."))

    @staticmethod
    def _first_error(result):
        for row in result.invalid_rows:
            return f"row {row.number}: {row.error_dict}"
        for row_number, errors in result.row_errors():
            return f"row {row_number}: {errors[0].error}"
        return "unknown error"
