"""Export a board's whole record and import it again, all or nothing."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _

from coproduction.choices import MinutesStatus
from coproduction.minutes_versions import version_freeze
from coproduction.models import Board, BoardMembership, Minutes, MinutesVersion
from coproduction.resources import HISTORY_RESOURCES, spreadsheet_row
from coproduction.services import membership_groups_sync

APPROVED = {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}


@dataclass(frozen=True)
class HistoryProblem:
    """One thing wrong with an import, where a person can find it."""

    sheet: str
    message: str
    row: int | None = None
    column: str | None = None
    value: str = ""

    def __str__(self):
        where = [_("sheet “%(sheet)s”") % {"sheet": self.sheet}]
        if self.row:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        value = f" (“{self.value}”)" if self.value not in ("", None) else ""
        return f"{', '.join(where)}{value}: {self.message}"


class HistoryImportError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class HistoryImportResult:
    """Rows new, updated and unchanged, by sheet."""

    totals: dict = field(default_factory=dict)
    dry_run: bool = False

    def count(self, kind):
        return sum(sheet.get(kind, 0) for sheet in self.totals.values())


def history_export(*, board=None):
    """Every sheet of the history of `board` (of every board without one), as code → dataset
    in import order. Empty sheets keep their headers, as a template."""
    boards = Board.objects.all() if board is None else Board.objects.filter(pk=board.pk)
    return {
        resource.sheet: resource().export(queryset=resource.history_queryset(boards))
        for resource in HISTORY_RESOURCES
    }


def history_import(sheets, *, dry_run=False):
    """Import `sheets` (code → dataset) in one transaction. Any problem in any row, or in the
    minutes' versions once every row is in, undoes the lot: `HistoryImportError` lists each."""
    with transaction.atomic():
        result, problems, touched = _import_sheets(sheets)
        if not problems:
            problems = _minutes_versions_settle(touched["minutes"])
            _groups_sync(touched["members"])
        if problems:
            raise HistoryImportError(problems)
        if dry_run:
            transaction.set_rollback(True)
    result.dry_run = dry_run
    return result


def _import_sheets(sheets):
    result, problems = HistoryImportResult(), []
    touched = {"minutes": set(), "members": set()}
    locked = set(Minutes.objects.exclude(status=MinutesStatus.DRAFT).values_list("pk", flat=True))
    for resource_class in HISTORY_RESOURCES:
        dataset = sheets.get(resource_class.sheet)
        if dataset is None:
            continue
        resource = resource_class()
        resource.locked_minutes = locked
        outcome = resource.import_data(dataset, raise_errors=False, use_transactions=False)
        result.totals[resource.sheet] = {k: v for k, v in outcome.totals.items() if v}
        problems += _problems(resource, dataset, outcome)
        _note_touched(resource, outcome, touched)
    return result, problems, touched


def _note_touched(resource, outcome, touched):
    ids = {row.object_id for row in outcome.rows if row.object_id}
    if resource.sheet == "minutes":
        touched["minutes"] |= ids
    elif resource.sheet == "minutes_versions":
        versions = MinutesVersion.objects.filter(pk__in=ids)
        touched["minutes"] |= set(versions.values_list("minutes_id", flat=True))
    elif resource.sheet == "members":
        changed = {row.object_id for row in outcome.rows if row.import_type != "skip"}
        touched["members"] |= changed


def _problems(resource, dataset, outcome):
    """Each error of an import-export result, by sheet, spreadsheet row and column."""
    sheet = resource.sheet
    columns = {f.attribute: f.column_name for f in resource.fields.values()}
    problems = [HistoryProblem(sheet, str(error.error)) for error in outcome.base_errors]
    for invalid in outcome.invalid_rows:
        values = dict(zip(dataset.headers, dataset[invalid.number - 1], strict=False))
        for name, messages in invalid.error_dict.items():
            column = None if name == NON_FIELD_ERRORS else columns.get(name, name)
            for message in messages:
                problems.append(
                    HistoryProblem(
                        sheet,
                        message,
                        spreadsheet_row(invalid.number),
                        column,
                        values.get(column, ""),
                    )
                )
    for error_row in outcome.error_rows:
        for error in error_row.errors:
            problems.append(
                HistoryProblem(sheet, str(error.error), spreadsheet_row(error_row.number))
            )
    return problems


def _minutes_versions_settle(minutes_ids):
    """Approved and published minutes show their frozen version on every page: freeze the
    current one if the file had none (a council's own spreadsheet), and refuse versions that
    contradict the minutes."""
    problems = []
    minutes_list = Minutes.objects.filter(pk__in=minutes_ids).select_related("meeting__board")
    for minutes in minutes_list:
        numbers = dict(minutes.versions.values_list("number", "published_at"))
        message = _version_contradiction(minutes, numbers)
        if message:
            problems.append(HistoryProblem("minutes_versions", f"{_where(minutes)}: {message}"))
        elif minutes.status in APPROVED and minutes.version not in numbers:
            version_freeze(minutes)
    return problems


def _version_contradiction(minutes, numbers):
    later = sorted(n for n in numbers if n > minutes.version)
    if later:
        return _("version %(number)s is later than the minutes' version %(version)s.") % {
            "number": later[0],
            "version": minutes.version,
        }
    if minutes.status not in APPROVED and minutes.version in numbers:
        return _(
            "the minutes are %(status)s at version %(version)s, but that version is "
            "recorded as approved."
        ) % {"status": minutes.status, "version": minutes.version}
    published = minutes.status == MinutesStatus.PUBLISHED
    if published and minutes.version in numbers and numbers[minutes.version] is None:
        return _("the minutes are published, but version %(version)s has no published_at.") % {
            "version": minutes.version
        }
    return ""


def _where(minutes):
    meeting = minutes.meeting
    return _("the minutes of the board “%(board)s” meeting at %(time)s") % {
        "board": meeting.board.slug,
        "time": meeting.starts_at.isoformat(),
    }


def _groups_sync(membership_ids):
    """Role groups follow seats, however a seat arrives."""
    seats = BoardMembership.objects.filter(pk__in=membership_ids)
    for user in get_user_model().objects.filter(board_memberships__in=seats).distinct():
        membership_groups_sync(user=user)
