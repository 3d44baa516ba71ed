"""The chair reads every comment before approving, can send the minutes back to draft with a
note, and members see what became of their comments (issue #17)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import formats, timezone
from freezegun import freeze_time

from coproduction import services
from coproduction.choices import BoardRole, MinutesStatus
from tests.coproduction.factories import MembershipFactory, UserFactory

COMMENTED = datetime.datetime(2026, 3, 12, 9, 15, tzinfo=datetime.UTC)
SENT_BACK = datetime.datetime(2026, 3, 14, 16, 0, tzinfo=datetime.UTC)


def _url(minutes):
    return reverse(
        "coproduction:minutes-review", args=[minutes.meeting.board.slug, minutes.meeting_id]
    )


def _day(moment):
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


@pytest.fixture
def commented(minutes, officer, member):
    member.first_name, member.last_name = "Wren", "Okafor"
    member.save()
    services.minutes_circulate(minutes=minutes, by=officer)
    with freeze_time(COMMENTED):
        services.minutes_comment_add(
            minutes=minutes, author=member, body="Item 2 leaves out the respite waiting list."
        )
    return minutes


def test_the_chair_sees_every_comment_who_wrote_it_and_when(client, commented, chair):
    client.force_login(chair)
    html = client.get(_url(commented)).content.decode()
    assert "Item 2 leaves out the respite waiting list." in html
    assert "Wren Okafor" in html and "Resident member" in html
    when = formats.date_format(timezone.localtime(COMMENTED), "DATETIME_FORMAT")
    assert when in html
    assert html.index("respite waiting list") < html.index("Approve minutes")


def test_officers_see_every_comment_too(client, commented, officer):
    client.force_login(officer)
    assert "respite waiting list" in client.get(_url(commented)).content.decode()


def test_members_do_not_see_each_others_comments(client, commented, board):
    other = UserFactory()
    MembershipFactory(board=board, user=other, role=BoardRole.CARER)
    client.force_login(other)
    assert "respite waiting list" not in client.get(_url(commented)).content.decode()


def test_the_chair_sends_the_minutes_back_with_a_note(client, commented, chair, member):
    client.force_login(chair)
    with freeze_time(SENT_BACK):
        client.post(_url(commented), {"form": "send_back", "note": "Add the waiting list."})
    commented.refresh_from_db()
    assert commented.status == MinutesStatus.DRAFT

    client.force_login(member)
    html = client.get(_url(commented)).content.decode()
    assert f"Sent back to draft on {_day(SENT_BACK)} with this note:" in html
    assert "Add the waiting list." in html
    assert "respite waiting list" in html  # their own comment, with what became of it


def test_sending_back_needs_a_note(client, commented, chair):
    client.force_login(chair)
    html = client.post(_url(commented), {"form": "send_back", "note": " "}).content.decode()
    assert "govuk-error-summary" in html
    commented.refresh_from_db()
    assert commented.status == MinutesStatus.CIRCULATED


def test_members_cannot_send_minutes_back(commented, member):
    with pytest.raises(PermissionDenied):
        services.minutes_send_back(minutes=commented, by=member, note="Not keen")


def test_a_draft_cannot_be_sent_back(minutes, chair):
    with pytest.raises(PermissionDenied):
        services.minutes_send_back(minutes=minutes, by=chair, note="Too early")


def test_members_see_their_comment_was_approved_in_a_version(client, commented, chair, member):
    with freeze_time(SENT_BACK):
        services.minutes_approve(minutes=commented, by=chair)
    client.force_login(member)
    html = client.get(_url(commented)).content.decode()
    assert f"Approved in version 1 on {_day(SENT_BACK)}." in html


def test_a_comment_on_the_next_draft_waits_while_the_earlier_one_keeps_its_answer(
    client, commented, officer, chair, member
):
    services.minutes_send_back(minutes=commented, by=chair, note="Add the waiting list.")
    services.minutes_circulate(minutes=commented, by=officer)
    services.minutes_comment_add(minutes=commented, author=member, body="Thanks, that's right.")
    client.force_login(member)
    html = client.get(_url(commented)).content.decode()
    assert "Sent back to draft on" in html and "Waiting for the chair." in html
    services.minutes_approve(minutes=commented, by=chair)
    comments = commented.comments.order_by("created_at")
    assert [c.sent_back is not None for c in comments] == [True, False]
    assert [c.approved_in_id is not None for c in comments] == [False, True]
