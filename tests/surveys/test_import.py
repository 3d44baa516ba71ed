import io

import pytest
from openpyxl import Workbook

from surveys.choices import Channel
from surveys.imports import ImportFileError, import_rows, read_rows, validate_rows
from surveys.models import FreeTextAnswer, Response

GOOD_CSV = (
    "touchpoint,date,channel,overall,went_well,do_better,helped_by,age_band\n"
    "hd7k2,2026-02-01,paper,Very good,Kind staff,,family,75_84\n"
    "hd7k2,02/02/2026,phone,poor,,Nobody called back,,\n"
    "hd7k2,2026-02-03,,Good,,,,\n"
)


def _import(content, name="cards.csv"):
    rows = validate_rows(read_rows(name, content))
    return rows, import_rows(rows)


def test_csv_import_stores_every_row(touchpoint):
    rows, (created, existing) = _import(GOOD_CSV.encode())
    assert (created, existing) == (3, 0)
    stored = Response.objects.order_by("submitted_on")
    assert [r.overall for r in stored] == ["very_good", "poor", "good"]
    assert [r.channel for r in stored] == [Channel.PAPER, Channel.PHONE, Channel.PAPER]
    assert stored[0].helped_by == "family" and stored[0].age_band == "75_84"
    assert FreeTextAnswer.objects.get(purpose="do_better").text == "Nobody called back"


def test_reimporting_the_same_file_creates_no_duplicates(touchpoint):
    _import(GOOD_CSV.encode())
    _rows, (created, existing) = _import(GOOD_CSV.encode())
    assert (created, existing) == (0, 3)
    assert Response.objects.count() == 3


def test_identical_cards_in_one_file_are_both_kept(touchpoint):
    content = "touchpoint,date,overall\nhd7k2,2026-02-01,good\nhd7k2,2026-02-01,good\n"
    _rows, (created, _existing) = _import(content.encode())
    assert created == 2


def test_file_extended_later_only_adds_the_new_rows(touchpoint):
    _import(GOOD_CSV.encode())
    extended = GOOD_CSV + "hd7k2,2026-02-04,paper,Poor,,Late carers,,\n"
    _rows, (created, existing) = _import(extended.encode())
    assert (created, existing) == (1, 3)


def test_every_row_error_is_listed_and_nothing_imported(touchpoint):
    content = (
        "touchpoint,date,overall,do_better\n"
        "hd7k2,2026-02-01,good,\n"
        "nope1,2026-02-01,good,\n"
        "hd7k2,31/31/2026,brilliant,\n"
        "hd7k2,2099-01-01,,\n"
        f"hd7k2,2026-02-01,,{'x' * 5001}\n"
    )
    rows = validate_rows(read_rows("cards.csv", content.encode()))
    errors = {row.number: row.errors for row in rows}
    assert errors[2] == []
    assert errors[3] == ["touchpoint: no touchpoint with code 'nope1'"]
    assert "date: use a date like 2026-03-31 or 31/03/2026" in errors[4]
    assert "overall: 'brilliant' is not one of the answers" in errors[4]
    assert errors[5] == ["date: can't be in the future"]
    assert errors[6] == ["do_better: longer than 5,000 characters"]
    with pytest.raises(ValueError):
        import_rows(rows)
    assert Response.objects.count() == 0


def test_xlsx_import_reads_dates_and_numbers(touchpoint):
    from datetime import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["touchpoint", "date", "overall", "reference"])
    sheet.append(["hd7k2", datetime(2026, 1, 5), "Very poor", 1001])
    buffer = io.BytesIO()
    workbook.save(buffer)
    _rows, (created, _existing) = _import(buffer.getvalue(), name="cards.xlsx")
    assert created == 1
    assert Response.objects.get().overall == "very_poor"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("cards.txt", b"touchpoint\nhd7k2", "Choose a .csv or .xlsx file."),
        ("cards.csv", b"\xff\xfe\x00bad", "not UTF-8"),
        ("cards.csv", b"date,overall\n2026-01-01,good\n", "including 'touchpoint'"),
        ("cards.xlsx", b"this is not a spreadsheet", "could not be read"),
    ],
)
def test_unreadable_files_get_a_clear_error(name, content, message):
    with pytest.raises(ImportFileError, match=message):
        read_rows(name, content)


def test_import_view_previews_then_confirms(staff_client, touchpoint):
    upload = io.BytesIO(GOOD_CSV.encode())
    upload.name = "cards.csv"
    preview = staff_client.post("/admin/feedback/import/", {"file": upload})
    html = preview.content.decode()
    assert "3 rows are ready to import." in html
    assert Response.objects.count() == 0
    content = preview.context["confirm"].initial["content"]
    staff_client.post(
        "/admin/feedback/import/", {"confirm": "1", "filename": "cards.csv", "content": content}
    )
    assert Response.objects.count() == 3


def test_import_view_shows_row_errors_and_offers_no_import(staff_client, touchpoint):
    upload = io.BytesIO(b"touchpoint,date,overall\nzzzzz,2026-01-01,good\n")
    upload.name = "cards.csv"
    html = staff_client.post("/admin/feedback/import/", {"file": upload}).content.decode()
    assert "1 row has errors" in html
    assert "no touchpoint with code" in html
    assert 'name="confirm"' not in html
