"""Quotes never show a sentence that is mostly redaction placeholders."""

from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse

from core import roles
from insights.periods import last_full_months
from insights.rollups import rollups_rebuild
from insights.summaries import theme_summary
from tests.insights.factories import response_with
from tests.themes.factories import mention_of
from themes.models import Theme

MOSTLY_PLACEHOLDERS = [
    "Please call my daughter [name] on [phone].",
    "Write to [name] at [address], [postcode].",
    "My [NHS number] and [date of birth] for the record.",
]
WORTH_QUOTING = "The carer told [name] she would be back at four but nobody came all evening."


def _comments_on_waiting_times(touchpoint, day, sentences):
    theme = Theme.objects.get(key="waiting_times")
    for sentence in sentences:
        comment = response_with(touchpoint, day, overall="poor", text=sentence).comments.get()
        mention_of(comment, theme, evidence=sentence, compound=-0.9)
    response_with(touchpoint, day, overall="poor", themes=["waiting_times"], text="Slow again.")
    rollups_rebuild(start=day, end=day)


def _quotes(summary):
    return next(row["quotes"] for row in summary["themes"] if row["key"] == "waiting_times")


def test_summary_skips_quotes_that_are_mostly_placeholders(touchpoint):
    day = date(2026, 3, 5)
    _comments_on_waiting_times(touchpoint, day, [*MOSTLY_PLACEHOLDERS, *MOSTLY_PLACEHOLDERS])
    quotes = _quotes(theme_summary(start=day, end=day))
    assert not any("[" in quote for quote in quotes)
    assert quotes == ["Slow again. (waiting_times)"]


def test_a_long_sentence_with_one_placeholder_is_still_quoted(touchpoint):
    day = date(2026, 3, 5)
    _comments_on_waiting_times(touchpoint, day, [WORTH_QUOTING, *MOSTLY_PLACEHOLDERS * 2])
    assert _quotes(theme_summary(start=day, end=day))[0] == WORTH_QUOTING


def test_board_dashboard_never_quotes_a_mostly_placeholder_sentence(
    client, django_user_model, touchpoint
):
    day = last_full_months(date.today())[1]  # inside the default period
    _comments_on_waiting_times(touchpoint, day, [WORTH_QUOTING, *MOSTLY_PLACEHOLDERS * 2])
    member = django_user_model.objects.create_user(username="board", password="x")
    member.groups.add(Group.objects.get(name=roles.BOARD_MEMBERS))
    client.force_login(member)
    page = client.get(reverse("insights:board-dashboard")).content.decode()
    assert "The carer told [name] she would be back at four" in page
    assert "Slow again." in page
    for sentence in MOSTLY_PLACEHOLDERS:
        assert sentence.split("[")[0].strip() not in page
