"""Spreadsheets that are safe to open: no cell of ours becomes a live formula.

A comment or a name that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (OWASP "CSV injection"). Every CSV and XLSX
the product writes goes through `dataset_export` / `databook_export`, which put a `'` in front
of such text, as OWASP advises: the cell shows the text, never runs it. Numbers stay numbers.
"""

import tablib

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def dataset_neutralised(dataset):
    """A copy of `dataset` with every text cell safe to open."""
    safe = tablib.Dataset(headers=[safe_cell(h) for h in dataset.headers or []] or None)
    safe.title = dataset.title
    for row in dataset:
        safe.append([safe_cell(cell) for cell in row])
    return safe


def dataset_export(dataset, file_format):
    """`dataset` as bytes or text in `file_format` ("csv" or "xlsx")."""
    return dataset_neutralised(dataset).export(file_format)


def databook_export(sheets, file_format="xlsx"):
    """Several datasets as one workbook, each sheet neutralised."""
    return tablib.Databook([dataset_neutralised(sheet) for sheet in sheets]).export(file_format)
