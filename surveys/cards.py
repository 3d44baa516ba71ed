"""Printable A6 How Did We Do cards: one per touchpoint, as HTML for print or as a PDF."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from wagtail.models import Site

from core.models import CouncilSettings
from core.text import without_bidi_controls
from surveys.qr import qr_svg, short_address


def card_context(touchpoints):
    site = Site.objects.filter(is_default_site=True).first()
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    cards = [
        {
            "touchpoint": touchpoint,
            "survey": touchpoint.survey,
            "qr_svg": qr_svg(touchpoint),
            "short_address": short_address(touchpoint),
        }
        for touchpoint in touchpoints
    ]
    return {"cards": cards, "council": council}


def cards_pdf(touchpoints):
    """A PDF with one A6 page per touchpoint, ready to send to the printer."""
    from weasyprint import CSS, HTML

    html = render_to_string("surveys/cards/cards.html", {**card_context(touchpoints), "pdf": True})
    stylesheet = CSS(filename=finders.find("css/cards.css"))
    return HTML(string=without_bidi_controls(html)).write_pdf(stylesheets=[stylesheet])
