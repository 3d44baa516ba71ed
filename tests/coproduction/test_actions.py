import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time

from coproduction import selectors, services
from coproduction.choices import ActionStatus
from coproduction.models import Action
from coproduction.tasks import send_action_reminders
from tests.coproduction.factories import ActionFactory

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def due_soon(board):
    return ActionFactory(board=board, due_on=TODAY + datetime.timedelta(days=3))


@freeze_time(TODAY)
def test_overdue_means_open_and_past_its_due_date(board):
    late = ActionFactory(board=board, due_on=TODAY - datetime.timedelta(days=1))
    ActionFactory(board=board, due_on=TODAY)
    ActionFactory(board=board, due_on=TODAY - datetime.timedelta(days=9), status=ActionStatus.DONE)
    ActionFactory(board=board, due_on=None)
    assert list(selectors.actions_overdue_for_board(board=board)) == [late]
    assert late.is_overdue()


@freeze_time(TODAY)
def test_action_log_highlights_overdue_actions(client, board, member):
    ActionFactory(board=board, title="Late one", due_on=TODAY - datetime.timedelta(days=2))
    ActionFactory(board=board, title="On time", due_on=TODAY + datetime.timedelta(days=2))
    client.force_login(member)
    html = client.get(reverse("coproduction:action-log", args=[board.slug])).content.decode()
    # The red tag marks overdue actions, whatever the page's language.
    assert html.count("govuk-tag--red") == 1
    assert html.index("Late one") < html.index("govuk-tag--red") < html.index("On time")


@freeze_time(TODAY)
def test_reminder_sent_once_per_due_date(due_soon, mailoutbox):
    assert send_action_reminders.enqueue().return_value == 1
    assert send_action_reminders.enqueue().return_value == 0
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [due_soon.owner_email]
    due_soon.refresh_from_db()
    due_soon.due_on = TODAY + datetime.timedelta(days=5)
    due_soon.save()
    assert send_action_reminders.enqueue().return_value == 1


@freeze_time(TODAY)
def test_no_reminder_for_far_off_done_or_ownerless_actions(board, mailoutbox):
    ActionFactory(board=board, due_on=TODAY + datetime.timedelta(days=30))
    ActionFactory(board=board, due_on=TODAY + datetime.timedelta(days=2), status=ActionStatus.DONE)
    ActionFactory(board=board, due_on=TODAY + datetime.timedelta(days=2), owner_email="")
    ActionFactory(board=board, due_on=TODAY - datetime.timedelta(days=2))
    assert services.action_reminders_send() == []
    assert mailoutbox == []


@freeze_time(TODAY)
def test_command_dry_run_sends_nothing(due_soon, mailoutbox):
    out = io.StringIO()
    call_command("send_action_reminders", "--dry-run", stdout=out)
    assert "Would remind 1" in out.getvalue()
    assert mailoutbox == []
    call_command("send_action_reminders", stdout=out)
    call_command("send_action_reminders", stdout=out)
    assert len(mailoutbox) == 1


def test_officer_closes_and_publishes_you_said_we_did(client, board, officer, you_said_we_did_page):
    action = ActionFactory(board=board)
    client.force_login(officer)
    url = reverse("coproduction:action-detail", args=[board.slug, action.pk])
    client.post(
        url,
        {
            "form": "close",
            "you_said": "Calls went unanswered.",
            "we_did": "We added a call-back service.",
        },
    )
    client.post(url, {"form": "publish"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.is_published
    public = client.get(you_said_we_did_page.url).content.decode()
    assert "We added a call-back service." in public
    # Staff write in English; on an Urdu page the text keeps its own direction.
    urdu = client.get("/ur" + reverse("coproduction:board-public", args=[board.slug]))
    urdu = urdu.content.decode()
    assert '<span dir="auto">We added a call-back service.</span>' in urdu


def test_member_cannot_close_an_action(client, board, member):
    action = ActionFactory(board=board)
    client.force_login(member)
    url = reverse("coproduction:action-detail", args=[board.slug, action.pk])
    assert client.post(url, {"form": "close", "you_said": "a", "we_did": "b"}).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_open_action_cannot_be_published(board, officer):
    action = ActionFactory(board=board, you_said="a", we_did="b")
    with pytest.raises(PermissionDenied):
        services.action_publish(action=action, by=officer)


def test_publishing_needs_plain_english_both_sides(board, officer):
    action = services.action_close(action=ActionFactory(board=board), by=officer, we_did="Done")
    with pytest.raises(ValidationError):
        services.action_publish(action=action, by=officer)


def test_dropping_needs_a_reason(board, officer):
    action = ActionFactory(board=board)
    with pytest.raises(ValidationError):
        services.action_drop(action=action, by=officer, reason=" ")
    services.action_drop(action=action, by=officer, reason="Superseded by the new contract")
    assert Action.objects.get().status == ActionStatus.DROPPED


def test_progress_note_is_kept(board, officer):
    action = ActionFactory(board=board)
    services.action_update_status(
        action=action,
        status=ActionStatus.IN_PROGRESS,
        by=officer,
        note="Draft letter sent to the team",
    )
    assert action.progress_notes.get().note == "Draft letter sent to the team"


def test_you_said_we_did_filters_by_service_and_theme(board, officer):
    from surveys.models import Service
    from themes.models import Theme

    home_care = Service.objects.create(name="Home care", slug="home-care")
    waiting = Theme.objects.create(name="Waiting times", key="waiting-times")
    first = _published(board, officer, service=home_care)
    first.themes.add(waiting)
    second = _published(board, officer)
    assert list(selectors.you_said_we_did_published(service=home_care)) == [first]
    assert list(selectors.you_said_we_did_published(theme=waiting)) == [first]
    assert set(selectors.you_said_we_did_published()) == {first, second}


def test_you_said_we_did_page_filters_without_javascript(
    client, board, officer, you_said_we_did_page
):
    from surveys.models import Service

    home_care = Service.objects.create(name="Home care", slug="home-care")
    _published(board, officer, service=home_care, we_did="Home care change")
    _published(board, officer, we_did="Other change")
    html = client.get(you_said_we_did_page.url, {"service": home_care.slug}).content
    assert b"Home care change" in html and b"Other change" not in html


def _published(board, officer, we_did="We changed it", **kwargs):
    action = ActionFactory(board=board, **kwargs)
    services.action_close(action=action, by=officer, you_said="You said", we_did=we_did)
    return services.action_publish(action=action, by=officer)
