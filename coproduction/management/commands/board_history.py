from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coproduction.history.files import HistoryFileError, history_file_read, history_file_write
from coproduction.history.services import HistoryImportError, history_export, history_import
from coproduction.models import Board
from coproduction.resources import RESOURCES


class Command(BaseCommand):
    help = (
        "Export a board's whole history (every board's without --board) as one .xlsx workbook "
        "or a .zip of CSVs, or import such a file, all or nothing. See coproduction/history."
    )

    def add_arguments(self, parser):
        parser.add_argument("direction", choices=["export", "import"])
        parser.add_argument("path", type=Path, help="A .xlsx or .zip file (or one kind's .csv).")
        parser.add_argument("--board", help="Export: only this board (its slug).")
        parser.add_argument(
            "--kind",
            choices=sorted(RESOURCES),
            help="A .csv file: the one kind it holds (default: its file name, e.g. actions.csv).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Import: check, save nothing.")

    def handle(self, *args, direction, path, board, kind, dry_run, **options):
        try:
            if direction == "export":
                self._export(path, board, kind)
            else:
                self._import(path, kind, dry_run)
        except HistoryFileError as error:
            raise CommandError(str(error)) from error

    def _export(self, path, slug, kind):
        board = None
        if slug:
            board = Board.objects.filter(slug=slug).first()
            if board is None:
                raise CommandError(f"There is no board '{slug}'.")
        sheets = history_export(board=board)
        if path.suffix.lower() == ".csv":
            sheets = {kind or path.stem: sheets.get(kind or path.stem)}
            if None in sheets.values():
                raise CommandError("A .csv holds one kind: name it with --kind.")
        history_file_write(path, sheets)
        rows = sum(len(sheet) for sheet in sheets.values())
        self.stdout.write(self.style.SUCCESS(f"Exported {rows} rows to {path}."))

    def _import(self, path, kind, dry_run):
        sheets = history_file_read(path, RESOURCES, kind=kind)
        try:
            result = history_import(sheets, dry_run=dry_run)
        except HistoryImportError as error:
            count = len(error.problems)
            raise CommandError(f"Nothing imported: {count} problem(s).\n{error}") from error
        counts = ", ".join(
            f"{result.count(kind)} {kind}"
            for kind in ("new", "update", "skip")
            if result.count(kind)
        )
        prefix = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {counts or 'nothing'}."))
