"""Cards ready to print and post (issue #19): a front and a back, A4 sheets with crop marks,
3 mm bleed for print shops, a quantity per touchpoint, any language the survey is in, and a QR
code that points at the configured public address."""

import io
import re

import pytest
import qrcode
from django.urls import reverse
from pypdf import PdfReader
from qrcode.constants import ERROR_CORRECT_M
from wagtail.models import Locale

from surveys.cards import cards_html, cards_pdf
from surveys.models import Touchpoint

MM = 72 / 25.4
PUBLIC = "https://feedback.council.gov.uk"


def _pages(data):
    return PdfReader(io.BytesIO(data)).pages


def _size_mm(box):
    return (round(float(box.width) / MM), round(float(box.height) / MM))


@pytest.fixture
def fresh(touchpoint):
    # From the database: the Polish fixture edits question blocks the in-memory survey shares.
    return Touchpoint.objects.select_related("survey").get(pk=touchpoint.pk)


@pytest.fixture
def second(service, survey):
    return Touchpoint.objects.create(name="Ward 5", code="w5abc", service=service, survey=survey)


def test_each_a6_card_has_a_front_then_a_back(fresh, second):
    pages = _pages(cards_pdf([fresh, second]))
    assert len(pages) == 4
    assert {_size_mm(page.mediabox) for page in pages} == {(105, 148)}
    front, back = pages[0].extract_text(), pages[1].extract_text()
    assert "testserver/f/hd7k2" in front and "Freepost" not in front
    assert "Freepost RTXX-ABCD" in back and "What went well?" in back
    assert "/f/w5abc" in pages[2].extract_text()


def test_the_back_has_short_questions_boxes_lines_freepost_privacy_and_code(fresh):
    html = cards_html([fresh])
    back = html[html.index('class="card card--back"') :]
    for text in ("Overall, how was your experience?", "Very good", "What went well?"):
        assert text in back
    assert back.count('class="card__box"') == 6 + 3 + 3 + 7  # every choice gets a box
    assert back.count('class="card__lines"') == 2  # one per free text question
    assert "Freepost RTXX-ABCD<br>Adult Social Care Feedback" in back
    assert "A posted card has no receipt code" in back
    assert '<strong dir="ltr">HD7K2</strong>' in back
    assert _qr_modules(re.findall(r"<svg.*?</svg>", back)[0]) == _expected_modules("hd7k2")


def test_a_survey_with_more_questions_than_fit_sends_the_rest_online(fresh, survey):
    survey.questions = list(survey.questions.raw_data) * 2
    survey.save_revision().publish()
    html = cards_html([Touchpoint.objects.get(pk=fresh.pk)])
    back = html[html.index('class="card card--back"') :]
    assert back.count('class="card__question"') == 6
    assert "There are more questions online at testserver/f/hd7k2." in back
    assert len(_pages(cards_pdf([fresh]))) == 2  # still fits on its back


def test_a4_sheets_hold_two_cards_a_side_with_crop_marks(fresh, second):
    data = cards_pdf([fresh, second, fresh], layout="a4")
    pages = _pages(data)
    assert len(pages) == 4  # two sheets, each a front and a back
    assert {_size_mm(page.mediabox) for page in pages} == {(297, 210)}
    html = cards_html([fresh, second, fresh], layout="a4")
    assert html.count('class="crop crop--') == 12 * 4
    # Backs mirrored for flip on short edge: the first card's back is on the right.
    sheet_back = html.split('<div class="sheet">')[2]
    assert sheet_back.index('aria-label="Ward 5"') < sheet_back.index('aria-label="Discharge team"')
    assert 'class="slot slot--2" aria-label="Discharge team"' in sheet_back


def test_print_shop_cards_have_3mm_bleed_round_an_a6_trim(fresh):
    pages = _pages(cards_pdf([fresh], layout="print-shop"))
    assert len(pages) == 2
    for page in pages:
        assert _size_mm(page.trimbox) == (105, 148)
        assert _size_mm(page.bleedbox) == (111, 154)
        assert _size_mm(page.mediabox) >= (111, 154)


def test_a_quantity_per_touchpoint_prints_that_many_cards(staff_client, touchpoint, second):
    response = staff_client.get(
        reverse("surveys_staff:cards"),
        {
            "touchpoint": [touchpoint.pk, second.pk],
            f"quantity_{touchpoint.pk}": 3,
            "output": "html",
        },
    )
    html = response.content.decode()
    assert html.count('aria-label="Discharge team"') == 3 * 2  # front and back
    assert html.count('aria-label="Ward 5"') == 1 * 2  # left blank: one card


def test_a_quantity_over_the_limit_is_refused(staff_client, touchpoint):
    response = staff_client.get(
        reverse("surveys_staff:cards"),
        {"touchpoint": touchpoint.pk, f"quantity_{touchpoint.pk}": 401, "output": "pdf"},
    )
    assert response["Content-Type"].startswith("text/html")
    assert "Ensure this value is less than or equal to 400" in response.content.decode()


def test_a_polish_card_uses_the_polish_survey_words_and_address(
    staff_client, touchpoint, polish_survey
):
    response = staff_client.get(
        reverse("surveys_staff:cards"),
        {"touchpoint": touchpoint.pk, "language": "pl", "output": "pdf"},
    )
    pages = _pages(response.content)
    assert len(pages) == 2
    front, back = pages[0].extract_text(), pages[1].extract_text()
    assert "testserver/pl/f/hd7k2" in front
    assert "Scan the code" not in front  # the card's own words are Polish too
    assert "Ogólnie, jak oceniasz nasze usługi?" in back


def test_cards_are_refused_in_a_language_the_survey_has_no_version_in(staff_client, touchpoint):
    Locale.objects.get_or_create(language_code="ur")
    response = staff_client.get(
        reverse("surveys_staff:cards"),
        {"touchpoint": touchpoint.pk, "language": "ur", "output": "pdf"},
    )
    assert response["Content-Type"].startswith("text/html")
    assert "Not translated yet, so no cards in this language for: Discharge team (hd7k2)." in (
        response.content.decode()
    )


def _qr_modules(svg):
    """The dark squares of a QR code drawn by qrcode's SvgPathImage ('M4,4H5V5H4z…')."""
    return {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", svg)}


def _expected_modules(data):
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    return {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row) if dark}


def test_the_qr_code_points_at_the_configured_public_address(fresh, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    html = cards_html([fresh])
    printed = _qr_modules(re.findall(r"<svg.*?</svg>", html)[0])
    assert printed == _expected_modules(f"{PUBLIC}/f/hd7k2?via=qr")
    assert printed != _expected_modules("http://testserver/f/hd7k2?via=qr")
    assert "feedback.council.gov.uk/f/hd7k2" in html


def test_a_polish_cards_qr_code_opens_the_polish_survey(fresh, polish_survey, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    html = cards_html([fresh], language="pl")
    printed = _qr_modules(re.findall(r"<svg.*?</svg>", html)[0])
    assert printed == _expected_modules(f"{PUBLIC}/pl/f/hd7k2?via=qr")


@pytest.mark.parametrize(
    "address",
    ["http://127.0.0.1:8000", "http://localhost", "https://feedback.council.example"],
)
def test_the_print_page_warns_when_the_public_address_is_not_set(staff_client, settings, address):
    settings.WAGTAILADMIN_BASE_URL = address
    html = staff_client.get(reverse("surveys_staff:cards")).content.decode()
    assert "Check before you print:" in html
    assert f"The public address (SITE_URL) is not set: it is {address}." in html


def test_the_print_page_warns_when_the_public_address_is_not_https(staff_client, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://feedback.council.gov.uk"
    html = staff_client.get(reverse("surveys_staff:cards")).content.decode()
    assert "does not start with https://" in html


def test_the_print_page_does_not_warn_about_a_real_public_address(staff_client, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    html = staff_client.get(reverse("surveys_staff:cards")).content.decode()
    assert "Check before you print:" not in html


def test_large_print_is_a4_and_all_in_the_surveys_language(staff_client, polish_survey):
    response = staff_client.get(
        reverse("surveys_staff:large-print", args=[polish_survey.pk]), {"output": "pdf"}
    )
    pages = _pages(response.content)
    assert {_size_mm(page.mediabox) for page in pages} == {(210, 297)}
    text = "".join(page.extract_text() for page in pages)
    assert "Ogólnie, jak oceniasz nasze usługi?" in text
    assert "Tick one box" not in text  # the instructions are in Polish too
