"""A merge means what it says: mentions count for the surviving theme, and the tagger uses it.
A decided phrase is not suggested again until staff reopen it."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from core import roles
from insights.models import MonthlyThemeRollup
from surveys.models import Response
from tests.themes.factories import reviewer
from themes.engine import current_tagger
from themes.models import PhraseDecision, Theme, ThemeMention
from themes.selectors import emerging_phrases_in
from themes.services import phrase_decision_record, phrase_merge_into, phrase_reopen


@pytest.fixture
def send(client, keys, touchpoint, django_capture_on_commit_callbacks):
    def send(text):
        with django_capture_on_commit_callbacks(execute=True):  # tagging runs on commit
            client.post(
                "/f/hd7k2",
                {
                    "submission_token": str(uuid.uuid4()),
                    f"q_{keys['overall']}": "poor",
                    f"q_{keys['do_better']}": text,
                },
            )
        return Response.objects.latest("pk")

    return send


@pytest.fixture
def grown_and_survivor(db):
    grown = Theme.objects.create(name="Promised call back", key="promised-call-back")
    grown.phrases = "promised call back"
    grown.save()
    survivor = Theme.objects.create(
        name="Kept informed", key="kept-informed", phrases="kept in the dark"
    )
    return grown, survivor


def _theme_count(theme):
    rows = MonthlyThemeRollup.objects.filter(theme=theme).values_list("negative", "positive")
    return sum(negative + positive for negative, positive in rows)


def test_after_a_merge_mentions_and_counts_belong_to_the_survivor(send, grown_and_survivor):
    grown, survivor = grown_and_survivor
    send("They promised call back twice and nobody did.")
    both = send("I was kept in the dark and they promised call back.")
    send("Kept in the dark about my mum's care plan.")
    assert ThemeMention.objects.filter(theme=grown).count() == 2
    assert _theme_count(survivor) == 2

    phrase_merge_into(phrase="Promised call back", into=survivor, by=reviewer())

    grown.refresh_from_db()
    survivor.refresh_from_db()
    assert not grown.is_active
    assert not ThemeMention.objects.filter(theme=grown).exists()
    # One mention per comment: the comment that mentioned both keeps a single one.
    assert ThemeMention.objects.filter(theme=survivor).count() == 3
    assert ThemeMention.objects.filter(theme=survivor, response=both).count() == 1
    assert (_theme_count(survivor), _theme_count(grown)) == (3, 0), "roll-ups follow at once"
    assert "promised call back" in survivor.phrases.lower()
    merge_log = ModelLogEntry.objects.get(action="themes.theme.merge")
    assert merge_log.data["merged"] == grown.pk


def test_after_a_merge_new_comments_are_tagged_with_the_survivor(send, grown_and_survivor):
    grown, survivor = grown_and_survivor
    phrase_merge_into(phrase="promised call back", into=survivor, by=reviewer())
    assert "kept-informed" in {
        tag.theme_key for tag in current_tagger().analyse("They promised call back.").tags
    }
    response = send("Again they promised call back and never rang.")
    keys = set(response.theme_mentions.values_list("theme__key", flat=True))
    assert "kept-informed" in keys and "promised-call-back" not in keys


def test_merging_a_phrase_with_no_theme_of_its_own_teaches_the_survivor(send, db):
    survivor = Theme.objects.create(name="Equipment", key="equipment-x", phrases="hoist")
    phrase_merge_into(phrase="grab rail", into=survivor, by=reviewer())
    response = send("The grab rail in the bathroom came off the wall.")
    assert "equipment-x" in set(response.theme_mentions.values_list("theme__key", flat=True))
    assert PhraseDecision.objects.get(phrase="grab rail").outcome == "merged"


def test_a_rejected_phrase_is_not_suggested_again_until_reopened(send, db):
    for place in ("hall", "ward", "day centre", "office", "hub", "library"):
        send(f"The parking permit at the {place} was a nightmare to sort out.")
    responses = Response.objects.all()
    assert "parking permit" in [phrase for phrase, _n in emerging_phrases_in(responses)]

    decision = phrase_decision_record(phrase="Parking  Permit", outcome="rejected")
    assert decision.phrase == "parking permit"
    assert "parking permit" not in [phrase for phrase, _n in emerging_phrases_in(responses)]

    with pytest.raises(PermissionDenied):
        phrase_reopen(decision=decision, by=reviewer())  # officers don't edit the theme list
    from tests.coproduction.factories import user_in_role

    lead = user_in_role(roles.ENGAGEMENT_LEADS, mfa=True)
    phrase_reopen(decision=decision, by=lead)
    assert "parking permit" in [phrase for phrase, _n in emerging_phrases_in(responses)]
    assert ModelLogEntry.objects.filter(action="themes.phrase.reopen", user=lead).exists()
