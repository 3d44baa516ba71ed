import re
import uuid

import pytest

from surveys.choices import Channel
from surveys.models import FreeTextAnswer, Response


def _post(client, url, keys, **extra):
    data = {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    data.update(extra)
    return client.post(url, data)


def test_touchpoint_link_opens_the_right_survey(client, touchpoint):
    response = client.get("/f/hd7k2")
    html = response.content.decode()
    assert response.status_code == 200
    assert "How did we do?" in html
    assert "Discharge team" in html
    assert "Overall, how was your experience?" in html


def test_survey_page_says_it_is_not_monitored_and_gives_999(client, touchpoint):
    html = client.get("/f/hd7k2").content.decode()
    assert "not watched all the time" in html
    assert "call 999" in html
    assert "0300 123 4000" in html  # adult safeguarding number from council settings


def test_qr_submission_records_touchpoint_channel_and_day_only(client, touchpoint, keys):
    response = _post(
        client,
        "/f/hd7k2?via=qr",
        keys,
        **{f"q_{keys['went_well']}": "Kind staff who listened.", "helped_by": "family"},
    )
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.touchpoint == touchpoint
    assert stored.service == touchpoint.service
    assert stored.channel == Channel.QR
    assert stored.overall == "good"
    assert stored.helped_by == "family"
    assert stored.language == "en"
    assert type(stored.submitted_on).__name__ == "date"
    assert FreeTextAnswer.objects.get().text == "Kind staff who listened."
    assert response["Location"].startswith("/feedback/thanks/")
    assert stored.receipt_code not in response["Location"]
    assert stored.receipt_code in client.get(response["Location"]).content.decode()


def test_typed_short_address_records_web_link_channel(client, touchpoint, keys):
    _post(client, "/f/hd7k2", keys)
    assert Response.objects.get().channel == Channel.WEB_LINK


def test_choice_answers_are_stored_by_stable_question_key(client, touchpoint, keys, option_ids):
    single = option_ids["single_choice"][1]
    multiple = option_ids["multiple_choice"][:2]
    client.post(
        "/f/hd7k2",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['single_choice']}": single,
            f"q_{keys['multiple_choice']}": multiple,
            f"q_{keys['ascs_satisfaction']}": "6",
            f"q_{keys['overall']}": "very_poor",
        },
    )
    stored = Response.objects.get()
    assert stored.answers == {keys["single_choice"]: single, keys["multiple_choice"]: multiple}
    assert stored.ascs_satisfaction == 6
    assert stored.overall == "very_poor"


def test_submission_in_polish_is_stored_against_the_original_survey(
    client, touchpoint, polish_survey, keys
):
    page = client.get("/pl/f/hd7k2").content.decode()
    assert '<html lang="pl"' in page
    assert "Ogólnie, jak oceniasz nasze usługi?" in page
    assert "Wyślij" in page or "Send feedback" in page
    _post(client, "/pl/f/hd7k2?via=qr", keys)
    stored = Response.objects.get()
    assert stored.language == "pl"
    assert stored.survey_id == touchpoint.survey_id


def test_confirmation_shows_receipt_code_and_where_to_get_help(client, touchpoint, keys):
    response = _post(client, "/f/hd7k2", keys)
    page = client.get(response["Location"]).content.decode()
    code = Response.objects.get().receipt_code
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}", code)
    assert code in page
    assert "call 999" in page
    assert "Would you like us to contact you?" in page


def test_double_click_stores_one_response(client, touchpoint, keys):
    token = str(uuid.uuid4())
    first = _post(client, "/f/hd7k2", keys, submission_token=token)
    second = _post(client, "/f/hd7k2", keys, submission_token=token)
    assert Response.objects.count() == 1
    code = Response.objects.get().receipt_code
    # Each press gets its own one-time confirmation page, showing the same receipt.
    assert first["Location"] != second["Location"]
    assert code in client.get(first["Location"]).content.decode()
    assert code in client.get(second["Location"]).content.decode()


def test_easy_read_version_records_easy_read_channel(client, touchpoint, keys):
    page = client.get("/f/hd7k2/easy-read")
    assert page.status_code == 200
    _post(client, "/f/hd7k2/easy-read", keys)
    assert Response.objects.get().channel == Channel.EASY_READ


def test_survey_served_at_its_own_page_url(client, survey, keys):
    response = _post(client, survey.url, keys)
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.touchpoint is None
    assert stored.channel == Channel.WEB_LINK


@pytest.mark.parametrize("via", ["kiosk"])
def test_kiosk_mode_returns_to_the_start(client, touchpoint, keys, via):
    response = _post(client, f"/f/hd7k2?via={via}", keys)
    assert response["Location"].endswith("?via=kiosk")
    page = client.get(response["Location"]).content.decode()
    assert "js/kiosk.js" in page
    assert 'href="/f/hd7k2?via=kiosk"' in page
    assert Response.objects.get().channel == Channel.KIOSK


def test_untranslated_survey_is_shown_in_its_own_language_with_a_note(client, touchpoint):
    html = client.get("/ur/f/hd7k2").content.decode()
    assert '<html lang="en" dir="ltr"' in html
    assert 'lang="ur" dir="rtl"' in html
    assert "Overall, how was your experience?" in html


def test_language_switcher_on_a_short_link_keeps_the_short_link(client, touchpoint):
    html = client.get("/f/hd7k2?via=qr").content.decode()
    assert 'href="/pl/f/hd7k2?via=qr"' in html


def test_translated_survey_renders_right_to_left(client, touchpoint, survey):
    from wagtail.models import Locale

    urdu, _ = Locale.objects.get_or_create(language_code="ur")
    for ancestor in survey.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.get_translation_or_none(urdu):
            ancestor.copy_for_translation(urdu).save_revision().publish()
    translated = survey.copy_for_translation(urdu)
    translated.title = "ہم نے کیسا کام کیا؟"
    translated.save_revision().publish()
    html = client.get("/ur/f/hd7k2").content.decode()
    assert '<html lang="ur" dir="rtl"' in html
    assert "ہم نے کیسا کام کیا؟" in html
