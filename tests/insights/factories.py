"""Build responses with known theme mentions, without going through the NLTK engine."""

from datetime import UTC, datetime

from surveys.choices import Channel
from surveys.models import FreeTextAnswer, Response
from themes.models import SafeguardingFlag, Theme, ThemeMention

_counter = {"n": 0}


def response_with(touchpoint, on, *, themes=(), sentiment="negative", text="Comment.", **fields):
    """A response given on `on` whose comment mentions each theme key in `themes`."""
    _counter["n"] += 1
    response = Response.objects.create(
        survey=touchpoint.survey,
        service=touchpoint.service,
        touchpoint=touchpoint,
        channel=fields.pop("channel", Channel.QR),
        submitted_on=on,
        receipt_code=f"T{_counter['n']:09d}"[:12],
        **fields,
    )
    comment = FreeTextAnswer.objects.create(
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


def mention_of(comment, theme, **fields):
    """A mention of `theme` in `comment`, with the response, service and day copied as tagging
    copies them."""
    response = comment.response
    return ThemeMention.objects.create(
        comment=comment,
        theme=theme,
        response=response,
        service=response.service,
        submitted_on=response.submitted_on,
        **fields,
    )


def flag(response):
    comment = response.comments.get()
    return SafeguardingFlag.objects.create(
        comment=comment,
        response=response,
        categories=["abuse"],
        evidence=comment.text,
        due_by=datetime(2030, 1, 1, tzinfo=UTC),
    )
