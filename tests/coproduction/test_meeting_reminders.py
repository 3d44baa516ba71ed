"""Meeting reminders: a week and a day before, once each, to current members only, with the
place, access arrangements, the member's own needs, links at SITE_URL and a calendar file."""

import datetime
import zoneinfo

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from freezegun import freeze_time
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from coproduction import reminders, tasks
from coproduction.calendar import calendar_event
from coproduction.choices import BoardRole
from coproduction.models import AccessNeeds, MeetingPaper
from tests.coproduction.factories import MeetingFactory, MembershipFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
SITE = "https://feedback.council.example"


def _london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def parse_ics(text):
    """A tiny RFC 5545 reader: CRLF lines, unfolded, as [(name, value)] with TEXT unescaped."""
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[-1] == ""
    for line in lines:
        assert len(line.encode()) <= 75, line
    unfolded = []
    for line in lines[:-1]:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)

    def unescape(value):
        out, chars = [], iter(value)
        for char in chars:
            if char == "\\":
                following = next(chars)
                out.append("\n" if following in "nN" else following)
            else:
                out.append(char)
        return "".join(out)

    return [(name, unescape(value)) for name, value in (u.split(":", 1) for u in unfolded)]


def _event(text):
    fields = parse_ics(text)
    names = [name for name, _value in fields]
    assert names[:2] == ["BEGIN", "VERSION"] and fields[0][1] == "VCALENDAR"
    assert ("BEGIN", "VEVENT") in fields and fields[-1] == ("END", "VCALENDAR")
    start, end = names.index("BEGIN", 1), names.index("END")
    return dict(fields[start + 1 : end])


@pytest.fixture
def meeting(board):
    # Wednesday 1 July 2026, 10 a.m. to noon in London (British Summer Time: 09:00 UTC).
    return MeetingFactory(
        board=board,
        title="Summer meeting",
        starts_at=_london(2026, 7, 1, 10, 0),
        ends_at=_london(2026, 7, 1, 12, 0),
        place="Town Hall, Room 2; Market Street",
        online_link="https://meet.example/always-listening",
        bsl_interpreter=True,
        hearing_loop=True,
        accessibility_notes="Quiet room available",
    )


@pytest.fixture
def paper(meeting):
    document = get_document_model()(title="Budget")
    document.file.save("budget.txt", ContentFile(b"Budget"), save=True)
    return MeetingPaper.objects.create(meeting=meeting, title="Budget papers", document=document)


@pytest.fixture
def needs(member):
    seat = member.board_memberships.get()
    return AccessNeeds.objects.create(
        membership=seat, large_print=True, other_needs="A seat near the door"
    )


def _send(now):
    return reminders.meeting_reminders_send(now=now)


def _for(mailoutbox, user):
    return [m for m in mailoutbox if m.to == [user.email]]


# A week before and a day before, once each


def test_members_are_reminded_a_week_before_once(meeting, member, officer, mailoutbox):
    week_before = _london(2026, 6, 24, 7, 0)
    sent = _send(week_before)
    assert [m for m, _count in sent["week"]] == [meeting] and sent["day"] == []
    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.email, officer.email])
    assert "is next week" in mailoutbox[0].body
    _send(week_before)
    _send(week_before + datetime.timedelta(hours=12))
    assert len(mailoutbox) == 2


def test_members_are_reminded_a_day_before_once(meeting, member, mailoutbox):
    _send(_london(2026, 6, 24, 7, 0))
    _send(_london(2026, 6, 30, 7, 0))
    _send(_london(2026, 6, 30, 18, 0))
    assert [m.body.split("\n", 1)[0] for m in _for(mailoutbox, member)] == [
        'The Adult Social Care Always Listening meeting "Summer meeting" is next week.',
        'The Adult Social Care Always Listening meeting "Summer meeting" is tomorrow.',
    ]


def test_nothing_is_sent_between_the_reminders_or_after_the_meeting(meeting, member, mailoutbox):
    for day in [20, 23]:  # more than a week before
        _send(_london(2026, 6, day, 7, 0))
    assert mailoutbox == []
    _send(_london(2026, 7, 1, 13, 0))  # after it started
    assert mailoutbox == []


def test_a_meeting_moved_to_another_day_is_reminded_about_again(meeting, member, mailoutbox):
    _send(_london(2026, 6, 24, 7, 0))
    meeting.starts_at = _london(2026, 7, 2, 10, 0)
    meeting.ends_at = None
    meeting.save()
    _send(_london(2026, 6, 25, 7, 0))
    assert len(_for(mailoutbox, member)) == 2


def test_former_members_and_other_boards_hear_nothing(
    meeting, board, member, other_board_member, mailoutbox
):
    former = MembershipFactory(board=board, role=BoardRole.CARER, left_on=datetime.date(2026, 1, 5))
    _send(_london(2026, 6, 24, 7, 0))
    recipients = {m.to[0] for m in mailoutbox}
    assert member.email in recipients
    assert former.user.email not in recipients
    assert other_board_member.email not in recipients


# What the reminder says


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_the_reminder_gives_time_place_arrangements_and_papers_at_the_public_address(
    meeting, member, paper, mailoutbox
):
    _send(_london(2026, 6, 24, 7, 0))
    (mail,) = _for(mailoutbox, member)
    assert mail.subject == "Reminder: Adult Social Care Always Listening meets on Wednesday 1 July"
    body = mail.body
    assert "When: Wednesday 1 July 2026, 10 a.m. to noon" in body
    assert "Where: Town Hall, Room 2; Market Street" in body
    assert "Join online: https://meet.example/always-listening" in body
    assert "- BSL interpreter booked" in body and "- Hearing loop" in body
    assert "- Quiet room available" in body
    assert f"- Budget papers: {SITE}{paper.document.url}" in body
    assert f"The meeting page: {SITE}{meeting.get_absolute_url()}" in body
    assert "127.0.0.1" not in body and "testserver" not in body


def test_a_member_reads_their_own_access_needs_and_nobody_elses(
    meeting, member, officer, needs, mailoutbox
):
    _send(_london(2026, 6, 24, 7, 0))
    (own,) = _for(mailoutbox, member)
    assert "What you told us you need:\n- Large print papers\n- A seat near the door" in own.body
    (others,) = _for(mailoutbox, officer)
    assert "What you told us you need" not in others.body
    assert "seat near the door" not in others.body and "Large print" not in others.body
    for mail in mailoutbox:
        assert "seat near the door" not in mail.subject
        assert "seat near the door" not in mail.attachments[0][1]


# The calendar file


def _ics(mail):
    ((name, content, mimetype),) = mail.attachments
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    return content


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_the_calendar_file_has_the_meeting_in_utc(meeting, member, paper, mailoutbox):
    _send(_london(2026, 6, 24, 7, 0))
    event = _event(_ics(mailoutbox[0]))
    assert event["UID"] == f"meeting-{meeting.pk}@feedback.council.example"
    assert event["DTSTART"] == "20260701T090000Z"  # 10 a.m. British Summer Time
    assert event["DTEND"] == "20260701T110000Z"
    assert event["DTSTAMP"] == "20260624T060000Z"
    assert event["SUMMARY"] == "Adult Social Care Always Listening: Summer meeting"
    assert event["LOCATION"] == "Town Hall, Room 2; Market Street"
    assert event["URL"] == f"{SITE}{meeting.get_absolute_url()}"
    assert f"Budget papers: {SITE}{paper.document.url}" in event["DESCRIPTION"].split("\n")
    assert "BSL interpreter booked" in event["DESCRIPTION"]


def test_winter_meetings_are_in_greenwich_mean_time(board, member, mailoutbox):
    MeetingFactory(board=board, starts_at=_london(2026, 1, 14, 10, 0), ends_at=None)
    _send(_london(2026, 1, 13, 8, 0))
    (mail,) = _for(mailoutbox, member)
    assert "When: Wednesday 14 January 2026, 10 a.m.\n" in mail.body
    assert "tomorrow" in mail.body
    event = _event(_ics(mail))
    assert event["DTSTART"] == "20260114T100000Z"
    assert "DTEND" not in event  # no end time given: none made up


def test_calendar_text_is_escaped_folded_and_crlf():
    long_place = "Sala konferencyjna, Ratusz; ul. Rynek 1\nWejście od podwórza " + "ąę" * 40
    text = calendar_event(
        uid="meeting-1@example.org",
        starts_at=_london(2026, 10, 25, 0, 30),  # before the clocks go back: 23:30 UTC
        ends_at=None,
        summary="Board: a, b; c\\d",
        location=long_place,
        description="Line one\nLine two",
        url="https://example.org/board/x/meetings/1/",
        stamp=datetime.datetime(2026, 10, 1, 12, 0, tzinfo=datetime.UTC),
    )
    assert text.endswith("\r\n") and "\r\n " in text  # folded
    assert "SUMMARY:Board: a\\, b\\; c\\\\d\r\n" in text
    event = _event(text)
    assert event["LOCATION"] == long_place
    assert event["SUMMARY"] == "Board: a, b; c\\d"
    assert event["DESCRIPTION"] == "Line one\nLine two"
    assert event["DTSTART"] == "20261024T233000Z"


# Running it daily


def test_the_command_is_safe_to_run_twice_and_dry_run_sends_nothing(meeting, member, mailoutbox):
    with freeze_time("2026-06-24 06:00:00"):
        call_command("send_meeting_reminders", "--dry-run")
        assert mailoutbox == []
        meeting.refresh_from_db()
        assert meeting.week_reminder_sent_for is None
        call_command("send_meeting_reminders")
        call_command("send_meeting_reminders")
    assert len(_for(mailoutbox, member)) == 1
    meeting.refresh_from_db()
    assert meeting.week_reminder_sent_for == meeting.starts_at


def test_the_task_sends_the_reminders_once(meeting, member, mailoutbox):
    with freeze_time("2026-06-30 06:00:00"):
        assert tasks.send_meeting_reminders.call() == 1
        assert tasks.send_meeting_reminders.call() == 0
    assert timezone.localdate(meeting.starts_at) == datetime.date(2026, 7, 1)


def test_each_member_is_reminded_in_the_language_they_chose(meeting, member, officer, mailoutbox):
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "pl"
    profile.save()
    _send(_london(2026, 6, 24, 7, 0))
    (polish,) = _for(mailoutbox, member)
    (english,) = _for(mailoutbox, officer)
    assert polish.subject.startswith("Przypomnienie: spotkanie rady")
    assert english.subject.startswith("Reminder:")
