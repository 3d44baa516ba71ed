"""An action nobody can be reminded about shows it, and the board's officers hear each week."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from coproduction import services
from coproduction.choices import BoardRole
from core import roles
from tests.coproduction.factories import ActionFactory, MembershipFactory, user_in_role

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def waiting(db):
    from themes.models import Theme

    return Theme.objects.create(name="Waiting times", key="waiting-times")


def _adopt(client, meeting, user, waiting, **data):
    client.force_login(user)
    url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    return client.post(url, {"form": "adopt", "theme": waiting.pk, **data})


def test_adopting_asks_who_will_lead_it_and_their_email(client, meeting, officer, waiting):
    client.force_login(officer)
    url = reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    html = client.get(url).content.decode()
    assert 'name="owner"' in html and 'name="owner_email"' in html
    _adopt(
        client,
        meeting,
        officer,
        waiting,
        owner="Head of Assessment",
        owner_email="a@council.example",
    )
    action = meeting.actions.get()
    assert action.owner_email == "a@council.example" and not action.needs_owner


def test_a_priority_adopted_without_an_owner_shows_as_needing_one(
    client, meeting, chair, member, waiting
):
    _adopt(client, meeting, chair, waiting)
    action = meeting.actions.get()
    assert action.needs_owner
    client.force_login(member)
    log = client.get(reverse("coproduction:action-log", args=[meeting.board.slug])).content
    assert b"Needs an owner" in log
    detail = client.get(
        reverse("coproduction:action-detail", args=[meeting.board.slug, action.pk])
    ).content
    assert b"Nobody is reminded about this action" in detail


def test_an_action_with_an_owner_does_not_need_one(client, board, member):
    ActionFactory(board=board)
    client.force_login(member)
    log = client.get(reverse("coproduction:action-log", args=[board.slug])).content
    assert b"Needs an owner" not in log


def test_officer_gives_an_action_its_owner(client, board, officer):
    action = ActionFactory(board=board, owner="", owner_email="")
    client.force_login(officer)
    url = reverse("coproduction:action-detail", args=[board.slug, action.pk])
    client.post(
        url,
        {"form": "assign", "owner": "Carers' lead", "owner_email": "carers@council.example"},
    )
    action.refresh_from_db()
    assert action.owner_email == "carers@council.example" and not action.needs_owner


def test_member_cannot_give_an_action_an_owner(client, board, member):
    action = ActionFactory(board=board, owner_email="")
    client.force_login(member)
    url = reverse("coproduction:action-detail", args=[board.slug, action.pk])
    response = client.post(url, {"form": "assign", "owner_email": "me@example.org"})
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.owner_email == ""


def _officer(board):
    user = user_in_role(roles.OFFICERS)
    MembershipFactory(board=board, user=user, role=BoardRole.OFFICER)
    return user


def test_board_officers_get_a_weekly_digest_of_actions_needing_an_owner(
    board, other_board, mailoutbox
):
    first, second = _officer(board), _officer(board)
    _officer(other_board)  # another board's officer hears nothing about this board
    MembershipFactory(board=board, role=BoardRole.RESIDENT)
    ownerless = ActionFactory(board=board, title="Find a venue with a hearing loop", owner_email="")
    ActionFactory(board=board, title="Has an owner")
    for day in range(14):
        with freeze_time(TODAY + datetime.timedelta(days=day)):
            services.action_owner_digests_send()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email] * 2)
    body = mailoutbox[0].body
    assert ownerless.title in body and "Has an owner" not in body
    assert f"/board/{board.slug}/actions/{ownerless.pk}/" in body


def test_no_digest_once_every_action_has_an_owner(board, mailoutbox):
    _officer(board)
    action = ActionFactory(board=board, owner_email="")
    action.owner_email = "lead@council.example"
    action.save()
    with freeze_time(TODAY):
        assert services.action_owner_digests_send() == {}
    assert mailoutbox == []
