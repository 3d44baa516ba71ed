"""Board-history files: one XLSX workbook with a sheet per kind, a zip of CSVs (one per kind,
named by its code, such as `actions.csv`), or one CSV of one kind.

Every cell goes through `core.spreadsheets`, so text that starts with = + - @ is written with
a `'` in front and never becomes a formula. Reading takes exactly one leading `'` off again;
text that really starts with `'` is written with a second one, so what is read is what was
written.
"""

import io
import zipfile
from pathlib import Path

import tablib
from django.conf import settings
from django.utils import translation

from core.spreadsheets import databook_export, dataset_export

SUFFIXES = (".xlsx", ".zip", ".csv")


class HistoryFileError(ValueError):
    """The file can't be read as a board's history."""


def _escaped(dataset):
    copy = tablib.Dataset(headers=dataset.headers)
    copy.title = dataset.title
    for row in dataset:
        copy.append([f"'{cell}" if _quoted(cell) else cell for cell in row])
    return copy


def _quoted(cell):
    return isinstance(cell, str) and cell.startswith("'")


def history_file_write(path, sheets):
    """Write `sheets` (code → dataset) to `path`: .xlsx, .zip or, for one sheet, .csv."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        path.write_bytes(databook_export([_escaped(d) for d in sheets.values()], "xlsx"))
    elif suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for code, dataset in sheets.items():
                archive.writestr(f"{code}.csv", dataset_export(_escaped(dataset), "csv"))
    elif suffix == ".csv" and len(sheets) == 1:
        path.write_text(dataset_export(_escaped(next(iter(sheets.values()))), "csv"))
    else:
        raise HistoryFileError("Write to a .xlsx or .zip file (a .csv holds one kind).")


def _sheet_names(resources):
    """Each sheet's code and its title in every language of the site, for its code."""
    names = {}
    for code, resource in resources.items():
        names[code] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names[str(resource.sheet_title)] = code
    return names


def _unquoted(cell):
    return cell[1:] if _quoted(cell) else cell


def _blank(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cleaned(headers, rows):
    """A dataset with text headers, no unnamed columns, no empty rows, and the `'` that kept
    text from being a formula taken off."""
    keep = [i for i, header in enumerate(headers) if not _blank(header)]
    dataset = tablib.Dataset(headers=[str(headers[i]).strip() for i in keep])
    for row in rows:
        cells = [row[i] if i < len(row) else None for i in keep]
        if not all(_blank(cell) for cell in cells):
            dataset.append(["" if cell is None else _unquoted(cell) for cell in cells])
    return dataset


def _read_csv(text):
    table = tablib.Dataset().load(text.lstrip("\ufeff"), format="csv", headers=False)
    rows = list(table)
    return _cleaned(rows[0], rows[1:]) if rows else None


def history_file_read(path, resources, kind=None):
    """The sheets in the file at `path`, as code → dataset. `resources` maps each code to
    its resource; a lone CSV is of `kind`, or of the kind its file name says."""
    path = Path(path)
    suffix = path.suffix.lower()
    names = _sheet_names(resources)
    if suffix == ".xlsx":
        found = _read_xlsx(path.read_bytes())
    elif suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            found = {
                Path(name).stem: _read_csv(archive.read(name).decode("utf-8-sig"))
                for name in archive.namelist()
                if name.lower().endswith(".csv")
            }
    elif suffix == ".csv":
        found = {kind or path.stem: _read_csv(path.read_text(encoding="utf-8-sig"))}
    else:
        raise HistoryFileError("Choose a .xlsx, .zip or .csv file.")
    unknown = sorted(name for name in found if name not in names)
    if unknown:
        raise HistoryFileError(
            f"This import doesn't know the sheet {', '.join(unknown)}. "
            f"Sheets are named {', '.join(resources)}."
        )
    return {names[name]: sheet for name, sheet in found.items() if sheet is not None}


def _read_xlsx(content):
    book = tablib.Databook()
    try:
        book.load(io.BytesIO(content), "xlsx")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise HistoryFileError("The file is not an XLSX workbook.") from error
    found = {}
    for sheet in book.sheets():
        rows = [sheet.headers or [], *sheet]
        found[sheet.title] = _cleaned(rows[0], rows[1:]) if rows[0] else None
    return found
