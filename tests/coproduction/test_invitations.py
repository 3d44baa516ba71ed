import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from freezegun import freeze_time

from coproduction import invitations
from coproduction.models import BoardInvitation
from core import roles


def _link(mail):
    return re.search(r"http://testserver(/board/join/\S+/)", mail.body).group(1)


def _invite(client, officer, board, role="carer", email="new.member@example.org"):
    client.force_login(officer)
    client.post(reverse("coproduction:invite", args=[board.slug]), {"email": email, "role": role})
    client.logout()


def test_invitation_creates_the_account_membership_and_group(client, board, officer, mailoutbox):
    _invite(client, officer, board)
    link = _link(mailoutbox[0])
    response = client.post(link, {"first_name": "Ada", "password": "violet-kettle-harbour"})
    assert response.status_code == 302
    membership = board.memberships.get(user__email="new.member@example.org")
    assert membership.role == "carer"
    assert list(membership.user.groups.values_list("name", flat=True)) == [roles.BOARD_MEMBERS]
    assert client.login(username="new.member@example.org", password="violet-kettle-harbour")


def test_officer_invitation_joins_the_officers_group(client, board, engagement_lead, mailoutbox):
    # Only engagement leads and administrators may give an officer's seat (it makes staff).
    _invite(client, engagement_lead, board, role="officer", email="officer2@council.example")
    client.post(_link(mailoutbox[0]), {"first_name": "Bo", "password": "violet-kettle-harbour"})
    user = board.memberships.get(user__email="officer2@council.example").user
    assert user.groups.filter(name=roles.OFFICERS).exists()


def test_link_works_only_once(client, board, officer, mailoutbox):
    _invite(client, officer, board)
    link = _link(mailoutbox[0])
    client.post(link, {"first_name": "Ada", "password": "violet-kettle-harbour"})
    assert client.get(link).status_code == 410


def test_link_expires(client, board, officer, mailoutbox):
    _invite(client, officer, board)
    with freeze_time(datetime.datetime.now() + datetime.timedelta(days=15)):
        assert client.get(_link(mailoutbox[0])).status_code == 410


def test_weak_password_is_refused(client, board, officer, mailoutbox):
    _invite(client, officer, board)
    html = client.post(_link(mailoutbox[0]), {"first_name": "Ada", "password": "password"})
    assert b"govuk-error-summary" in html.content
    assert not board.memberships.filter(user__email="new.member@example.org").exists()


def test_token_is_not_stored(client, board, officer, mailoutbox):
    _invite(client, officer, board)
    token = _link(mailoutbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert not BoardInvitation.objects.filter(token_hash=token).exists()


@pytest.mark.parametrize("who", ["member", "chair", "safeguarding_lead"])
def test_only_officers_leads_and_admins_invite(request, board, who):
    with pytest.raises(PermissionDenied):
        invitations.invitation_send(
            board=board,
            email="x@example.org",
            role="resident",
            invited_by=request.getfixturevalue(who),
        )


def test_group_exists_for_every_board_role(db):
    from coproduction.choices import BoardRole
    from coproduction.services import role_group_name

    for role in BoardRole.values:
        assert Group.objects.filter(name=role_group_name(role)).exists()


def test_officers_cannot_invite_anyone_into_the_officer_role(client, board, officer, mailoutbox):
    with pytest.raises(PermissionDenied):
        invitations.invitation_send(
            board=board, email="new.officer@example.org", role="officer", invited_by=officer
        )
    _invite(client, officer, board, role="officer", email="new.officer@example.org")
    assert not BoardInvitation.objects.filter(email="new.officer@example.org").exists()
    assert mailoutbox == []
    client.force_login(officer)
    form = client.get(reverse("coproduction:invite", args=[board.slug])).content.decode()
    assert 'value="officer"' not in form and 'value="carer"' in form


@pytest.mark.parametrize("who", ["engagement_lead", "administrator"])
def test_leads_and_administrators_may_invite_officers(request, board, who):
    invitation = invitations.invitation_send(
        board=board,
        email="new.officer@example.org",
        role="officer",
        invited_by=request.getfixturevalue(who),
    )
    assert invitation.role == "officer"


def test_officers_cannot_seat_an_officer_in_the_admin(client, board, officer, member):
    client.force_login(officer)
    seat = board.memberships.get(user=member)
    response = client.post(
        f"/admin/coproduction/boardmembership/edit/{seat.pk}/",
        {"board": board.pk, "user": member.pk, "role": "officer", "named_in_minutes": ""},
    )
    # Wagtail turns the refusal into a redirect to the dashboard with a message; nothing saved.
    assert response.status_code in {302, 403}
    assert response.get("Location", "/admin/") == "/admin/"
    seat.refresh_from_db()
    assert seat.role != "officer"
    assert not member.groups.filter(name="Officers").exists()


def test_accepting_signs_the_new_member_in_and_lands_on_their_board(
    client, board, officer, mailoutbox
):
    _invite(client, officer, board)
    response = client.post(
        _link(mailoutbox[0]), {"first_name": "Ada", "password": "violet-kettle-harbour"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("coproduction:board-detail", args=[board.slug])
    assert not response["Location"].startswith(reverse("account_login"))
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.wsgi_request.user.email == "new.member@example.org"
    assert board.name in page.content.decode()


def test_a_new_officer_is_signed_in_and_must_still_set_up_mfa(
    client, board, engagement_lead, mailoutbox
):
    _invite(client, engagement_lead, board, role="officer", email="officer2@council.example")
    response = client.post(
        _link(mailoutbox[0]), {"first_name": "Bo", "password": "violet-kettle-harbour"}
    )
    board_page = client.get(response["Location"])
    assert board_page.status_code == 302
    assert board_page["Location"] == reverse("mfa_activate_totp")
    # The password they just chose counts: no "Confirm access" before setting up MFA.
    setup = client.get(board_page["Location"])
    assert setup.status_code == 200
    assert b'src="data:image/svg+xml' in setup.content


def test_a_refused_password_signs_nobody_in(client, board, officer, mailoutbox):
    _invite(client, officer, board)
    response = client.post(_link(mailoutbox[0]), {"first_name": "Ada", "password": "password"})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(reverse("coproduction:board-list")).status_code == 302
