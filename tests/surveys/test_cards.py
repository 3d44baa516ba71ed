import io

import pytest
from django.utils.html import escape
from PIL import Image
from pypdf import PdfReader

from surveys.qr import short_address


def test_qr_svg_encodes_the_touchpoint_link(staff_client, touchpoint):
    response = staff_client.get(f"/admin/feedback/touchpoints/{touchpoint.pk}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def test_qr_png_is_a_real_scannable_size_image(staff_client, touchpoint):
    response = staff_client.get(f"/admin/feedback/touchpoints/{touchpoint.pk}/qr.png")
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size[0] == image.size[1] >= 250


def test_short_address_is_typed_out_without_scheme(touchpoint, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://feedback.demo-council.example"
    assert short_address(touchpoint) == "feedback.demo-council.example/f/hd7k2"


def test_card_batch_html_shows_everything_a_resident_needs(staff_client, touchpoint, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://feedback.demo-council.example"
    html = staff_client.get(
        f"/admin/feedback/cards/?touchpoint={touchpoint.pk}&output=html"
    ).content.decode()
    assert "feedback.demo-council.example/f/hd7k2" in html
    assert "<svg" in html
    assert "Freepost" in html
    assert "0300 123 4567" in html  # help phone number
    assert escape(touchpoint.survey.invitation) in html


def test_card_batch_pdf_has_an_a6_front_and_back_per_touchpoint(
    staff_client, touchpoint, service, survey
):
    from surveys.models import Touchpoint

    second = Touchpoint.objects.create(name="Ward 5", code="w5abc", service=service, survey=survey)
    response = staff_client.get(
        f"/admin/feedback/cards/?touchpoint={touchpoint.pk}&touchpoint={second.pk}&output=pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 4
    for page in reader.pages:
        # A6 is 105 x 148 mm, which is 297.6 x 419.5 points.
        assert round(float(page.mediabox.width)) == 298
        assert round(float(page.mediabox.height)) == 420
    assert "/f/hd7k2" in reader.pages[0].extract_text()
    assert "Freepost" in reader.pages[1].extract_text()
    assert "/f/w5abc" in reader.pages[2].extract_text()


@pytest.mark.parametrize("path", ["cards/", "touchpoints/1/qr.svg"])
def test_cards_need_permission(client, plain_staff, touchpoint, path):
    client.force_login(plain_staff)
    response = client.get(f"/admin/feedback/{path}")
    # Wagtail turns a permission refusal in the admin into a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_cards_need_login(client, touchpoint):
    response = client.get(f"/admin/feedback/touchpoints/{touchpoint.pk}/qr.png")
    assert response.status_code == 302


def test_large_print_version_has_every_question_and_answer(staff_client, survey):
    html = staff_client.get(f"/admin/feedback/surveys/{survey.pk}/large-print/").content.decode()
    assert "Overall, how was your experience?" in html
    assert "Neither good nor poor" in html
    assert "What could we do better?" in html
    assert "In person" in html  # single-choice option
    assert "Prefer not to say" in html  # About you section
    assert "css/large-print.css" in html
