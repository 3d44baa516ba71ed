"""'Is it better now?': anonymous, exactly once, rate-limited, and counted only when safe."""

import uuid
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from coproduction.choices import ActionStatus
from coproduction.follow_ups import follow_up_submit
from coproduction.models import FollowUp
from core.models import CouncilSettings
from insights.follow_ups import follow_up_rows
from surveys.models import Response
from surveys.retention import retention_apply
from tests.coproduction.factories import ActionFactory
from tests.surveys.test_privacy import _rows_by_table, _times_of_day
from tests.themes.factories import ThemeFactory

CLIENT_IP = "198.51.100.23"
USER_AGENT = "Mozilla/5.0 (FollowUpTestPhone) Safari/537.36"


@pytest.fixture
def entry(board):
    action = ActionFactory(
        board=board,
        title="Offer call-backs",
        status=ActionStatus.DONE,
        completed_on=date(2026, 4, 2),
        you_said="You waited too long for a call back",
        we_did="The contact centre now offers a call-back within a day",
        published_at=timezone.now(),
    )
    action.themes.add(ThemeFactory(name="Call backs", key="call_backs", phrases="call back"))
    return action


def _url(action):
    return f"/board/you-said-we-did/{action.pk}/is-it-better/"


def _post(client, action, answer="better", comment="", token=None, **extra):
    prefix = f"change-{action.pk}"
    data = {
        f"{prefix}-answer": answer,
        f"{prefix}-comment": comment,
        f"{prefix}-submission_token": str(token or uuid.uuid4()),
        **extra,
    }
    return client.post(_url(action), data, REMOTE_ADDR=CLIENT_IP, HTTP_USER_AGENT=USER_AGENT)


def _answer(action, answer, count):
    for _ in range(count):
        follow_up_submit(action=action, answer=answer, submission_token=uuid.uuid4())


def test_an_answer_is_stored_with_no_ip_user_agent_or_time_of_day(client, entry):
    before = _rows_by_table()
    with freeze_time("2026-04-20 14:37:12"):
        page = _post(client, entry, comment="Much better, they rang me back the same day")
    assert "Thank you for telling us" in page.content.decode()
    after = _rows_by_table()
    added = {table: after[table] - before.get(table, set()) for table in after}
    assert added["coproduction_followup"], "the answer was stored"
    new_rows = [value for rows in added.values() for row in rows for value in row]
    assert not [v for v in new_rows if CLIENT_IP in v or "FollowUpTestPhone" in v]
    assert {t: _times_of_day(rows) for t, rows in added.items() if _times_of_day(rows)} == {}
    assert not [v for v in new_rows if "14:37" in v]
    stored = FollowUp.objects.get()
    assert stored.given_on == date(2026, 4, 20)
    assert {f.get_internal_type() for f in FollowUp._meta.concrete_fields}.isdisjoint(
        {"DateTimeField", "TimeField", "GenericIPAddressField"}
    )


def test_the_same_form_sent_twice_is_stored_once(client, entry):
    token = uuid.uuid4()
    _post(client, entry, token=token)
    _post(client, entry, answer="worse", token=token)
    assert FollowUp.objects.get().answer == "better"


def test_a_follow_up_is_not_a_survey_response(client, entry):
    _post(client, entry, comment="It is better now")
    assert Response.objects.count() == 0
    assert FollowUp.objects.count() == 1


def test_too_many_answers_from_one_connection_are_refused(client, entry, settings):
    settings.SURVEY_RATE_LIMIT = (2, 600)
    assert _post(client, entry).status_code == 200
    assert _post(client, entry).status_code == 200
    refused = _post(client, entry)
    assert refused.status_code == 429
    assert FollowUp.objects.count() == 2


def test_the_honeypot_stores_nothing_but_looks_the_same(client, entry):
    page = _post(client, entry, **{f"change-{entry.pk}-website": "http://spam.example"})
    assert "Thank you for telling us" in page.content.decode()
    assert FollowUp.objects.count() == 0


def test_an_answer_must_be_chosen(client, entry):
    page = _post(client, entry, answer="")
    assert "Choose better, the same or worse." in page.content.decode()
    assert FollowUp.objects.count() == 0


def test_unpublished_or_undone_actions_cannot_be_answered(client, entry):
    entry.published_at = None
    entry.save()
    assert _post(client, entry).status_code == 404
    entry.published_at = timezone.now()
    entry.status = ActionStatus.IN_PROGRESS
    entry.save()
    assert _post(client, entry).status_code == 404
    assert FollowUp.objects.count() == 0


def test_the_form_works_without_javascript_on_its_own_page(client, entry):
    page = client.get(_url(entry)).content.decode()
    assert 'type="radio"' in page and "It has got better" in page
    assert f'name="change-{entry.pk}-submission_token"' in page


def test_comments_are_tagged_redacted_and_checked_for_safeguarding(client, entry, settings):
    _post(client, entry, answer="worse", comment="Still no call back. Ring Jo on 07700 900123")
    stored = FollowUp.objects.get()
    assert "07700 900123" not in stored.redacted_comment
    assert "call_backs" in {t.key for t in stored.themes.all()}
    assert stored.safeguarding_categories == []
    assert mail.outbox == []


def test_a_worrying_comment_tells_the_safeguarding_lead_without_the_comment(
    client, entry, django_capture_on_commit_callbacks
):
    words = "My nephew takes my pension every week and shouts at me if I ask for it back."
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, entry, answer="same", comment=words)
    stored = FollowUp.objects.get()
    assert stored.safeguarding_categories
    (email,) = mail.outbox
    assert email.to == [CouncilSettings().safeguarding_email]
    assert "pension" not in email.body and "nephew" not in email.subject + email.body


def test_public_entry_shows_counts_only_when_safe(client, entry, you_said_we_did_page):
    _answer(entry, "better", 4)
    page = client.get(you_said_we_did_page.url).content.decode()
    assert f'id="change-{entry.pk}"' in page
    assert "Fewer than 5 people have told us since." in page
    assert "Of 4" not in page
    _answer(entry, "better", 18)
    _answer(entry, "same", 10)
    _answer(entry, "worse", 9)
    page = client.get(you_said_we_did_page.url).content.decode()
    assert "Of 41 people who told us since, 22 said it is better, 10 the same and 9 worse." in page
    assert "Is it better now?" in page


def test_board_action_page_shows_the_answers_beside_the_trend(client, entry, member):
    _answer(entry, "better", 5)
    _answer(entry, "worse", 5)
    client.force_login(member)
    page = client.get(f"/board/{entry.board.slug}/actions/{entry.pk}/").content.decode()
    assert "Of 10 people who told us since, 5 said it is better, 0 the same and 5 worse." in page


def test_dashboard_and_local_account_rows_count_the_period_suppressed(entry):
    with freeze_time("2026-04-10"):
        _answer(entry, "better", 6)
    with freeze_time("2025-04-10"):
        _answer(entry, "worse", 2)  # before the period: not counted

    class Period:
        start, end, service_id = date(2026, 4, 1), date(2026, 4, 30), None

    (row,) = follow_up_rows(Period)
    assert row["entry"] == entry
    assert row["answers"].total == 6 and row["answers"].better == 6
    assert row["answers"].same == 0


def test_retention_removes_old_follow_up_comments_but_keeps_the_answer(entry, settings):
    settings.RETENTION_FREE_TEXT_MONTHS = 1
    follow_up, _ = follow_up_submit(
        action=entry,
        answer="better",
        comment="Better since the call back",
        submission_token=uuid.uuid4(),
        given_on=date(2026, 1, 1),
    )
    report = retention_apply(today=date(2026, 4, 1))
    follow_up.refresh_from_db()
    assert follow_up.comment == "" and follow_up.redacted_comment == ""
    assert follow_up.text_removed_on == date(2026, 4, 1)
    assert follow_up.answer == "better"
    assert report.elsewhere["follow_up_comments_removed"] == 1


def test_staff_read_follow_up_comments_redacted_and_board_members_cannot(
    client, entry, safeguarding_lead, member
):
    _post(client, entry, answer="worse", comment="Still waiting. Ring Jo on 07700 900123")
    client.force_login(safeguarding_lead)
    page = client.get("/admin/coproduction/follow-ups/").content.decode()
    assert "Still waiting." in page
    assert "07700 900123" not in page
    client.force_login(member)
    refused = client.get("/admin/coproduction/follow-ups/")
    assert refused.status_code in {302, 403}
