"""Exports are safe to open: text that starts like a formula never becomes one.

Every CSV and XLSX the product writes is opened the way a spreadsheet would (openpyxl for XLSX,
the csv module for CSV) with hostile text in every text column a resident or staff member
controls: comments, theme names and service names.
"""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from core import roles
from core.spreadsheets import safe_cell
from insights.exports import report_export_request
from insights.filters import FeedbackFilter
from insights.rollups import rollups_rebuild
from surveys.services import responses_export
from tests.insights.factories import response_with
from themes.models import Theme

PREFIXES = ["=", "+", "-", "@", "\t", "\r", " ="]
PERIOD = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))


def _payload(prefix):
    return f'{prefix}HYPERLINK("http://evil.example","x")'


def _xlsx_cells(content):
    book = load_workbook(io.BytesIO(bytes(content)))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_no_formulas_xlsx(content, payload):
    cells = _xlsx_cells(content)
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a cell is a live formula"
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert any(payload in text for text in texts), "the hostile text is kept, as text"
    assert not any(text.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for text in texts)


def _assert_no_formulas_csv(content, payload):
    text = content.decode() if isinstance(content, bytes | memoryview) else content
    text = bytes(text).decode() if isinstance(text, memoryview) else text
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert any(payload in cell for cell in cells)
    assert not any(cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.fixture
def lead(django_user_model):
    user = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    user.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    return user


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_responses_export_neutralises_formulas(lead, touchpoint, prefix, file_format):
    payload = _payload(prefix)
    response_with(touchpoint, date(2026, 3, 5), text=payload)
    export = responses_export(user=lead, filters={}, file_format=file_format, with_comments=True)
    check = _assert_no_formulas_xlsx if file_format == "xlsx" else _assert_no_formulas_csv
    check(export.content, payload.lstrip(" ")[1:] if prefix.strip() else payload.strip())


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize(
    ("kind", "file_format"),
    [
        ("themes", "csv"),
        ("themes", "xlsx"),
        ("summary", "csv"),
        ("summary", "xlsx"),
        ("cqc_pack", "xlsx"),
    ],
)
def test_insights_exports_neutralise_formulas_in_theme_names(
    lead, touchpoint, prefix, kind, file_format
):
    payload = _payload(prefix)
    Theme.objects.filter(key="waiting_times").update(name=payload)
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), themes=["waiting_times"], text="Too slow.")
    rollups_rebuild(start=date(2026, 3, 1), end=date(2026, 3, 31))
    job = report_export_request(
        user=lead, kind=kind, file_format=file_format, feedback_filter=PERIOD
    )
    check = _assert_no_formulas_xlsx if file_format == "xlsx" else _assert_no_formulas_csv
    check(job.content, payload.lstrip(" ")[1:] if prefix.strip() else payload.strip())


def test_numbers_stay_numbers_and_plain_text_is_untouched():
    assert safe_cell(-3.5) == -3.5
    assert safe_cell(12) == 12
    assert safe_cell("Waiting times") == "Waiting times"
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("@cmd") == "'@cmd"
