import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail import hooks
from wagtail.models import ModelLogEntry

from coproduction import selectors, services
from coproduction.choices import ThemeDecision
from tests.coproduction.factories import MeetingFactory


def _suggesting(*phrases):
    """The engine (reporting fills this hook) suggests these phrases for every meeting."""
    return hooks.register_temporarily("meeting_suggested_phrases", lambda meeting: list(phrases))


@pytest.fixture
def waiting(db):
    from themes.models import Theme

    return Theme.objects.create(name="Waiting times", key="waiting-times")


def test_adopting_a_theme_raises_a_linked_action(client, meeting, officer, waiting):
    client.force_login(officer)
    url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    response = client.post(
        url, {"form": "adopt", "theme": waiting.pk, "owner": "Head of Assessment"}
    )
    action = meeting.actions.get()
    assert response["Location"].endswith(f"/actions/{action.pk}/")
    assert list(action.themes.all()) == [waiting]
    assert action.board == meeting.board


def test_chair_can_adopt_a_priority(meeting, chair, waiting):
    action = services.theme_adopt(board=meeting.board, theme=waiting, by=chair, owner="Officer")
    assert action.themes.get() == waiting


def test_member_cannot_adopt_or_decide(client, meeting, member, waiting):
    with pytest.raises(PermissionDenied):
        services.theme_adopt(board=meeting.board, theme=waiting, by=member, owner="x")
    client.force_login(member)
    url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    assert client.post(url, {"form": "decide"}).status_code == 403


def test_other_boards_chair_cannot_review_this_board(meeting, other_board, waiting):
    from tests.coproduction.conftest import _member

    other_chair = _member(other_board, "chair")
    with pytest.raises(PermissionDenied):
        services.theme_review_record(
            meeting=meeting, suggested_phrase="x", decision=ThemeDecision.REJECT, by=other_chair
        )


def test_accepting_a_phrase_records_who_and_creates_the_theme(meeting, officer):
    decision = services.theme_review_record(
        meeting=meeting,
        suggested_phrase="nobody rang back",
        decision=ThemeDecision.RENAME,
        new_name="Call-backs",
        by=officer,
    )
    assert decision.decided_by == officer and decision.decided_at
    assert decision.theme.name == "Call-backs"
    assert "nobody rang back" in decision.theme.phrases


def test_merge_needs_a_target_and_rename_needs_a_name(meeting, officer):
    with pytest.raises(ValidationError):
        services.theme_review_record(
            meeting=meeting, suggested_phrase="x", decision=ThemeDecision.MERGE, by=officer
        )
    with pytest.raises(ValidationError):
        services.theme_review_record(
            meeting=meeting, suggested_phrase="x", decision=ThemeDecision.RENAME, by=officer
        )


def test_a_failed_rename_writes_nothing(client, meeting, officer):
    from coproduction.models import ThemeReviewDecision
    from themes.models import Theme

    themes_before = Theme.objects.count()
    with pytest.raises(ValidationError):
        services.theme_review_record(
            meeting=meeting, suggested_phrase="nobody rings back", decision="rename", by=officer
        )
    client.force_login(officer)
    url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    with _suggesting("nobody rings back"):
        page = client.post(
            url, {"form": "decide", "suggested_phrase": "nobody rings back", "decision": "rename"}
        )
    assert "Give the theme its new name." in page.content.decode()
    assert Theme.objects.count() == themes_before
    assert not ThemeReviewDecision.objects.exists()


def test_decisions_are_noted_in_the_minutes(client, minutes, officer, chair, waiting):
    services.theme_review_record(
        meeting=minutes.meeting,
        suggested_phrase="long waits",
        decision=ThemeDecision.MERGE,
        theme=waiting,
        by=officer,
    )
    services.minutes_circulate(minutes=minutes, by=officer)
    services.minutes_approve(minutes=minutes, by=chair)
    services.minutes_publish(minutes=minutes, by=officer)
    html = client.get(minutes.get_absolute_url()).content.decode()
    assert "long waits" in html and "Merge into an existing theme" in html


def test_theme_review_without_an_engine_shows_an_empty_summary(client, meeting, member):
    client.force_login(member)
    html = client.get(reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk]))
    assert html.status_code == 200


def test_theme_review_words_counts_and_changes_in_the_members_language(
    client, meeting, member, monkeypatch
):
    from django.utils import translation

    from insights import selectors
    from insights.suppression import FEWER_THAN
    from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE, assert_isolated

    themes = [
        {
            "name": "Waiting times",
            "count": 12,
            "suppressed": False,
            "change": -3.0,
            "change_text": "CHANGE",
            "quotes": [f"Nobody rang {RIGHT_TO_LEFT_OVERRIDE}kcab"],
        },
        {"name": "Respite", "count": FEWER_THAN, "suppressed": True, "change": None},
    ]
    monkeypatch.setattr(selectors, "theme_summary", lambda **dates: {"themes": themes})
    client.force_login(member)
    with translation.override("pl"):
        url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    html = client.get(url).content.decode()
    assert "Waiting times</strong>: 12 odpowiedzi (CHANGE)" in html
    assert "Respite</strong>: mniej niż 5 odpowiedzi" in html
    assert "odp." not in html
    assert_isolated(html)


def test_members_pick_the_phrase_from_the_suggestions(client, meeting, officer):
    from coproduction.models import ThemeReviewDecision

    client.force_login(officer)
    url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    with _suggesting("long waits", "parking"):
        page = client.get(url).content.decode()
        assert re.search(r'<input[^>]+name="suggested_phrase"[^>]+value="long waits"', page)
        typed = client.post(
            url, {"form": "decide", "suggested_phrase": "lnog waits", "decision": "reject"}
        )
    assert "There is a problem" in typed.content.decode()
    assert not ThemeReviewDecision.objects.exists()


def test_a_rejected_phrase_stays_rejected_at_the_next_meeting(client, meeting, officer):
    with _suggesting("long waits", "parking"):
        assert selectors.meeting_suggested_phrases(meeting=meeting) == ["long waits", "parking"]
        services.theme_review_record(
            meeting=meeting, suggested_phrase="long waits", decision="reject", by=officer
        )
        later = MeetingFactory(board=meeting.board, starts_at=meeting.starts_at + timedelta(90))
        assert selectors.meeting_suggested_phrases(meeting=later) == ["parking"]
        client.force_login(officer)
        url = reverse("coproduction:theme-review", args=[later.board.slug, later.pk])
        page = client.get(url).content.decode()
    assert 'value="long waits"' not in page and 'value="parking"' in page


def test_every_decision_is_in_the_audit_log_with_what_was_decided(meeting, officer, waiting):
    services.theme_review_record(
        meeting=meeting,
        suggested_phrase="hours on hold",
        decision=ThemeDecision.MERGE,
        theme=waiting,
        by=officer,
    )
    entry = ModelLogEntry.objects.get(action="coproduction.theme.decide")
    assert entry.user == officer
    assert entry.data | {"decision": None} == {
        "decision": None,
        "phrase": "hours on hold",
        "outcome": "merge",
        "theme": waiting.pk,
    }
    waiting.refresh_from_db()
    assert "hours on hold" in waiting.phrases
