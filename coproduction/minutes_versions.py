"""The record of a meeting as the chair approves it, frozen into a `MinutesVersion`.

`version_freeze` is a step of `services.minutes_approve` (and of imports and the demo, which
write history as given); it is not an entry point of its own. `minutes_record_for_display` turns
a version, or a draft's live rows shown the same way, into what the minutes templates print.
"""

import datetime
from dataclasses import dataclass, field

from coproduction.choices import AttendanceStatus, BoardRole, MinutesStatus, ThemeDecision
from coproduction.models import BoardMembership, MinutesVersion


def _record(minutes):
    meeting = minutes.meeting
    return {
        "items": minutes.item_list(),
        "attendance": [
            {"membership": a.membership_id, "role": a.membership.role, "status": a.status}
            for a in meeting.attendance.select_related("membership")
        ],
        "actions": [
            {"title": a.title, "owner": a.owner, "due_on": a.due_on and a.due_on.isoformat()}
            for a in meeting.actions.order_by("id")
        ],
        "theme_decisions": [
            {
                "phrase": d.suggested_phrase,
                "decision": d.decision,
                "new_name": d.new_name,
                "theme": d.theme.name if d.theme else "",
                "reason": d.reason,
            }
            for d in meeting.theme_decisions.select_related("theme")
        ],
    }


def version_from_minutes(minutes):
    """The version these minutes would become if approved now (unsaved)."""
    meeting = minutes.meeting
    return MinutesVersion(
        minutes=minutes,
        number=minutes.version,
        change_note=minutes.change_note,
        summary=minutes.summary,
        easy_read_summary=minutes.easy_read_summary,
        meeting_starts_at=meeting.starts_at,
        meeting_ends_at=meeting.ends_at,
        meeting_place=meeting.place,
        record=_record(minutes),
        circulated_at=minutes.circulated_at,
        approved_at=minutes.approved_at,
        approved_by=minutes.approved_by,
        published_at=minutes.published_at if minutes.status == MinutesStatus.PUBLISHED else None,
    )


def version_freeze(minutes):
    """Keep the approved minutes as they are now, for good. Returns the saved version."""
    version = version_from_minutes(minutes)
    # History imported or seeded as given may lack dates: the nearest ones known.
    version.approved_at = version.approved_at or minutes.published_at or version.meeting_starts_at
    if minutes.status == MinutesStatus.PUBLISHED:
        version.published_at = version.published_at or version.approved_at
    version.save()
    return version


def version_current(minutes):
    """What the minutes page shows: the frozen version once approved, else the live draft."""
    if minutes.status in {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}:
        frozen = minutes.versions.filter(number=minutes.version).first()
        if frozen is not None:
            return frozen
    return version_from_minutes(minutes)


@dataclass(frozen=True)
class Person:
    role: str
    name: str = ""


@dataclass(frozen=True)
class RecordedAction:
    title: str
    owner: str
    due_on: datetime.date | None


@dataclass(frozen=True)
class RecordedDecision:
    phrase: str
    decision: str
    label: str
    new_name: str = ""
    theme: str = ""
    reason: str = ""


@dataclass
class MinutesRecord:
    """A version ready to print: people by role (named only while they agree), actions with
    dates, decisions with their labels in the reader's language."""

    version: MinutesVersion
    present: list[Person] = field(default_factory=list)
    apologies: list[Person] = field(default_factory=list)
    actions: list[RecordedAction] = field(default_factory=list)
    theme_decisions: list[RecordedDecision] = field(default_factory=list)

    @property
    def items(self):
        return self.version.item_list()


def _label(choices, code):
    return choices(code).label if code in choices.values else code


def _people(rows):
    seats = BoardMembership.objects.filter(
        pk__in=[row["membership"] for row in rows], named_in_minutes=True
    ).select_related("user")
    # Consent is read now, not when the minutes were approved: a member may withdraw it.
    names = {seat.pk: seat.user.get_full_name() for seat in seats}
    return {
        status: [
            Person(_label(BoardRole, row["role"]), names.get(row["membership"], ""))
            for row in rows
            if row["status"] == status
        ]
        for status in (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES)
    }


def minutes_record_for_display(version):
    record = version.record or {}
    people = _people(record.get("attendance", []))
    return MinutesRecord(
        version=version,
        present=people[AttendanceStatus.PRESENT],
        apologies=people[AttendanceStatus.APOLOGIES],
        actions=[
            RecordedAction(
                a["title"],
                a["owner"],
                datetime.date.fromisoformat(a["due_on"]) if a.get("due_on") else None,
            )
            for a in record.get("actions", [])
        ],
        theme_decisions=[
            RecordedDecision(label=_label(ThemeDecision, d["decision"]), **d)
            for d in record.get("theme_decisions", [])
        ],
    )
