"""People and rows for the themes tests: themes, and what the engine leaves on a comment."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import OFFICERS
from tests.surveys.factories import FreeTextAnswerFactory
from themes.models import CommentAnalysis, SafeguardingFlag, Sentiment, Theme, ThemeMention


def reviewer(username="reviewer"):
    """An officer: may confirm or reject theme tags."""
    user = get_user_model().objects.create_user(username)
    user.groups.add(Group.objects.get(name=OFFICERS))
    return user


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Test theme {n}")
    key = factory.Sequence(lambda n: f"test_theme_{n}")
    phrases = factory.LazyAttribute(lambda o: o.name.lower())


class CommentAnalysisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommentAnalysis

    comment = factory.SubFactory(FreeTextAnswerFactory)
    sentiment = Sentiment.NEGATIVE
    compound = -0.5
    redacted_text = factory.SelfAttribute("comment.text")


class ThemeMentionFactory(factory.django.DjangoModelFactory):
    """A mention with the response, service and day copied from the comment, as tagging copies
    them."""

    class Meta:
        model = ThemeMention

    comment = factory.SubFactory(FreeTextAnswerFactory)
    theme = factory.SubFactory(ThemeFactory)
    response = factory.SelfAttribute("comment.response")
    service = factory.SelfAttribute("comment.response.service")
    submitted_on = factory.SelfAttribute("comment.response.submitted_on")
    sentiment = Sentiment.NEGATIVE
    compound = -0.5
    evidence = factory.SelfAttribute("comment.text")


class SafeguardingFlagFactory(factory.django.DjangoModelFactory):
    """An open flag on a comment, due when the service level says."""

    class Meta:
        model = SafeguardingFlag

    comment = factory.SubFactory(FreeTextAnswerFactory)
    response = factory.SelfAttribute("comment.response")
    categories = factory.LazyFunction(lambda: ["abuse"])
    evidence = factory.SelfAttribute("comment.text")
    raised_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda o: SafeguardingFlag.due_from(o.raised_on))


def mention_of(comment, theme, **fields):
    """A mention of `theme` in `comment`, with the response, service and day copied as tagging
    copies them."""
    return ThemeMentionFactory(comment=comment, theme=theme, **fields)


def flag(response):
    """An open safeguarding flag on the response's one comment, due in 2030."""
    return SafeguardingFlagFactory(comment=response.comments.get(), due_on=date(2030, 1, 1))
