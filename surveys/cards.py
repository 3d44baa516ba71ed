"""Printable How Did We Do cards: an A6 front and back per card, as HTML for print or a PDF.

Three layouts: A6 pages (for A6 card stock), A6 with 3 mm bleed and crop marks (for a print
shop), and A4 sheets of two cards with crop marks (for the office printer, cut by hand).
Cards are made in one language at a time, from that language's version of each survey.
"""

from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.locales import locale_for
from core.models import CouncilSettings
from core.pdf import pdf_render
from surveys.forms import SurveyResponseForm
from surveys.qr import qr_svg, qr_svg_for, short_address


@dataclass(frozen=True)
class Layout:
    template: str
    stylesheet: str
    per_sheet: int = 1


LAYOUTS = {
    "a6": Layout("surveys/cards/cards.html", "css/cards.css"),
    "print-shop": Layout("surveys/cards/cards.html", "css/cards-print-shop.css"),
    "a4": Layout("surveys/cards/sheet.html", "css/cards-sheet.css", per_sheet=2),
}
# What fits on the back of an A6 card: more questions than this are answered online.
BACK_QUESTIONS = 6
MAX_CARDS = 400


class CardsNotTranslated(ValueError):
    """Some touchpoints' surveys have no version in the language asked for."""

    def __init__(self, touchpoints):
        self.touchpoints = touchpoints
        super().__init__(", ".join(str(touchpoint) for touchpoint in touchpoints))


def _titled(svg, title):
    """The SVG with a <title>: the PDF's alternative text for the QR code comes from it."""
    return svg.replace(">", f"><title>{escape(title)}</title>", 1)


def _back_questions(survey):
    form = SurveyResponseForm(survey=survey)
    return [
        {"label": field.label, "choices": [label for value, label in _choices(field) if value]}
        for field, _block in form.question_fields()
    ]


def _choices(bound_field):
    return list(getattr(bound_field.field, "choices", []))


def _survey_in(survey, language):
    locale = locale_for(language)
    if locale is None or survey.locale_id == locale.pk:
        return survey.specific
    translated = survey.get_translation_or_none(locale)
    return translated.specific if translated and translated.live else None


def card_context(touchpoints, *, language=None):
    """What the card templates need, in the active language (or `language`)."""
    language = language or translation.get_language()
    surveys = {}
    for touchpoint in touchpoints:
        if touchpoint.survey_id not in surveys:
            surveys[touchpoint.survey_id] = _survey_in(touchpoint.survey, language)
    missing = [tp for tp in dict.fromkeys(touchpoints) if surveys[tp.survey_id] is None]
    if missing:
        raise CardsNotTranslated(missing)
    backs = {pk: _back_questions(survey) for pk, survey in surveys.items()}
    site = Site.objects.filter(is_default_site=True).first()
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    cards = [
        {
            "touchpoint": touchpoint,
            "survey": surveys[touchpoint.survey_id],
            "questions": backs[touchpoint.survey_id][:BACK_QUESTIONS],
            "more_questions": len(backs[touchpoint.survey_id]) > BACK_QUESTIONS,
            "qr_svg": _titled(qr_svg(touchpoint), _("QR code for the survey")),
            "code_svg": _titled(
                qr_svg_for(touchpoint.code), _("Card code %(code)s") % {"code": touchpoint.code}
            ),
            "short_address": short_address(touchpoint),
        }
        for touchpoint in touchpoints
    ]
    return {"cards": cards, "council": council}


def _sheets(cards, per_sheet):
    """Cards in sheets of `per_sheet`; each sheet's backs in reverse order, so that printed
    double-sided (flip on the short edge) every back lands behind its own front."""
    sheets = []
    for start in range(0, len(cards), per_sheet):
        fronts = cards[start : start + per_sheet]
        fronts += [None] * (per_sheet - len(fronts))
        sheets.append({"fronts": fronts, "backs": list(reversed(fronts))})
    return sheets


def cards_html(touchpoints, *, layout="a6", language=None, pdf=False):
    chosen = LAYOUTS[layout]
    with translation.override(language or translation.get_language()):
        context = card_context(touchpoints, language=language)
        context.update(
            pdf=pdf,
            layout=layout,
            stylesheet=chosen.stylesheet,
            sheets=_sheets(context["cards"], chosen.per_sheet),
        )
        return render_to_string(chosen.template, context)


def cards_pdf(touchpoints, *, layout="a6", language=None):
    """A tagged PDF of the cards (front, then back), ready to send to the printer."""
    html = cards_html(touchpoints, layout=layout, language=language, pdf=True)
    return pdf_render(html, stylesheets=[finders.find(LAYOUTS[layout].stylesheet)])
