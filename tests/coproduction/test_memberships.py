"""Board seats and role groups: a seat added, changed or removed in the admin brings the person's
groups up to date (docs/roles-and-permissions.md, "how they get it")."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from wagtail.models import ModelLogEntry

from coproduction.choices import BoardRole
from coproduction.models import BoardMembership
from coproduction.services import membership_groups_sync
from core import roles
from tests.coproduction.factories import MembershipFactory, UserFactory


def _groups(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.fixture
def superuser(django_user_model, db):
    user = django_user_model.objects.create_superuser("root", "root@council.example", "x")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def person(db):
    return UserFactory(first_name="Ada")


def _form(board, user, role, left_on=""):
    return {"board": board.pk, "user": user.pk, "role": role, "left_on": left_on}


def test_adding_a_seat_in_the_admin_puts_the_person_in_board_members(
    client, superuser, board, person
):
    client.force_login(superuser)
    url = reverse("coproduction_boardmembership:add")
    response = client.post(url, _form(board, person, BoardRole.CARER))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert board.memberships.filter(user=person).exists()
    assert _groups(person) == {roles.BOARD_MEMBERS}


def test_adding_an_officer_seat_in_the_admin_gives_officers_not_board_members(
    client, superuser, board, person
):
    client.force_login(superuser)
    client.post(reverse("coproduction_boardmembership:add"), _form(board, person, "officer"))
    assert _groups(person) == {roles.OFFICERS}


def test_the_group_change_is_audit_logged_as_the_admin_user(client, superuser, board, person):
    client.force_login(superuser)
    client.post(reverse("coproduction_boardmembership:add"), _form(board, person, "resident"))
    entry = ModelLogEntry.objects.get(action="core.roles_changed", object_id=str(person.pk))
    assert entry.user_id == superuser.pk
    assert entry.data["what"] == [roles.BOARD_MEMBERS]


def test_removing_the_only_seat_in_the_admin_takes_board_members_away(client, officer, member):
    seat = BoardMembership.objects.get(user=member)
    client.force_login(officer)
    response = client.post(reverse("coproduction_boardmembership:delete", args=[seat.pk]))
    assert response.status_code == 302
    assert not BoardMembership.objects.filter(pk=seat.pk).exists()
    assert roles.BOARD_MEMBERS not in _groups(member)


def test_removing_one_of_two_seats_keeps_board_members(client, officer, member, other_board):
    MembershipFactory(board=other_board, user=member, role=BoardRole.RESIDENT)
    seat = BoardMembership.objects.get(user=member, board__slug="always-listening")
    client.force_login(officer)
    client.post(reverse("coproduction_boardmembership:delete", args=[seat.pk]))
    assert _groups(member) == {roles.BOARD_MEMBERS}


def test_a_seat_that_has_ended_does_not_count_as_another_seat(client, officer, member, other_board):
    MembershipFactory(
        board=other_board, user=member, role="carer", left_on=datetime.date(2025, 1, 1)
    )
    seat = BoardMembership.objects.get(user=member, board__slug="always-listening")
    client.force_login(officer)
    client.post(reverse("coproduction_boardmembership:delete", args=[seat.pk]))
    assert roles.BOARD_MEMBERS not in _groups(member)


def test_ending_a_seat_in_the_admin_takes_board_members_away(client, officer, member, board):
    seat = BoardMembership.objects.get(user=member)
    client.force_login(officer)
    url = reverse("coproduction_boardmembership:edit", args=[seat.pk])
    response = client.post(url, _form(board, member, "resident", left_on="2026-01-31"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert roles.BOARD_MEMBERS not in _groups(member)


def test_removing_an_officers_seat_keeps_the_officers_group(
    client, engagement_lead, officer, board
):
    seat = BoardMembership.objects.get(user=officer)
    client.force_login(engagement_lead)
    client.post(reverse("coproduction_boardmembership:delete", args=[seat.pk]))
    assert _groups(officer) == {roles.OFFICERS}


def test_changing_a_seat_from_resident_to_officer_swaps_the_groups(
    client, engagement_lead, member, board
):
    seat = BoardMembership.objects.get(user=member)
    client.force_login(engagement_lead)
    url = reverse("coproduction_boardmembership:edit", args=[seat.pk])
    client.post(url, _form(board, member, "officer"))
    assert _groups(member) == {roles.OFFICERS}


def test_a_seat_given_to_someone_else_moves_board_members_with_it(
    client, engagement_lead, member, board, person
):
    seat = BoardMembership.objects.get(user=member)
    client.force_login(engagement_lead)
    url = reverse("coproduction_boardmembership:edit", args=[seat.pk])
    client.post(url, _form(board, person, "resident"))
    assert (_groups(member), _groups(person)) == (set(), {roles.BOARD_MEMBERS})


def test_sync_changes_nothing_and_logs_nothing_when_groups_are_right(member):
    before = ModelLogEntry.objects.filter(action="core.roles_changed").count()
    membership_groups_sync(user=member)
    assert _groups(member) == {roles.BOARD_MEMBERS}
    assert ModelLogEntry.objects.filter(action="core.roles_changed").count() == before


def test_sync_leaves_staff_roles_alone(engagement_lead):
    membership_groups_sync(user=engagement_lead)
    assert _groups(engagement_lead) == {roles.ENGAGEMENT_LEADS}
