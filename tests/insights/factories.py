"""Responses with known theme mentions, without going through the NLTK engine, and exports."""

import factory
from django.utils import timezone

from insights.models import ReportExport
from surveys.choices import Channel
from tests.core.factories import UserFactory
from tests.surveys.factories import FreeTextAnswerFactory, ResponseFactory
from tests.themes.factories import flag, mention_of
from themes.models import Theme

__all__ = ["ReportExportFactory", "flag", "mention_of", "response_with"]


def response_with(touchpoint, on, *, themes=(), sentiment="negative", text="Comment.", **fields):
    """A response given on `on` whose comment mentions each theme key in `themes`."""
    response = ResponseFactory(
        touchpoint=touchpoint, submitted_on=on, channel=fields.pop("channel", Channel.QR), **fields
    )
    comment = FreeTextAnswerFactory(
        response=response, question_key="q", purpose="do_better", text=text
    )
    for key in themes:
        mention_of(
            comment,
            Theme.objects.get(key=key),
            sentiment=sentiment,
            compound=-0.5 if sentiment == "negative" else 0.5,
            evidence=f"{text} ({key})",
        )
    return response


class ReportExportFactory(factory.django.DjangoModelFactory):
    """A finished export of the themes by month, as CSV."""

    class Meta:
        model = ReportExport

    requested_by = factory.SubFactory(UserFactory)
    kind = ReportExport.Kind.THEMES
    file_format = "csv"
    status = ReportExport.Status.DONE
    progress = 100
    filename = "themes.csv"
    content_type = "text/csv"
    content = b"month,service\n"
    finished_at = factory.LazyFunction(timezone.now)
