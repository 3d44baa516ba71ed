"""A bidi override typed into a touchpoint name cannot reverse the printed card."""

import io

from pypdf import PdfReader

from surveys.cards import cards_pdf
from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE


def _text(pdf):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_card_pdf_prints_a_touchpoint_name_with_an_override_in_order(touchpoint):
    touchpoint.name = f"Riverside {RIGHT_TO_LEFT_OVERRIDE}Day Centre"
    touchpoint.save()
    text = _text(cards_pdf([touchpoint]))
    assert RIGHT_TO_LEFT_OVERRIDE not in text
    assert "Riverside Day Centre" in text
    assert "ertneC yaD" not in text
