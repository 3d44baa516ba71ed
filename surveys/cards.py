"""Printable A6 How Did We Do cards: one per touchpoint, as HTML for print or as a PDF."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.models import CouncilSettings
from core.pdf import pdf_render
from surveys.qr import qr_svg, short_address


def _titled(svg, title):
    """The SVG with a <title>: the PDF's alternative text for the QR code comes from it."""
    return svg.replace(">", f"><title>{escape(title)}</title>", 1)


def card_context(touchpoints):
    site = Site.objects.filter(is_default_site=True).first()
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    cards = [
        {
            "touchpoint": touchpoint,
            "survey": touchpoint.survey,
            "qr_svg": _titled(qr_svg(touchpoint), _("QR code for the survey")),
            "short_address": short_address(touchpoint),
        }
        for touchpoint in touchpoints
    ]
    return {"cards": cards, "council": council}


def cards_pdf(touchpoints):
    """A tagged PDF with one A6 page per touchpoint, ready to send to the printer."""
    html = render_to_string("surveys/cards/cards.html", {**card_context(touchpoints), "pdf": True})
    return pdf_render(html, stylesheets=[finders.find("css/cards.css")])
