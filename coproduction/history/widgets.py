"""How each cell of a board-history sheet is written and read back.

Every widget writes a value so that reading it gives the same value again (dates in ISO 8601
with their offset and any microseconds, yes/no, keys instead of ids), and raises `ValueError`
in plain words when a cell can't be read: django-import-export reports it against the row and
column.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from import_export.widgets import ManyToManyWidget, Widget

from coproduction.models import (
    Action,
    Board,
    BoardMembership,
    Meeting,
    Minutes,
    MinutesSendBack,
    MinutesVersion,
)


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


class IsoDateTimeWidget(Widget):
    """A moment in local time with its offset (`2026-03-10T14:00:00+00:00`), exact to the
    microsecond. Reads that, a time without an offset (taken as UK time) or an Excel date."""

    def __init__(self, required=False, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            if self.required:
                raise ValueError(_("Give the date and time."))
            return None
        moment = value if isinstance(value, datetime.datetime) else None
        if moment is None:
            try:
                moment = parse_datetime(str(value).strip())
            except ValueError:
                moment = None
        if moment is None:
            raise ValueError(
                _("“%(value)s” is not a date and time: write it as 2026-03-10 14:00.")
                % {"value": value}
            )
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)

    def render(self, value, obj=None, **kwargs):
        return timezone.localtime(value).isoformat() if value else ""


class IsoDateWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            day = parse_date(str(value).strip())
        except ValueError:
            day = None
        if day is None:
            raise ValueError(
                _("“%(value)s” is not a date: write it as 2026-03-10.") % {"value": value}
            )
        return day

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class YesNoWidget(Widget):
    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0"}

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None  # the field's default: no
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in self.YES | self.NO:
            return text in self.YES
        raise ValueError(_("Write yes or no, not “%(value)s”.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class SlugWidget(Widget):
    """A row named by a unique code (a board's or a service's slug, a theme's key)."""

    def __init__(self, model, field, missing, required=False, **kwargs):
        self.model, self.field, self.missing, self.required = model, field, missing, required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            if self.required:
                raise ValueError(_("This column cannot be empty."))
            return None
        code = str(value).strip()
        found = self.model.objects.filter(**{self.field: code}).first()
        if found is None:
            raise ValueError(self.missing % {"value": code})
        return found

    def render(self, value, obj=None, **kwargs):
        return getattr(value, self.field) if value else ""


def board_widget():
    return SlugWidget(
        Board, "slug", _("There is no board “%(value)s”: add it to the boards sheet."), True
    )


class ThemesWidget(ManyToManyWidget):
    """Theme keys separated by '|'. Every key must name a theme: themes come from the
    taxonomy, an import never makes one up."""

    def __init__(self, model, **kwargs):
        super().__init__(model, field="key", separator="|", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return self.model.objects.none()
        keys = {key.strip() for key in str(value).split(self.separator) if key.strip()}
        found = self.model.objects.filter(key__in=keys)
        unknown = sorted(keys - set(found.values_list("key", flat=True)))
        if unknown:
            raise ValueError(
                _("No theme has the key “%(keys)s”: themes come from the taxonomy.")
                % {"keys": "|".join(unknown)}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return "|".join(sorted(value.values_list("key", flat=True))) if value else ""


def user_for_email(email):
    """The one account with this email address. Never makes one up."""
    users = list(get_user_model().objects.filter(email__iexact=email.strip())[:2])
    if not users:
        raise ValueError(
            _("No account has the email address “%(email)s”. Leave it empty for no one.")
            % {"email": email}
        )
    if len(users) > 1:
        raise ValueError(
            _("More than one account has the email address “%(email)s”.") % {"email": email}
        )
    return users[0]


class PersonWidget(Widget):
    """A person by email. Blank records no one (as after an account was deleted); an address
    that matches no account is an error."""

    def clean(self, value, row=None, **kwargs):
        return None if is_blank(value) else user_for_email(str(value))

    def render(self, value, obj=None, **kwargs):
        return value.email if value else ""


def _row_board(row):
    """The board named in the row's `board` column: it says whose meeting, seat or action a
    row names."""
    slug = (row or {}).get("board")
    if is_blank(slug):
        raise ValueError(_("Give the board in the board column."))
    board = Board.objects.filter(slug=str(slug).strip()).first()
    if board is None:
        raise ValueError(
            _("There is no board “%(value)s”: add it to the boards sheet.") % {"value": slug}
        )
    return board


class MeetingWidget(Widget):
    """A meeting by its start, among the meetings of the row's board: a row can only ever name
    its own board's meeting."""

    def __init__(self, required=True, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value) and not self.required:
            return None
        starts_at = IsoDateTimeWidget(required=True).clean(value)
        board = _row_board(row)
        meetings = list(Meeting.objects.filter(board=board, starts_at=starts_at)[:2])
        if len(meetings) != 1:
            message = (
                _("The board “%(board)s” has no meeting starting at %(time)s.")
                if not meetings
                else _("The board “%(board)s” has more than one meeting starting at %(time)s.")
            )
            raise ValueError(message % {"board": board.slug, "time": value})
        return meetings[0]

    def render(self, value, obj=None, **kwargs):
        return IsoDateTimeWidget().render(value.starts_at) if value else ""


class MinutesWidget(MeetingWidget):
    """The minutes of a meeting (column `meeting`)."""

    def clean(self, value, row=None, **kwargs):
        meeting = super().clean(value, row)
        if meeting is None:
            return None
        minutes = Minutes.objects.filter(meeting=meeting).first()
        if minutes is None:
            raise ValueError(
                _("The meeting at %(time)s has no minutes: add them to the minutes sheet.")
                % {"time": value}
            )
        return minutes

    def render(self, value, obj=None, **kwargs):
        return super().render(value.meeting) if value else ""


class MembershipWidget(Widget):
    """A seat on the row's board, by the member's email."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            raise ValueError(_("Give the member's email address."))
        user = user_for_email(str(value))
        board = _row_board(row)
        seat = BoardMembership.objects.filter(board=board, user=user).first()
        if seat is None:
            raise ValueError(
                _("%(email)s has no seat on the board “%(board)s”: add it to the members sheet.")
                % {"email": value, "board": board.slug}
            )
        return seat

    def render(self, value, obj=None, **kwargs):
        return value.user.email if value else ""


class ActionWidget(Widget):
    """An action by its title, among the actions of the row's board and meeting."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            raise ValueError(_("Give the action's title."))
        meeting = MeetingWidget(required=False).clean(row.get("meeting"), row)
        board = _row_board(row)
        actions = Action.objects.filter(board=board, meeting=meeting, title=str(value).strip())
        found = list(actions[:2])
        if len(found) != 1:
            raise ValueError(
                _("No single action of that board and meeting has the title “%(title)s”.")
                % {"title": value}
            )
        return found[0]

    def render(self, value, obj=None, **kwargs):
        return value.title if value else ""


class _OfTheMinutes(Widget):
    """Something recorded on the row's minutes, named by `lookup`."""

    model = lookup = None

    def minutes(self, row):
        return MinutesWidget().clean(row.get("meeting"), row)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        key = self.read(value)
        found = self.model.objects.filter(minutes=self.minutes(row), **{self.lookup: key}).first()
        if found is None:
            raise ValueError(self.missing % {"value": value})
        return found

    def render(self, value, obj=None, **kwargs):
        return self.write(getattr(value, self.lookup)) if value else ""


class SendBackWidget(_OfTheMinutes):
    """The send-back of the same minutes, by when it was sent."""

    model, lookup = MinutesSendBack, "sent_at"

    @property
    def missing(self):
        return _("These minutes were not sent back at %(value)s: see the send-backs sheet.")

    def read(self, value):
        return IsoDateTimeWidget().clean(value)

    def write(self, value):
        return IsoDateTimeWidget().render(value)


class VersionWidget(_OfTheMinutes):
    """A version of the same minutes, by its number."""

    model, lookup = MinutesVersion, "number"

    @property
    def missing(self):
        return _("These minutes have no version %(value)s: see the versions sheet.")

    def read(self, value):
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValueError(_("Write a version number, such as 1.")) from None

    def write(self, value):
        return str(value)


class RecordWidget(Widget):
    """An approved version's frozen record as JSON. Attendance names each seat by its member's
    email here, and by the seat's id in the database (ids differ between databases)."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return {}
        try:
            record = json.loads(value)
        except (TypeError, ValueError):
            raise ValueError(_("The record is not valid JSON.")) from None
        if not isinstance(record, dict):
            raise ValueError(_("The record is not valid JSON."))
        for seat in record.get("attendance", []):
            email = seat.get("membership")
            seat["membership"] = MembershipWidget().clean(email, row).pk if email else None
        return record

    def render(self, value, obj=None, **kwargs):
        record = json.loads(json.dumps(value or {}))  # a copy
        seats = [row.get("membership") for row in record.get("attendance", [])]
        emails = dict(
            BoardMembership.objects.filter(pk__in=[s for s in seats if s]).values_list(
                "pk", "user__email"
            )
        )
        for row in record.get("attendance", []):
            row["membership"] = emails.get(row.get("membership"))
        return json.dumps(record, ensure_ascii=False, sort_keys=True)
