"""Overdue actions are chased weekly; reminder emails link to the action at the public address."""

import datetime
import io

import pytest
from django.core.management import call_command
from freezegun import freeze_time

from coproduction import services
from coproduction.choices import ActionStatus
from coproduction.tasks import send_action_reminders
from tests.coproduction.factories import ActionFactory

TODAY = datetime.date(2026, 3, 10)
PUBLIC = "https://feedback.council.example"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC


@pytest.fixture
def late(board):
    return ActionFactory(board=board, due_on=TODAY - datetime.timedelta(days=3))


def _days(n):
    return TODAY + datetime.timedelta(days=n)


def test_owner_of_an_overdue_action_is_chased(late, mailoutbox):
    with freeze_time(TODAY):
        assert services.action_overdue_reminders_send() == [late]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [late.owner_email]
    assert late.title in mailoutbox[0].body


def test_overdue_chase_is_weekly_however_often_it_runs(late, mailoutbox):
    for day in range(14):  # run daily for two weeks
        with freeze_time(_days(day)):
            send_action_reminders.enqueue()
    assert len(mailoutbox) == 2
    late.refresh_from_db()
    assert late.overdue_reminded_on == _days(7)


def test_chasing_stops_when_done_or_re_dated(board, officer, late, mailoutbox):
    other = ActionFactory(board=board, due_on=TODAY - datetime.timedelta(days=1))
    with freeze_time(TODAY):
        services.action_close(action=late, by=officer, we_did="Done")
        services.action_assign(
            action=other,
            by=officer,
            owner=other.owner,
            owner_email=other.owner_email,
            due_on=_days(30),
        )
        assert services.action_overdue_reminders_send() == []
    assert mailoutbox == []


def test_overdue_action_without_an_owner_is_not_chased_by_email(board, mailoutbox):
    ActionFactory(board=board, due_on=TODAY - datetime.timedelta(days=3), owner_email="")
    with freeze_time(TODAY):
        assert services.action_overdue_reminders_send() == []
    assert mailoutbox == []


def test_dry_run_chases_nobody(late, mailoutbox):
    out = io.StringIO()
    with freeze_time(TODAY):
        call_command("send_action_reminders", "--dry-run", stdout=out)
    assert "Would remind 1 owner(s) of overdue actions" in out.getvalue()
    assert mailoutbox == []
    late.refresh_from_db()
    assert late.overdue_reminded_on is None


@pytest.mark.parametrize("kind", ["due soon", "overdue"])
def test_reminders_link_to_the_action_at_the_public_address(board, mailoutbox, kind):
    due_on = _days(3) if kind == "due soon" else _days(-3)
    action = ActionFactory(board=board, due_on=due_on)
    with freeze_time(TODAY):
        send_action_reminders.enqueue()
    (message,) = mailoutbox
    assert f"{PUBLIC}/board/{board.slug}/actions/{action.pk}/" in message.body
    assert "127.0.0.1" not in message.body and "testserver" not in message.body


def test_reminder_subject_keeps_the_board_name_as_written(other_board, mailoutbox):
    ActionFactory(board=other_board, due_on=_days(3))  # "Carers' Forum"
    with freeze_time(TODAY):
        send_action_reminders.enqueue()
    assert "Carers' Forum" in mailoutbox[0].subject


def test_done_actions_are_never_chased(board, mailoutbox):
    ActionFactory(board=board, due_on=_days(-3), status=ActionStatus.DONE)
    ActionFactory(board=board, due_on=_days(-3), status=ActionStatus.DROPPED)
    with freeze_time(TODAY):
        assert services.action_overdue_reminders_send() == []
