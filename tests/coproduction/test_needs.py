"""Members' access needs stay with the officers of their own board, and reach the meeting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from coproduction import rules, services
from coproduction.choices import BoardRole
from coproduction.models import AccessNeeds, Attendance
from core import roles
from tests.coproduction.factories import MeetingFactory, MembershipFactory, user_in_role


@pytest.fixture
def seat(board):
    return MembershipFactory(
        board=board, role=BoardRole.RESIDENT, user__first_name="Aisha", user__last_name="Khan"
    )


@pytest.fixture
def needs(seat):
    return AccessNeeds.objects.create(
        membership=seat, bsl_interpreter=True, hearing_loop=True, other_needs="Seat near the door"
    )


@pytest.fixture
def other_officer(other_board):
    """An officer with a seat only on another board."""
    user = user_in_role(roles.OFFICERS)
    MembershipFactory(board=other_board, user=user, role=BoardRole.OFFICER)
    return user


@pytest.fixture
def superuser(db):
    return user_in_role(None, is_superuser=True, is_staff=True)


def _edit_url(record):
    return reverse("coproduction_accessneeds:edit", args=[record.pk])


def _needs_form(seat, **needs):
    return {"membership": seat.pk, "other_needs": "", **needs}


# Who sees and changes the needs of a member of `board`.
SUPPORTERS = {"officer", "superuser", "administrator"}
OTHERS = [
    "other_officer",
    "engagement_lead",
    "member",
    "chair",
    "safeguarding_lead",
]


@pytest.mark.parametrize("who", sorted(SUPPORTERS) + OTHERS)
def test_only_the_boards_officers_pass_the_rule(request, board, who):
    user = request.getfixturevalue(who)
    assert rules.can_see_member_support(user, board) == (who in SUPPORTERS)
    assert rules.can_record_access_needs(user, board) == (who in SUPPORTERS)


@pytest.mark.parametrize("who", ["other_officer", "engagement_lead"])
def test_staff_without_a_seat_on_the_board_cannot_open_a_members_needs(client, request, needs, who):
    client.force_login(request.getfixturevalue(who))
    listing = client.get(reverse("coproduction_accessneeds:index"))
    assert listing.status_code == 200 and "Aisha" not in listing.content.decode()
    for name in ["edit", "history", "usage", "delete"]:
        url = reverse(f"coproduction_accessneeds:{name}", args=[needs.pk])
        assert client.get(url).status_code == 404, name


@pytest.mark.parametrize("who", ["other_officer", "engagement_lead"])
def test_staff_without_a_seat_on_the_board_cannot_change_a_members_needs(
    client, request, needs, seat, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.post(_edit_url(needs), _needs_form(seat, large_print="on"))
    assert response.status_code == 404
    needs.refresh_from_db()
    assert not needs.large_print and needs.bsl_interpreter


def test_other_boards_officer_cannot_record_needs_for_this_boards_member(
    client, other_officer, seat
):
    client.force_login(other_officer)
    url = reverse("coproduction_accessneeds:add")
    form = client.get(url).content.decode()
    assert f'value="{seat.pk}"' not in form
    response = client.post(url, _needs_form(seat, bsl_interpreter="on"))
    assert response.status_code == 200  # the form again, with its error
    assert not AccessNeeds.objects.exists()


@pytest.mark.parametrize("who", ["member", "safeguarding_lead"])
def test_people_without_the_permission_never_reach_needs(client, request, needs, seat, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("coproduction_accessneeds:index")).status_code in {302, 403}
    assert client.get(_edit_url(needs)).status_code in {302, 403, 404}
    response = client.post(_edit_url(needs), _needs_form(seat, large_print="on"))
    assert response.status_code in {302, 403, 404}
    needs.refresh_from_db()
    assert not needs.large_print


@pytest.mark.parametrize("who", sorted(SUPPORTERS))
def test_the_boards_officer_sees_and_changes_needs_with_a_hearing_loop(
    client, request, needs, seat, who
):
    client.force_login(request.getfixturevalue(who))
    assert "Aisha" in client.get(reverse("coproduction_accessneeds:index")).content.decode()
    response = client.post(_edit_url(needs), _needs_form(seat, hearing_loop="on"))
    assert response.status_code == 302
    needs.refresh_from_db()
    assert needs.hearing_loop and not needs.bsl_interpreter


def test_the_service_refuses_another_boards_officer(needs, other_officer):
    from django.core.exceptions import PermissionDenied

    needs.large_print = True
    with pytest.raises(PermissionDenied):
        services.access_needs_record(needs=needs, by=other_officer)


def _meeting_page(client, user, meeting):
    client.force_login(user)
    url = reverse("coproduction:meeting-detail", args=[meeting.board.slug, meeting.pk])
    return client.get(url).content.decode()


def test_arranging_officer_sees_what_the_people_coming_need(client, officer, meeting, needs):
    Attendance.objects.create(meeting=meeting, membership=needs.membership)
    html = _meeting_page(client, officer, meeting)
    assert "Access needs of the people coming" in html
    assert "BSL interpreter: 1 person" in html and "Hearing loop: 1 person" in html
    assert "Not arranged for this meeting" in html  # neither is booked on the meeting
    assert "Aisha Khan" in html and "Seat near the door" in html


def test_needs_summary_counts_only_those_attending(client, officer, meeting, needs, board):
    away = MembershipFactory(board=board, role=BoardRole.CARER)
    AccessNeeds.objects.create(membership=away, large_print=True)
    Attendance.objects.create(meeting=meeting, membership=needs.membership)
    Attendance.objects.create(meeting=meeting, membership=away, status="apologies")
    html = _meeting_page(client, officer, meeting)
    assert "Large print papers" not in html and "BSL interpreter: 1 person" in html


def test_needs_summary_shows_the_whole_board_until_attendance_is_recorded(
    client, officer, meeting, needs
):
    html = _meeting_page(client, officer, meeting)
    assert "needs of every member of the board" in html and "BSL interpreter: 1 person" in html


@pytest.mark.parametrize("who", ["member", "chair", "other_officer", "engagement_lead"])
def test_needs_stay_off_the_meeting_page_for_everyone_else(client, request, meeting, needs, who):
    Attendance.objects.create(meeting=meeting, membership=needs.membership)
    html = _meeting_page(client, request.getfixturevalue(who), meeting)
    assert "Seat near the door" not in html and "Access needs of the people coming" not in html


def _meeting_form(meeting, attendance):
    return nested_form_data(
        {
            "board": meeting.board.pk,
            "title": meeting.title,
            "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
            "place": meeting.place,
            "agenda_items": inline_formset([]),
            "papers": inline_formset([]),
            "attendance": inline_formset(attendance),
        }
    )


def test_attendance_offers_only_the_boards_members(client, officer, meeting, seat, other_board):
    stranger = MembershipFactory(board=other_board, user__first_name="Zebedee")
    client.force_login(officer)
    html = client.get(reverse("coproduction_meeting:edit", args=[meeting.pk])).content.decode()
    assert f'<option value="{seat.pk}"' in html
    assert f'<option value="{stranger.pk}"' not in html


def test_attendance_refuses_another_boards_member(client, officer, meeting, other_board):
    stranger = MembershipFactory(board=other_board)
    client.force_login(officer)
    url = reverse("coproduction_meeting:edit", args=[meeting.pk])
    client.post(url, _meeting_form(meeting, [{"membership": stranger.pk, "status": "present"}]))
    assert not Attendance.objects.exists()


def test_attendance_refuses_another_boards_member_on_a_new_meeting(
    client, officer, board, other_board
):
    stranger = MembershipFactory(board=other_board)
    draft = MeetingFactory.build(board=board, starts_at=timezone.now() + datetime.timedelta(7))
    client.force_login(officer)
    data = _meeting_form(draft, [{"membership": stranger.pk, "status": "present"}])
    client.post(reverse("coproduction_meeting:add"), data)
    assert not Attendance.objects.exists()


def test_attendance_of_the_boards_own_member_is_saved(client, officer, meeting, seat):
    client.force_login(officer)
    url = reverse("coproduction_meeting:edit", args=[meeting.pk])
    response = client.post(
        url, _meeting_form(meeting, [{"membership": seat.pk, "status": "present"}])
    )
    assert response.status_code == 302
    assert Attendance.objects.get().membership == seat


def test_meeting_form_in_the_admin_shows_the_attendees_needs(client, officer, meeting, needs):
    Attendance.objects.create(meeting=meeting, membership=needs.membership)
    client.force_login(officer)
    html = client.get(reverse("coproduction_meeting:edit", args=[meeting.pk])).content.decode()
    assert "Seat near the door" in html


def test_meeting_form_in_the_admin_hides_needs_from_other_staff(
    client, engagement_lead, meeting, needs
):
    Attendance.objects.create(meeting=meeting, membership=needs.membership)
    client.force_login(engagement_lead)
    html = client.get(reverse("coproduction_meeting:edit", args=[meeting.pk])).content.decode()
    assert "Seat near the door" not in html
