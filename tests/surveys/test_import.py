import io
import os
import time

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from freezegun import freeze_time
from openpyxl import Workbook

from surveys.choices import Channel
from surveys.imports import PENDING_FOLDER, ImportFileError, import_rows, read_rows, validate_rows
from surveys.models import FreeTextAnswer, Response
from surveys.staff.imports import PENDING_SESSION_KEY
from tests.surveys.conftest import _user_with

URL = "/admin/feedback/import/"
EXPIRED = "This file has expired or was already imported. Upload it again."

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


def _preview(client, content=None, name="cards.csv"):
    upload = SimpleUploadedFile(name, GOOD_CSV.encode() if content is None else content)
    return client.post(URL, {"file": upload})


def _confirm(client, token):
    return client.post(URL, {"confirm": "1", "upload": token})


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _pending_files():
    try:
        return default_storage.listdir(PENDING_FOLDER)[1]
    except FileNotFoundError:
        return []


def test_import_view_previews_then_confirms(staff_client, touchpoint):
    preview = _preview(staff_client)
    html = preview.content.decode()
    assert "3 rows are ready to import." in html
    assert Response.objects.count() == 0
    token = preview.context["confirm"].initial["upload"]
    assert f'value="{token}"' in html and GOOD_CSV.splitlines()[1] not in html
    assert _pending_files() == [token]
    confirm = _confirm(staff_client, token)
    assert _messages(confirm) == ["Imported 3 responses. 0 were already stored."]
    assert Response.objects.count() == 3
    assert _pending_files() == []


def test_confirming_the_same_preview_twice_imports_once(staff_client, touchpoint):
    token = _preview(staff_client).context["confirm"].initial["upload"]
    _confirm(staff_client, token)
    replay = _confirm(staff_client, token)
    assert replay.status_code == 302
    assert _messages(replay)[-1] == EXPIRED
    assert Response.objects.count() == 3


def test_uploading_the_same_file_again_stores_nothing_new(staff_client, touchpoint):
    _confirm(staff_client, _preview(staff_client).context["confirm"].initial["upload"])
    again = _confirm(staff_client, _preview(staff_client).context["confirm"].initial["upload"])
    assert _messages(again) == ["Imported 0 responses. 3 were already stored."]
    assert Response.objects.count() == 3


def test_another_user_cannot_confirm_my_upload(staff_client, touchpoint, django_user_model):
    token = _preview(staff_client).context["confirm"].initial["upload"]
    colleague = Client()
    colleague.force_login(
        _user_with(django_user_model, "colleague", "surveys.enter_paper_response")
    )
    refused = _confirm(colleague, token)
    assert refused.status_code == 302 and Response.objects.count() == 0
    # Even with my session's note of the file copied into theirs, the token is tied to me.
    theirs = colleague.session
    theirs[PENDING_SESSION_KEY] = staff_client.session[PENDING_SESSION_KEY]
    theirs.save()
    assert _confirm(colleague, token).status_code == 302 and Response.objects.count() == 0
    # Their attempt neither imports my file nor spoils it: I can still confirm it.
    assert _pending_files() == [token]
    _confirm(staff_client, token)
    assert Response.objects.count() == 3


def test_an_unconfirmed_preview_expires(staff_client, touchpoint, settings):
    settings.IMPORT_PENDING_MINUTES = 60
    with freeze_time("2026-03-01 10:00"):
        token = _preview(staff_client).context["confirm"].initial["upload"]
    with freeze_time("2026-03-01 11:01"):
        late = _confirm(staff_client, token)
    assert _messages(late) == [EXPIRED]
    assert Response.objects.count() == 0
    assert _pending_files() == []


def test_files_nobody_confirmed_are_deleted_on_the_next_visit(staff_client, touchpoint):
    token = _preview(staff_client).context["confirm"].initial["upload"]
    two_hours_ago = time.time() - 2 * 60 * 60
    os.utime(default_storage.path(f"{PENDING_FOLDER}/{token}"), (two_hours_ago, two_hours_ago))
    fresh = _preview(staff_client).context["confirm"].initial["upload"]
    assert _pending_files() == [fresh]


def test_a_session_keeps_only_a_few_previews(staff_client, touchpoint):
    tokens = [_preview(staff_client).context["confirm"].initial["upload"] for _ in range(5)]
    assert sorted(_pending_files()) == sorted(tokens[-3:])
    assert _confirm(staff_client, tokens[0]).status_code == 302
    assert Response.objects.count() == 0


def test_a_file_with_errors_is_not_kept(staff_client, touchpoint):
    _preview(staff_client, b"touchpoint,date,overall\nzzzzz,2026-01-01,good\n")
    assert _pending_files() == []


def test_a_file_over_20000_rows_is_refused_with_a_clear_error(staff_client, touchpoint):
    content = "touchpoint,date,overall\n" + "hd7k2,2026-02-01,good\n" * 20001
    with pytest.raises(ImportFileError, match="more than 20,000 rows. Split it"):
        read_rows("cards.csv", content.encode())
    html = _preview(staff_client, content.encode()).content.decode()
    assert "The file has more than 20,000 rows. Split it into files of 20,000 rows" in html
    assert _pending_files() == []


def test_an_xlsx_over_20000_rows_is_refused_before_it_is_parsed(monkeypatch):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["touchpoint", "date", "overall"])
    for _ in range(20001):
        sheet.append(["hd7k2", "2026-02-01", "good"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = []
    monkeypatch.setattr("surveys.imports.load_workbook", lambda *a, **k: parsed.append(a))
    with pytest.raises(ImportFileError, match="more than 20,000 rows. Split it"):
        read_rows("cards.xlsx", buffer.getvalue())
    assert parsed == []


def test_import_view_shows_row_errors_and_offers_no_import(staff_client, touchpoint):
    html = _preview(staff_client, b"touchpoint,date,overall\nzzzzz,2026-01-01,good\n")
    html = html.content.decode()
    assert "1 row has errors" in html
    assert "no touchpoint with code" in html
    assert 'name="confirm"' not in html


def test_import_page_states_the_limits(staff_client):
    html = staff_client.get(URL).content.decode()
    assert "One file can hold up to 20,000 rows and be up to 10 MB." in html


def test_row_errors_are_in_the_admins_language(db):
    with translation.override("pl"):
        (row,) = validate_rows([{"touchpoint": "nowhere", "date": "tomorrow-ish"}])
    assert "date: wpisz datę w postaci 2026-03-31 lub 31/03/2026" in row.errors
    assert not [error for error in row.errors if "use a date like" in error]
