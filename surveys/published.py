"""What residents are shown of touchpoints and surveys, remembered by each process.

A touchpoint's short address needs the touchpoint, its survey in the visitor's language and the
page built from them (surveys.rendering). They change only when a page is published,
unpublished, saved or moved, or a touchpoint, service or a name in another language is saved;
each of those forgets them on every server at once (core.memo: a new version in the shared
cache, read once per request). So a survey closed or unpublished on one server stops taking
answers on every server from their next request, without a query on each request.
"""

from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.locales import localized
from core.memo import SharedMemo
from surveys.models import Service, ServiceName, SurveyPage, Touchpoint, TouchpointName

# Touchpoints × languages × (the page, the easy read page, each with ?via=qr or kiosk).
_published = SharedMemo("surveys-published", max_entries=1024)
CHANGES = (Page, SurveyPage, Touchpoint, TouchpointName, Service, ServiceName, Locale)


@dataclass(frozen=True)
class TouchpointSurvey:
    touchpoint: Touchpoint
    survey: SurveyPage  # live, specific, in the visitor's language when translated into it


def touchpoint_survey(code):
    """The active touchpoint with this code and its survey, or None."""
    return _published.get(("touchpoint", code, get_language()), lambda: _touchpoint_survey(code))


def _touchpoint_survey(code):
    touchpoint = (
        Touchpoint.objects.select_related("survey__service", "service")
        .filter(code=code, is_active=True)
        .first()
    )
    if touchpoint is None:
        return None
    survey = localized(touchpoint.survey).specific
    # Loaded now, not by the first of several threads to touch them: the value is shared.
    survey.service  # noqa: B018
    survey.question_blocks()
    return TouchpointSurvey(touchpoint, survey)


def survey_page(pk):
    """The survey with this id, specific, in the visitor's language when translated into it."""
    return _published.get(("survey", pk, get_language()), lambda: _survey_page(pk))


def _survey_page(pk):
    survey = SurveyPage.objects.select_related("service").filter(pk=pk).first()
    if survey is None:
        return None
    survey = localized(survey).specific
    survey.service  # noqa: B018
    return survey


def remembered(key, compute):
    """`compute()`, remembered until the next change to a survey, touchpoint or service."""
    return _published.get(key, compute)


def published_changed(**kwargs):
    """Receiver for the changes listed in `published_receivers_connect`."""
    _published.forget()


def published_receivers_connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(published_changed, dispatch_uid=f"surveys.published.{id(signal)}")
    for model in CHANGES:
        for signal in (post_save, post_delete):
            uid = f"surveys.published.{model.__name__}.{id(signal)}"
            signal.connect(published_changed, sender=model, dispatch_uid=uid)
