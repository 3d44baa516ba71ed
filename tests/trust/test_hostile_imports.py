"""Random and hostile files at the staff import: a clean import or a clear error, never a 500.

`read_rows` either returns rows or raises ImportFileError; `validate_rows` never raises; a file
without row errors imports completely, with comment text cleaned like any other channel.
"""

import base64
import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from surveys.imports import ImportFileError, import_rows, read_rows, validate_rows
from surveys.models import FreeTextAnswer, Response
from surveys.submission import clean_text
from tests.trust.strategies import hostile_text

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = ["touchpoint", "date", "channel", "overall", "went_well", "do_better", "reference"]
cell = st.one_of(
    hostile_text,
    st.sampled_from(["hd7k2", "HD7K2 ", "2026-02-01", "01/02/2026", "paper", "Good", "poor", ""]),
)
row = st.fixed_dictionaries(dict.fromkeys(HEADER, cell))
GOOD_COLUMNS = ["touchpoint", "date", "overall", "went_well", "do_better"]
good_row = st.fixed_dictionaries(
    {
        "touchpoint": st.just("hd7k2"),
        "date": st.sampled_from(["2026-01-31", "31/01/2026"]),
        "overall": st.sampled_from(["Good", "poor", "very_good"]),
        "went_well": hostile_text,
        "do_better": hostile_text,
    }
)


def _csv(rows, columns):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _xlsx(rows, columns):
    book = Workbook()
    sheet = book.active
    sheet.append(columns)
    for values in rows:
        # Excel itself can't hold control characters, so no real XLSX file carries them.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", str(values.get(c, ""))) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read_validate_import(name, content):
    """The import pipeline: returns 'file error', 'row errors' or the number stored."""
    before = (Response.objects.count(), FreeTextAnswer.objects.count())
    try:
        rows = validate_rows(read_rows(name, content))
    except ImportFileError as error:
        assert str(error)
        return "file error"
    if any(r.errors for r in rows):
        assert all(isinstance(message, str) for r in rows for message in r.errors)
        with pytest.raises(ValueError):
            import_rows(rows)
        assert (Response.objects.count(), FreeTextAnswer.objects.count()) == before
        return "row errors"
    created, existing = import_rows(rows)
    assert created + existing == len(rows)
    return created


@FUZZ
@given(
    content=st.binary(max_size=3000), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "A.CSV"])
)
def test_random_bytes_are_a_file_error_or_rows(touchpoint, content, name):
    _read_validate_import(name, content)


@FUZZ
@given(
    prefix=st.sampled_from([b"PK\x03\x04", b"\xef\xbb\xbf", b"touchpoint,date\n", b"\xff\xfe"]),
    content=st.binary(max_size=2000),
)
def test_files_that_look_like_csv_or_xlsx_but_are_damaged(touchpoint, prefix, content):
    _read_validate_import("cards.xlsx", prefix + content)
    _read_validate_import("cards.csv", prefix + content)


@FUZZ
@given(rows=st.lists(row, max_size=6), kind=st.sampled_from(["csv", "xlsx"]))
def test_hostile_cells_are_row_errors_or_imported(touchpoint, rows, kind):
    content = _csv(rows, HEADER) if kind == "csv" else _xlsx(rows, HEADER)
    _read_validate_import(f"cards.{kind}", content)


@FUZZ
@given(rows=st.lists(good_row, min_size=1, max_size=4))
def test_valid_rows_with_hostile_comments_store_the_cleaned_text(touchpoint, rows):
    Response.objects.all().delete()
    result = _read_validate_import("cards.csv", _csv(rows, GOOD_COLUMNS))
    if result in ("file error", "row errors"):
        # Only a comment over 5,000 characters is a row error here.
        assert (
            any(
                len(r["went_well"].strip()) > 5000 or len(r["do_better"].strip()) > 5000
                for r in rows
            )
            or result == "file error"
        )
        return
    stored = sorted(FreeTextAnswer.objects.values_list("text", flat=True))
    expected = sorted(
        clean_text(r[purpose])
        for r in rows
        for purpose in ("went_well", "do_better")
        if clean_text(r[purpose])
    )
    assert stored == expected


def test_csv_with_ragged_rows_is_a_clear_file_error(touchpoint):
    with pytest.raises(ImportFileError):
        read_rows("cards.csv", b"touchpoint,date\nhd7k2,2026-01-01,extra,cells\n")


@FUZZ
@given(content=st.binary(max_size=1500), name=st.sampled_from(["x.csv", "x.xlsx", "x.exe"]))
def test_import_view_previews_or_explains_any_upload(staff_client, touchpoint, content, name):
    page = staff_client.post("/admin/feedback/import/", {"file": SimpleUploadedFile(name, content)})
    assert page.status_code == 200


@FUZZ
@given(content=st.text(max_size=300), filename=hostile_text)
def test_import_confirm_with_tampered_content_never_fails(
    staff_client, touchpoint, content, filename
):
    before = Response.objects.count()
    page = staff_client.post(
        "/admin/feedback/import/", {"confirm": "1", "filename": filename, "content": content}
    )
    assert page.status_code == 302
    assert Response.objects.count() == before


def test_import_confirm_with_a_valid_tampered_file_still_checks_every_row(staff_client, touchpoint):
    content = base64.b64encode(b"touchpoint,date,overall\nhd7k2,2026-01-01,\x00\n").decode()
    page = staff_client.post(
        "/admin/feedback/import/", {"confirm": "1", "filename": "x.csv", "content": content}
    )
    assert page.status_code == 302
    assert Response.objects.count() == 0
