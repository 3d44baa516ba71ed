"""A rule tag staff rejected again and again for the same trigger is reported to engagement
leads, who can narrow the rule in one click (audit-logged)."""

import pytest
from wagtail.models import ModelLogEntry

from core import roles
from tests.core.factories import user_in_role
from tests.themes.learning_data import (
    letters_of_thanks,
    reviewed_comment,
    rules_tagger,
    unanswered_letters,
)
from themes.models import Theme
from themes.narrowing import rejected_triggers

pytestmark = pytest.mark.django_db
PAGE = "/admin/themes/rejected-rules/"


def _reviewed(touchpoint, *, thanks=3, unanswered=1):
    tagger = rules_tagger()
    for text in letters_of_thanks()[:thanks]:
        reviewed_comment(touchpoint, text, reject={"communication"}, tagger=tagger)
    for text in unanswered_letters()[:unanswered]:
        reviewed_comment(touchpoint, text, tagger=tagger)


def test_a_trigger_rejected_three_times_is_reported_with_its_counts(touchpoint):
    _reviewed(touchpoint)
    [row] = rejected_triggers()
    assert (row.theme.key, row.trigger, row.rejected, row.confirmed) == (
        "communication",
        "letter",
        3,
        1,
    )
    assert row.phrases == ["letter"]


def test_a_trigger_rejected_twice_is_not_reported(touchpoint):
    _reviewed(touchpoint, thanks=2)
    assert rejected_triggers() == []


def test_rejected_tags_the_rules_did_not_make_are_not_reported(touchpoint):
    from themes.models import ThemeMention

    _reviewed(touchpoint)
    ThemeMention.objects.filter(review="rejected").update(source="model")
    assert rejected_triggers() == []


def test_narrowing_removes_the_phrase_logs_it_and_stops_the_tag(client, touchpoint):
    _reviewed(touchpoint)
    lead = user_in_role(roles.ENGAGEMENT_LEADS)
    client.force_login(lead)
    page = client.get(PAGE).content.decode()
    assert "<bdi>letter</bdi>" in page and "Narrow the rule" in page
    theme = Theme.objects.get(key="communication")

    client.post(f"{PAGE}{theme.pk}/narrow/", {"trigger": "letter"})

    theme.refresh_from_db()
    assert "letter" not in theme.phrases.splitlines()
    assert "message" in theme.phrases.splitlines()  # only that phrase went
    entry = ModelLogEntry.objects.get(action="themes.theme.narrow")
    assert (entry.user, entry.data["removed"]) == (lead, ["letter"])
    text = letters_of_thanks()[0]
    assert "communication" not in {t.theme_key for t in rules_tagger().analyse(text).tags}
    assert "No phrase rule has been rejected that often." in client.get(PAGE).content.decode()


@pytest.mark.parametrize("role", [roles.OFFICERS, roles.BOARD_MEMBERS])
def test_only_people_who_edit_themes_see_or_narrow_rules(client, touchpoint, role):
    _reviewed(touchpoint)
    client.force_login(user_in_role(role))
    theme = Theme.objects.get(key="communication")
    assert client.get(PAGE).status_code in (302, 403)
    client.post(f"{PAGE}{theme.pk}/narrow/", {"trigger": "letter"})
    theme.refresh_from_db()
    assert "letter" in theme.phrases.splitlines()
    assert not ModelLogEntry.objects.filter(action="themes.theme.narrow").exists()
