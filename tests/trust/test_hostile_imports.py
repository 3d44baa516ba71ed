"""Random and hostile files at the staff import: a clean import or a clear error, never a 500.

`read_rows` either returns rows or raises ImportFileError; `validate_rows` never raises; a file
without row errors imports completely, with comment text cleaned like any other channel.
"""

import csv
import io
import struct
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from surveys.imports import (
    PENDING_FOLDER,
    ImportFileError,
    import_rows,
    pending_file_take,
    read_rows,
    validate_rows,
)
from surveys.models import FreeTextAnswer, Response
from surveys.staff.imports import PENDING_SESSION_KEY
from surveys.submission import clean_text
from tests.trust.strategies import hostile_text

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
URL = "/admin/feedback/import/"
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
    page = staff_client.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert page.status_code == 200


@FUZZ
@given(token=st.one_of(hostile_text, st.text("0123456789abcdef", min_size=32, max_size=32)))
def test_import_confirm_with_a_made_up_token_never_fails(staff_client, touchpoint, token):
    before = Response.objects.count()
    page = staff_client.post(URL, {"confirm": "1", "upload": token})
    assert page.status_code == 302
    assert Response.objects.count() == before


@pytest.mark.parametrize(
    "token",
    [
        "../secret.csv",
        "../../media/secret.csv",
        "imports-pending/../secret.csv",
        "/etc/passwd",
        "%2e%2e%2fsecret.csv",
        "..\\secret.csv",
        "secret.csv",
    ],
)
def test_import_confirm_never_opens_a_path_from_the_request(
    staff_client, staff_user, touchpoint, token
):
    clean = b"touchpoint,date,overall\nhd7k2,2026-01-01,good\n"
    default_storage.save("secret.csv", ContentFile(clean))
    default_storage.save(f"{PENDING_FOLDER}/secret.csv", ContentFile(clean))
    session = staff_client.session
    # Even a session holding the name (it never would: we make the names) opens nothing.
    entry = {"filename": "x.csv", "user": staff_user.pk, "saved": time.time()}
    session[PENDING_SESSION_KEY] = {token: entry}
    session.save()
    page = staff_client.post(URL, {"confirm": "1", "upload": token})
    assert page.status_code == 302
    assert Response.objects.count() == 0
    assert pending_file_take(token) is None
    assert default_storage.exists("secret.csv")
    assert default_storage.exists(f"{PENDING_FOLDER}/secret.csv")


def test_a_pending_file_changed_in_storage_still_has_every_row_checked(staff_client, touchpoint):
    clean = b"touchpoint,date,overall\nhd7k2,2026-01-01,good\n"
    preview = staff_client.post(URL, {"file": SimpleUploadedFile("x.csv", clean)})
    token = preview.context["confirm"].initial["upload"]
    name = f"{PENDING_FOLDER}/{token}"
    default_storage.delete(name)
    default_storage.save(name, ContentFile(b"touchpoint,date,overall\nhd7k2,2026-01-01,\x00\n"))
    page = staff_client.post(URL, {"confirm": "1", "upload": token})
    assert page.status_code == 302
    assert Response.objects.count() == 0


SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = b"</sheetData></worksheet>"
TEXT_CELL = b'<c t="inlineStr"><is><t>hd7k2</t></is></c>'


def _xlsx_with_sheet(*chunks, force_zip64=True):
    """A workbook saved by openpyxl, its first sheet's XML replaced by `chunks` (bytes)."""
    book = Workbook()
    book.active.append(["touchpoint"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info))
                continue
            with dst.open(SHEET, "w", force_zip64=force_zip64) as sheet:
                for chunk in chunks:
                    sheet.write(chunk)
    return out.getvalue()


def _bomb(unpacked_mb, cells_per_row=50):
    """Like the pen-test's: rows of identical cells, which deflate packs hundreds to one."""
    row = b"<row>" + TEXT_CELL * cells_per_row + b"</row>"
    rows = row * (1024 * 1024 // len(row))
    header = b'<row><c t="inlineStr"><is><t>touchpoint</t></is></c></row>'
    return _xlsx_with_sheet(SHEET_START, header, *[rows] * unpacked_mb, SHEET_END)


def _read_measured(content, monkeypatch):
    """read_rows's error, seconds and peak memory; openpyxl must never be asked to parse."""
    parsed = []
    monkeypatch.setattr("surveys.imports.load_workbook", lambda *a, **k: parsed.append(a))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ImportFileError) as error:
            read_rows("cards.xlsx", content)
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert parsed == []
    return str(error.value), seconds, peak


def test_a_zip_bomb_is_refused_from_the_zip_directory(monkeypatch):
    content = _bomb(141)  # the pen-test's file: about 500 KB that unpacks to 141 MB
    assert len(content) < 1024 * 1024
    message, seconds, peak = _read_measured(content, monkeypatch)
    assert message == (
        "The spreadsheet holds more than 50 MB once unpacked. "
        "Split it into smaller files, or save it as 'CSV UTF-8'."
    )
    assert seconds < 10
    assert peak < 100 * 1024 * 1024


def test_a_small_bomb_under_the_size_limit_is_refused_for_its_packing(monkeypatch):
    message, seconds, peak = _read_measured(_bomb(40), monkeypatch)
    assert message.startswith("The spreadsheet is built in an unusual way, so it was not opened.")
    assert seconds < 10 and peak < 100 * 1024 * 1024


def test_a_zip_that_understates_its_sizes_is_cut_off_at_the_stated_size(monkeypatch):
    rows = (b"<row>" + TEXT_CELL * 50 + b"</row>") * 20000  # 43 MB
    content = bytearray(_xlsx_with_sheet(SHEET_START, rows, SHEET_END, force_zip64=False))
    # The central directory says the sheet unpacks to 100 KB, which passes every size check.
    entry = content.find(b"PK\x01\x02")
    while content[entry + 46 : entry + 46 + len(SHEET)] != SHEET.encode():
        entry = content.find(b"PK\x01\x02", entry + 4)
    content[entry + 24 : entry + 28] = struct.pack("<I", 100 * 1024)
    message, seconds, peak = _read_measured(bytes(content), monkeypatch)
    assert message.startswith("The file could not be read: Bad CRC-32")
    assert seconds < 10 and peak < 100 * 1024 * 1024


def test_a_tiny_sheet_that_claims_a_million_rows_is_refused(monkeypatch):
    content = _xlsx_with_sheet(
        SHEET_START.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>'),
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>touchpoint</t></is></c></row>',
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>hd7k2</t></is></c></row>',
        SHEET_END,
    )
    message, seconds, _peak = _read_measured(content, monkeypatch)
    assert message.startswith("The file has more than 20,000 rows. Split it into files")
    assert seconds < 10


def test_a_row_with_thousands_of_cells_is_refused(monkeypatch):
    row = b"<row>" + b'<c t="inlineStr"><is><t>touchpoint</t></is></c>' * 5000 + b"</row>"
    message, _seconds, _peak = _read_measured(
        _xlsx_with_sheet(SHEET_START, row, SHEET_END), monkeypatch
    )
    assert message == "Row 1 has more than 100 columns. Delete the columns you don't need."


@pytest.mark.parametrize(
    "limit, value, message",
    [
        ("XLSX_MAX_CELLS", 10, "The spreadsheet has more than 10 cells."),
        ("XLSX_MAX_ELEMENTS", 50, "The spreadsheet is built in an unusual way"),
        ("XLSX_MAX_MEMBERS", 3, "The spreadsheet is built in an unusual way"),
    ],
)
def test_each_xlsx_limit_has_a_clear_message(monkeypatch, limit, value, message):
    monkeypatch.setattr(f"surveys.imports.{limit}", value)
    rows = (b"<row>" + TEXT_CELL * 3 + b"</row>") * 5
    error, _seconds, _peak = _read_measured(
        _xlsx_with_sheet(SHEET_START, rows, SHEET_END), monkeypatch
    )
    assert error.startswith(message)


def test_entities_are_refused_before_they_can_expand(monkeypatch):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row>'
    )
    error, _seconds, _peak = _read_measured(_xlsx_with_sheet(laughs, SHEET_END), monkeypatch)
    assert error.startswith("The spreadsheet is built in an unusual way")
