"""The sizes issue #20 promises big councils: 20,000 rows and 10 MB in one file."""

import base64
import csv
import io
import time
from datetime import datetime

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from surveys.imports import COLUMNS, read_rows
from surveys.models import FreeTextAnswer, Response

URL = "/admin/feedback/import/"
OVERALL = ["Very good", "good", "Poor", "very_poor", "Neither good nor poor"]


def _card(i):
    """One of 20,000 different cards, as a council's spreadsheet would hold them."""
    return {
        "touchpoint": "hd7k2",
        "date": f"{1 + i % 28:02d}/0{1 + i % 3}/2026",
        "channel": ["paper", "phone", ""][i % 3],
        "overall": OVERALL[i % len(OVERALL)],
        "went_well": f"Visit {i}: the carer was kind, on time and explained everything"
        if i % 2
        else "",
        "do_better": f"Call back when you say you will, and say who is coming (card {i})"
        if i % 3 == 0
        else "",
        "age_band": ["75_84", "", "65_74"][i % 3],
        "reference": f"PB-{i:06d}",
    }


def _csv(count):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(_card(i) for i in range(count))
    return out.getvalue().encode()


@pytest.mark.slow
def test_20000_rows_go_through_preview_and_confirm_once(staff_client, touchpoint):
    content = _csv(20000)
    # Sent back in the form, as it was, the file alone is over Django's limit for a request body.
    assert len(base64.b64encode(content)) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    t = time.perf_counter()
    preview = staff_client.post(URL, {"file": SimpleUploadedFile("cards.csv", content)})
    print("preview", time.perf_counter() - t, len(preview.content))
    assert "20000 rows are ready to import." in preview.content.decode()
    token = preview.context["confirm"].initial["upload"]

    t = time.perf_counter()
    confirm = staff_client.post(URL, {"confirm": "1", "upload": token})
    print("confirm", time.perf_counter() - t)
    assert confirm.status_code == 302
    assert int(confirm.request["CONTENT_LENGTH"]) < 1024
    assert [str(m) for m in get_messages(confirm.wsgi_request)] == [
        "Imported 20000 responses. 0 were already stored."
    ]
    assert Response.objects.count() == 20000
    comments = sum(bool(_card(i)["went_well"]) + bool(_card(i)["do_better"]) for i in range(20000))
    assert FreeTextAnswer.objects.count() == comments

    replay = staff_client.post(URL, {"confirm": "1", "upload": token})
    assert replay.status_code == 302
    assert Response.objects.count() == 20000


@pytest.mark.slow
def test_an_xlsx_of_20000_rows_is_read_whole(touchpoint):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(COLUMNS)
    for i in range(20000):
        card = _card(i) | {"date": datetime(2026, 1 + i % 3, 1 + i % 28)}
        sheet.append([card.get(column, "") for column in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    rows = read_rows("cards.xlsx", out.getvalue())
    assert len(rows) == 20000
    assert rows[-1]["reference"] == "PB-019999" and rows[-1]["date"] == datetime(2026, 2, 8)
