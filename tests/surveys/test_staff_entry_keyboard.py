"""Keying in a pile of cards: channel and date carry over, the cursor starts where it's needed."""

import re
import uuid
from datetime import date

from surveys.models import Response

ENTRY = "/admin/feedback/enter/{}/"


def _autofocused_names(html):
    tags = re.findall(r"<(?:input|select|textarea)\b[^>]*>", html)
    focused = [tag for tag in tags if re.search(r"\bautofocus\b", tag)]
    return [re.search(r'name="([^"]+)"', tag)[1] for tag in focused]


def _post(client, touchpoint, keys, **extra):
    data = {
        "submission_token": str(uuid.uuid4()),
        "channel": "phone",
        "date_given": "14/03/2026",
        f"q_{keys['overall']}": "good",
    }
    return client.post(ENTRY.format(touchpoint.pk), data | extra)


def test_after_a_save_the_next_card_keeps_channel_and_date_and_starts_on_the_first_question(
    staff_client, touchpoint, keys
):
    response = _post(staff_client, touchpoint, keys)
    assert response["Location"].endswith("?channel=phone&date=2026-03-14")
    html = staff_client.get(response["Location"]).content.decode()
    assert re.search(r'<option value="phone"[^>]*selected', html)
    assert 'value="14/03/2026"' in html
    assert set(_autofocused_names(html)) == {f"q_{keys['overall']}"}
    assert Response.objects.get().submitted_on == date(2026, 3, 14)


def test_the_first_card_starts_on_the_channel(staff_client, touchpoint):
    html = staff_client.get(ENTRY.format(touchpoint.pk)).content.decode()
    assert set(_autofocused_names(html)) == {"channel"}
    assert 'value="14/03/2026"' not in html


def test_a_made_up_channel_or_date_in_the_address_is_ignored(staff_client, touchpoint):
    html = staff_client.get(
        ENTRY.format(touchpoint.pk) + "?channel=qr&date=not-a-date"
    ).content.decode()
    assert not re.search(r'<option value="qr"', html)
    assert re.search(r'<option value="paper"[^>]*selected', html)
    assert 'name="date_given" value=' not in html


def test_a_card_with_an_error_starts_on_the_field_to_fix(staff_client, touchpoint, keys):
    response = _post(staff_client, touchpoint, keys, date_given="31/02/2026")
    assert response.status_code == 200
    assert set(_autofocused_names(response.content.decode())) == {"date_given"}
    assert Response.objects.count() == 0


def test_the_date_can_be_typed_day_first_or_as_iso(staff_client, touchpoint, keys):
    _post(staff_client, touchpoint, keys, date_given="01/02/26")
    _post(staff_client, touchpoint, keys, date_given="2026-02-03")
    assert sorted(Response.objects.values_list("submitted_on", flat=True)) == [
        date(2026, 2, 1),
        date(2026, 2, 3),
    ]
