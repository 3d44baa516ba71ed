"""A flagged 'Is it better now?' comment waits in the one safeguarding queue, with a due date,
and a safeguarding lead decides it there as they decide a survey comment's flag."""

import uuid
from datetime import date

import pytest
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from coproduction.choices import ActionStatus
from coproduction.follow_ups import follow_up_submit
from coproduction.models import FollowUp
from tests.coproduction.factories import ActionFactory
from tests.themes.factories import SafeguardingFlagFactory
from themes.selectors import safeguarding_open_count

# Invented for these tests: a disclosure (money taken by a relative) and an ordinary comment.
WORRYING = "Since then my grandson has been taking money from my purse and hits me if I say no."
ORDINARY = "The call-back came the next morning, which was a relief."
QUEUE = "/admin/themes/safeguarding/"


@pytest.fixture
def entry(board):
    return ActionFactory(
        board=board,
        title="Offer call-backs",
        status=ActionStatus.DONE,
        completed_on=date(2026, 4, 2),
        you_said="You waited too long for a call back",
        we_did="The contact centre now offers a call-back within a day",
        published_at=timezone.now(),
    )


def _answer(entry, comment):
    follow_up, _ = follow_up_submit(
        action=entry, answer="worse", comment=comment, submission_token=uuid.uuid4()
    )
    return follow_up


@freeze_time("2026-04-20 10:00")
def test_a_flagged_follow_up_comment_is_due_like_a_survey_flag(entry, settings):
    settings.SAFEGUARDING_RESPONSE_DAYS = 1
    flagged = _answer(entry, WORRYING)
    plain = _answer(entry, ORDINARY)
    assert flagged.safeguarding_categories
    assert flagged.safeguarding_due_on == date(2026, 4, 21)
    assert plain.safeguarding_due_on is None
    assert safeguarding_open_count() == 1


def test_the_queue_lists_follow_up_flags_with_survey_flags_most_urgent_first(
    client, entry, safeguarding_lead
):
    with freeze_time("2026-04-10 10:00"):
        follow_up = _answer(entry, WORRYING)  # due 11 April: overdue by the 20th
    with freeze_time("2026-04-20 10:00"):
        SafeguardingFlagFactory(due_on=date(2026, 4, 21))
        client.force_login(safeguarding_lead)
        page = client.get(QUEUE).content.decode()
    assert "&#x27;Is it better now?&#x27; on: Offer call-backs" in page
    link = f'href="/admin/safeguarding/follow-ups/{follow_up.pk}/"'
    assert link in page
    assert page.index(link) < page.index('href="/admin/themes/safeguarding/')
    assert "Overdue" in page
    assert WORRYING not in page  # the list never shows the words


def test_a_safeguarding_lead_reads_it_and_records_an_outcome_with_audit(
    client, entry, safeguarding_lead
):
    follow_up = _answer(entry, WORRYING)
    url = f"/admin/safeguarding/follow-ups/{follow_up.pk}/"
    client.force_login(safeguarding_lead)
    page = client.get(url).content.decode()
    assert "taking money from my purse" in page
    assert ModelLogEntry.objects.filter(action="coproduction.follow_up.view_unredacted").exists()
    sent = client.post(url, {"outcome": "raised", "notes": "Referred to the adult front door"})
    assert sent.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.safeguarding_outcome == "raised"
    assert follow_up.safeguarding_outcome_by == safeguarding_lead
    assert safeguarding_open_count() == 0
    entry_log = ModelLogEntry.objects.get(action="coproduction.follow_up.safeguarding_outcome")
    assert entry_log.data == {"follow_up": follow_up.pk, "outcome": "raised"}
    queue = client.get(QUEUE).content.decode()
    assert "Raised as a safeguarding concern" in queue
    assert timezone.localdate().strftime("%-d %b %Y") in queue


def test_only_safeguarding_leads_open_it_and_only_flagged_answers_have_a_page(
    client, entry, safeguarding_lead, engagement_lead
):
    flagged = _answer(entry, WORRYING)
    plain = _answer(entry, ORDINARY)
    client.force_login(engagement_lead)
    refused = client.get(f"/admin/safeguarding/follow-ups/{flagged.pk}/")
    assert refused.status_code in (302, 403)  # Wagtail's admin sends a refusal to its dashboard
    assert "purse" not in refused.content.decode()
    assert client.post(f"/admin/safeguarding/follow-ups/{flagged.pk}/", {"outcome": "raised"})
    assert FollowUp.objects.get(pk=flagged.pk).safeguarding_outcome == ""
    client.force_login(safeguarding_lead)
    assert client.get(f"/admin/safeguarding/follow-ups/{plain.pk}/").status_code == 404


def test_the_email_links_the_flag_itself(entry, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        follow_up = _answer(entry, WORRYING)
    (email,) = mailoutbox
    assert f"/admin/safeguarding/follow-ups/{follow_up.pk}/" in email.body
    assert "purse" not in email.body
