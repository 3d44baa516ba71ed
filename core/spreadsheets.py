"""Spreadsheets that are safe to open and read: no cell of ours becomes a live formula, and
every sheet has a title and column headers in words, in the language of the person exporting.

A comment or a name that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (OWASP "CSV injection"). Every CSV and XLSX
the product writes goes through `dataset_export` / `databook_export`, which put a `'` in front
of such text, headers included, as OWASP advises: the cell shows the text, never runs it.
Numbers stay numbers.

Headers and titles are lazy translations turned into text when the export runs, so they come
out in the language active then. A file that is read back in (the boards' history) keeps its
field codes as headers: that is the format its import reads.
"""

import tablib

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def dataset_neutralised(dataset):
    """A copy of `dataset` with every text cell safe to open; lazy headers and title become
    text in the active language."""
    headers = [safe_cell(h if h is None else str(h)) for h in dataset.headers or []]
    safe = tablib.Dataset(headers=headers or None)
    safe.title = str(dataset.title) if dataset.title else None
    for row in dataset:
        safe.append([safe_cell(cell) for cell in row])
    return safe


def dataset_export(dataset, file_format):
    """`dataset` as bytes or text in `file_format` ("csv" or "xlsx")."""
    return dataset_neutralised(dataset).export(file_format)


def databook_export(sheets, file_format="xlsx"):
    """Several datasets as one workbook, each sheet neutralised."""
    return tablib.Databook([dataset_neutralised(sheet) for sheet in sheets]).export(file_format)


class LabelledExportMixin:
    """For an import-export resource: its export is titled `sheet_title` and each column headed
    by its label in `column_labels` (code -> lazy label), in the language active at export.
    Columns without a label keep their code; leave `column_labels` empty for a file that is
    imported again, whose headers must stay codes."""

    sheet_title = None
    column_labels = {}

    def get_export_headers(self, selected_fields=None):
        codes = super().get_export_headers(selected_fields=selected_fields)
        return [str(self.column_labels.get(code, code)) for code in codes]

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset=queryset, **kwargs)
        dataset.title = str(self.sheet_title) if self.sheet_title else None
        return dataset
