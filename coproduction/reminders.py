"""Meeting reminders: members hear a week before and a day before, once each.

Run daily (`send_meeting_reminders`, or the task of the same name). Each reminder is claimed
on the meeting before it is sent (`Meeting.week_reminder_sent_for` / `day_reminder_sent_for`
hold the start time it was sent for), so a second run, or two at once, sends nothing more; a
meeting moved to another time is reminded about again.
"""

import datetime

from django.db.models import F, Q
from django.utils import timezone

from coproduction import notifications
from coproduction.models import Meeting

WEEK, DAY = "week", "day"


def _start_of_local_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _not_sent(field):
    return Q(**{f"{field}__isnull": True}) | ~Q(**{field: F("starts_at")})


def meetings_due_for_reminder(*, now=None):
    """{"week": meetings from the day after tomorrow to a week ahead, "day": meetings from now
    to the end of tomorrow}, in London time, leaving out reminders already sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    after_tomorrow = _start_of_local_day(today + datetime.timedelta(days=2))
    week_ahead = _start_of_local_day(today + datetime.timedelta(days=8))
    meetings = Meeting.objects.select_related("board").order_by("starts_at")
    return {
        WEEK: list(
            meetings.filter(starts_at__gte=after_tomorrow, starts_at__lt=week_ahead).filter(
                _not_sent("week_reminder_sent_for")
            )
        ),
        DAY: list(
            meetings.filter(starts_at__gt=now, starts_at__lt=after_tomorrow).filter(
                _not_sent("day_reminder_sent_for")
            )
        ),
    }


def meeting_reminders_send(*, now=None, dry_run=False):
    """Email each current member of each board with a meeting coming up. Returns
    {"week": [(meeting, emails sent)], "day": [...]} (0 emails on a dry run)."""
    now = now or timezone.now()
    sent = {WEEK: [], DAY: []}
    for kind, meetings in meetings_due_for_reminder(now=now).items():
        field = f"{kind}_reminder_sent_for"
        for meeting in meetings:
            if dry_run:
                sent[kind].append((meeting, 0))
                continue
            # Claim it first: whichever run updates the row sends the reminder.
            claimed = (
                Meeting.objects.filter(pk=meeting.pk)
                .exclude(**{field: meeting.starts_at})
                .update(**{field: meeting.starts_at})
            )
            if claimed:
                count = notifications.meeting_reminder(meeting, kind=kind, now=now)
                sent[kind].append((meeting, count))
    return sent
