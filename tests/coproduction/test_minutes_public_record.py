"""Published minutes say who came (by role, by name only with consent), who sent apologies,
where and when the meeting was, and the actions with owner and due date; the demo's minutes
agree with their own meeting (issue #17)."""

import datetime
import io
import re

import pytest
from django.utils import dateformat, formats, timezone, translation
from freezegun import freeze_time

from coproduction import services
from coproduction.choices import AttendanceStatus, BoardRole
from coproduction.models import Attendance, Board, BoardMembership
from demo import coproduction as demo_board
from tests.coproduction.factories import ActionFactory, MembershipFactory, UserFactory

MONTHS = [datetime.date(2026, month, 1).strftime("%B") for month in range(1, 13)]


def _seat(board, role, first, last, *, named=False):
    user = UserFactory(first_name=first, last_name=last)
    return MembershipFactory(board=board, user=user, role=role, named_in_minutes=named)


@pytest.fixture
def published(minutes, board, officer, chair):
    meeting = minutes.meeting
    chair_seat = BoardMembership.objects.get(user=chair)
    chair_seat.named_in_minutes = True
    chair_seat.save()
    chair.first_name, chair.last_name = "Marjorie", "Pell"
    chair.save()
    Attendance.objects.create(meeting=meeting, membership=chair_seat)
    quiet = _seat(board, BoardRole.RESIDENT, "Private", "Person")
    Attendance.objects.create(meeting=meeting, membership=quiet)
    away = _seat(board, BoardRole.CARER, "Away", "Today")
    Attendance.objects.create(meeting=meeting, membership=away, status=AttendanceStatus.APOLOGIES)
    ActionFactory(board=board, meeting=meeting, due_on=datetime.date(2026, 6, 30))
    services.minutes_circulate(minutes=minutes, by=officer)
    services.minutes_approve(minutes=minutes, by=chair)
    services.minutes_publish(minutes=minutes, by=officer)
    return minutes


def test_published_minutes_say_who_came_by_role_and_name_only_with_consent(client, published):
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Chair: <bdi>Marjorie Pell</bdi>" in html
    assert "Resident member" in html and "Private Person" not in html
    apologies = html[html.index(">Apologies<") :]
    assert "Carer member" in apologies and "Away Today" not in html


def test_published_minutes_say_where_and_when(client, published):
    html = client.get(published.get_absolute_url()).content.decode()
    starts = timezone.localtime(published.meeting.starts_at)
    assert "Town Hall, Room 2" in html
    assert formats.date_format(starts, "DATETIME_FORMAT") in html


def test_published_minutes_list_actions_with_owner_and_due_date(client, published):
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Publish assessment waiting times each month" in html
    assert "Head of Assessment" in html
    assert formats.date_format(datetime.date(2026, 6, 30), "DATE_FORMAT") in html


def test_a_member_who_withdraws_consent_is_no_longer_named(client, published, chair):
    BoardMembership.objects.filter(user=chair).update(named_in_minutes=False)
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Marjorie Pell" not in html and "Chair" in html


def test_the_minutes_keep_the_actions_as_agreed(client, published):
    published.meeting.actions.update(due_on=datetime.date(2027, 1, 1), owner="Someone else")
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Head of Assessment" in html and "Someone else" not in html


def _months_named(text):
    return {month for month in MONTHS if re.search(rf"\b{month}\b", text)}


def _month(moment):
    with translation.override("en"):
        return dateformat.format(timezone.localtime(moment), "F")


@pytest.mark.parametrize("today", ["2026-12-01", "2027-05-15"])
def test_demo_minutes_agree_with_their_meeting(db, today):
    with freeze_time(today):
        demo_board.seed(io.StringIO())
    board = Board.objects.get(slug="always-listening")
    for meeting in board.meetings.select_related("minutes"):
        minutes = meeting.minutes
        text = " ".join(
            [minutes.summary, minutes.easy_read_summary]
            + [f"{item.discussion} {item.decisions}" for item in minutes.items.all()]
        )
        window = {_month(meeting.starts_at - datetime.timedelta(days=d)) for d in range(0, 100)}
        assert _months_named(text) <= window, (meeting, _months_named(text))
        assert f"We met in {_month(meeting.starts_at)}." in minutes.easy_read_summary
        for version in minutes.versions.all():
            assert version.meeting_starts_at == meeting.starts_at
            assert version.easy_read_summary == minutes.easy_read_summary
