"""Bulk import of paper and phone feedback from CSV (read with django-import-export) or XLSX.

All or nothing: every row is checked first, and nothing is stored unless the whole file is
valid. Each row gets a submission token derived from its content (or its `reference` column),
so importing the same file twice stores nothing new. Between the preview and the confirm, a
checked file waits in storage under a random token (`pending_file_save`), read once and deleted.
"""

import contextlib
import hashlib
import io
import json
import re
import secrets
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from xml.parsers import expat

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.formats.base_formats import CSV
from openpyxl import load_workbook

from surveys.choices import EQUALITY_FIELDS, Channel, HelpedBy, OverallExperience
from surveys.import_questions import header_name, not_an_answer, question_answers_add, too_long
from surveys.models import Touchpoint
from surveys.services import response_submit
from surveys.submission import Comment, Submission

IMPORT_NAMESPACE = uuid.UUID("0b8e0a5c-9f1e-4c8a-9d7e-5b6a4c3d2e1f")
MAX_ROWS = 20000
COLUMNS = [
    "touchpoint",
    "date",
    "channel",
    "overall",
    "went_well",
    "do_better",
    "helped_by",
    *EQUALITY_FIELDS,
    "reference",
]
IMPORT_CHANNELS = {Channel.PAPER, Channel.PHONE, Channel.EASY_READ, Channel.INTERPRETER}

# An XLSX file is a zip of XML. A 20,000-row sheet with every column filled unpacks to about
# 15 MB at a ratio of about 16 to 1; the limits leave room for long comments and extra columns.
XLSX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
XLSX_MAX_RATIO = 100
XLSX_MAX_MEMBERS = 200
XLSX_MAX_COLUMNS = 100
XLSX_MAX_CELLS = 500_000
XLSX_MAX_ELEMENTS = 2_500_000
SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
UNUSUAL_XLSX = gettext_lazy(
    "The spreadsheet is built in an unusual way, so it was not opened. "
    "Save it again from Excel, or save it as 'CSV UTF-8'."
)

PENDING_FOLDER = "imports-pending"
PENDING_TOKEN = re.compile(r"[0-9a-f]{32}")


class ImportFileError(Exception):
    """The file can't be read at all (wrong type, not CSV/XLSX, no header row, too big)."""


@dataclass
class ImportRow:
    number: int
    touchpoint: Touchpoint | None = None
    submitted_on: date | None = None
    channel: str = Channel.PAPER
    submission: Submission = field(default_factory=Submission)
    token: uuid.UUID | None = None
    errors: list[str] = field(default_factory=list)


def read_rows(filename, content: bytes):
    """Parse the file into a list of dicts keyed by lower-case column name."""
    name = filename.lower()
    if not name.endswith((".csv", ".xlsx")):
        raise ImportFileError(_("Choose a .csv or .xlsx file."))
    try:
        if name.endswith(".xlsx"):
            return _read_xlsx(content)
        dataset = CSV().create_dataset(content.decode("utf-8-sig"))
        return _as_dicts(dataset.headers or [], dataset)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The CSV file is not UTF-8 text. Save it as 'CSV UTF-8'.")
        ) from error
    except ImportFileError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is a file the user must fix
        if not str(error):
            raise ImportFileError(_("The file could not be read.")) from error
        message = _("The file could not be read: %(error)s") % {"error": error}
        raise ImportFileError(message) from error


def _read_xlsx(content):
    _check_xlsx(content)
    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        # Bounds given, so a sheet that claims a million rows or columns is not padded out to them.
        rows = book.active.iter_rows(
            max_row=MAX_ROWS + 1, max_col=XLSX_MAX_COLUMNS, values_only=True
        )
        return _as_dicts(next(rows, ()), rows)
    finally:
        book.close()


def _as_dicts(header_row, rows):
    headers = [header_name(h) for h in header_row]
    if "touchpoint" not in headers:
        raise ImportFileError(_("The first row must hold column names, including 'touchpoint'."))
    # Every named column is kept: besides COLUMNS, a survey's own questions have columns
    # headed by their wording (`surveys.import_questions`). For a repeated name the last wins.
    kept = [(index, name) for index, name in enumerate(headers) if name]
    result = [{name: row[index] for index, name in kept if index < len(row)} for row in rows]
    if len(result) > MAX_ROWS:
        raise _too_many_rows()
    return result


def _too_many_rows():
    return ImportFileError(
        _("The file has more than %(rows)s rows. Split it into files of %(rows)s rows or fewer.")
        % {"rows": f"{MAX_ROWS:,}"}
    )


def _check_xlsx(content: bytes):
    """Refuse a zip bomb before openpyxl opens it.

    Sizes come from the zip's directory. zipfile holds each member to its stated size (one that
    unpacks to more fails its CRC check), so they bound what openpyxl can read. Then expat counts
    rows and cells in every member, keeping nothing, and stops at the first limit crossed.
    """
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        members = archive.infolist()
        if sum(member.file_size for member in members) > XLSX_MAX_UNPACKED_BYTES:
            raise ImportFileError(
                _(
                    "The spreadsheet holds more than %(megabytes)s MB once unpacked. Split it "
                    "into smaller files, or save it as 'CSV UTF-8'."
                )
                % {"megabytes": XLSX_MAX_UNPACKED_BYTES // 2**20}
            )
        if len(members) > XLSX_MAX_MEMBERS or any(_packed_too_tightly(m) for m in members):
            raise ImportFileError(UNUSUAL_XLSX)
        counter = _XmlCounter()
        for member in members:
            with archive.open(member) as stream:
                counter.scan(stream)


def _packed_too_tightly(member):
    # Tiny parts can have any ratio; only big ones could be bombs.
    return member.file_size > 1024 * 1024 and (
        member.file_size > XLSX_MAX_RATIO * max(member.compress_size, 1)
    )


class _XmlCounter:
    """Counts what openpyxl would build from a workbook's XML, within XLSX_* limits."""

    def __init__(self):
        self.elements = self.cells = self.strings = 0

    def scan(self, stream):
        self.row = self.row_cells = 0
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        # No real workbook has a DOCTYPE, and entities (billion laughs) can only be declared in one.
        parser.StartDoctypeDeclHandler = self._doctype
        # Not XML (a picture, say): if openpyxl parses it at all, it stops at the same byte.
        with contextlib.suppress(expat.ExpatError):
            parser.ParseFile(stream)

    def _doctype(self, *args):
        raise ImportFileError(UNUSUAL_XLSX)

    def _start(self, name, attrs):
        self.elements += 1
        if self.elements > XLSX_MAX_ELEMENTS:
            raise ImportFileError(UNUSUAL_XLSX)
        namespace, _, tag = name.rpartition(" ")
        if namespace != SPREADSHEETML:
            return
        if tag == "row":
            self.row = _row_number(attrs.get("r"), self.row + 1)
            self.row_cells = 0
        elif tag == "c":
            self._cell()
        elif tag == "si":
            self.strings += 1
            if self.strings > XLSX_MAX_CELLS:
                raise ImportFileError(UNUSUAL_XLSX)

    def _cell(self):
        self.cells += 1
        self.row_cells += 1
        # Row 1 is the header. Empty rows further down don't count: only rows with cells do.
        if self.row > MAX_ROWS + 1:
            raise _too_many_rows()
        if self.row_cells > XLSX_MAX_COLUMNS:
            raise ImportFileError(
                _(
                    "Row %(row)s has more than %(columns)s columns. "
                    "Delete the columns you don't need."
                )
                % {"row": self.row, "columns": XLSX_MAX_COLUMNS}
            )
        if self.cells > XLSX_MAX_CELLS:
            raise ImportFileError(
                _(
                    "The spreadsheet has more than %(cells)s cells. Delete the columns you "
                    "don't need, or split the file."
                )
                % {"cells": f"{XLSX_MAX_CELLS:,}"}
            )


def _row_number(value, default):
    try:
        return int(float(value))  # as openpyxl reads it: "7" and "7.0" are both row 7
    except (TypeError, ValueError, OverflowError):
        return default


def _choice(value, choices, column, errors):
    text = _text(value)
    if not text:
        return ""
    for code, label in choices:
        if text.lower() in {str(code).lower(), str(label).lower()}:
            return code
    errors.append(not_an_answer(column, text))
    return ""


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value, errors):
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    else:
        parsed = None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
            try:
                parsed = datetime.strptime(_text(value), pattern).date()
                break
            except ValueError:
                continue
    if parsed is None:
        errors.append(_("date: use a date like 2026-03-31 or 31/03/2026"))
    elif parsed > timezone.localdate():
        errors.append(_("date: can't be in the future"))
        parsed = None
    return parsed


def _token(raw, seen):
    reference = _text(raw.get("reference"))
    if reference:
        basis = f"ref:{reference}"
    else:
        values = {k: _text(raw.get(k)) for k in COLUMNS}
        # Other columns count only when filled, so a file of COLUMNS alone keeps the tokens it
        # had before question columns were read: importing it again still adds nothing.
        values.update({k: _text(v) for k, v in raw.items() if k not in COLUMNS and _text(v)})
        canonical = json.dumps(values, sort_keys=True)
        seen[canonical] = seen.get(canonical, 0) + 1
        basis = f"{hashlib.sha256(canonical.encode()).hexdigest()}#{seen[canonical]}"
    return uuid.uuid5(IMPORT_NAMESPACE, basis)


def validate_rows(raw_rows):
    """Check every row; returns ImportRow objects, each with its own list of errors."""
    touchpoints = {t.code: t for t in Touchpoint.objects.select_related("survey", "service")}
    seen = {}
    rows = []
    for number, raw in enumerate(raw_rows, start=2):  # row 1 is the header
        row = ImportRow(number=number, token=_token(raw, seen))
        code = _text(raw.get("touchpoint")).lower()
        row.touchpoint = touchpoints.get(code)
        if row.touchpoint is None:
            row.errors.append(
                _("touchpoint: no touchpoint with code '%(code)s'") % {"code": code[:20]}
            )
        row.submitted_on = _date(raw.get("date"), row.errors)
        channel_choices = [(c, label) for c, label in Channel.choices if c in IMPORT_CHANNELS]
        row.channel = _choice(raw.get("channel"), channel_choices, "channel", row.errors) or (
            Channel.PAPER
        )
        row.submission = _submission(raw, row)
        if not row.errors and row.submission.is_empty():
            row.errors.append(_("the row has no answers"))
        rows.append(row)
    return rows


def _submission(raw, row):
    submission = Submission(
        overall=_choice(raw.get("overall"), OverallExperience.choices, "overall", row.errors),
        helped_by=_choice(raw.get("helped_by"), HelpedBy.choices, "helped_by", row.errors),
        equality={
            name: _choice(raw.get(name), choices.choices, name, row.errors)
            for name, (_label, choices) in EQUALITY_FIELDS.items()
        },
    )
    if row.touchpoint is None:
        return submission
    survey = row.touchpoint.survey.specific
    keys = _free_text_keys(survey)
    for purpose in ("went_well", "do_better"):
        text = _text(raw.get(purpose))
        if len(text) > 5000:
            row.errors.append(too_long(purpose))
        elif text and purpose not in keys:
            row.errors.append(
                _(
                    "%(column)s: this touchpoint's survey doesn't ask that. Use the survey's "
                    "template, with a column for each question"
                )
                % {"column": purpose}
            )
        elif text:
            submission.comments.append(Comment(keys[purpose], purpose, text))
    question_answers_add(raw, survey, submission, row.errors, _text)
    return submission


def _free_text_keys(survey):
    keys = {}
    for key, block_type, value in survey.question_blocks():
        if block_type == "free_text":
            keys.setdefault(value["purpose"], key)
    return keys


@transaction.atomic
def import_rows(rows):
    """Store every row, or none. Returns (created, already_there)."""
    if any(row.errors for row in rows):
        raise ValueError("Refusing to import a file with errors.")
    created = 0
    for row in rows:
        _response, was_created = response_submit(
            survey=row.touchpoint.survey.specific,
            touchpoint=row.touchpoint,
            submission=row.submission,
            channel=row.channel,
            submission_token=row.token,
            submitted_on=row.submitted_on,
            allow_closed=True,
        )
        created += was_created
    return created, len(rows) - created


def _pending_storage():
    return storages[settings.IMPORT_PENDING_STORAGE]


def _pending_name(token):
    return f"{PENDING_FOLDER}/{token}"


def pending_file_save(content: bytes) -> str:
    """Keep a checked file until it is confirmed; returns the random token that names it.

    Storage, not the request: the file is too big to send back with the confirm, and whichever
    app server gets the confirm must be able to read it.
    """
    token = secrets.token_hex(16)
    _pending_storage().save(_pending_name(token), ContentFile(content))
    return token


def pending_file_take(token) -> bytes | None:
    """The file saved under `token`, deleted as it is read so it is imported at most once."""
    if not PENDING_TOKEN.fullmatch(str(token)):
        return None  # only names we made are opened: no path ever comes from the request
    storage = _pending_storage()
    try:
        with storage.open(_pending_name(token), "rb") as file:
            content = file.read()
    except OSError:
        return None
    pending_file_delete(token)
    return content


def pending_file_delete(token):
    if PENDING_TOKEN.fullmatch(str(token)):
        _pending_storage().delete(_pending_name(token))


def pending_files_delete_expired():
    """Delete checked files nobody confirmed within IMPORT_PENDING_MINUTES."""
    storage = _pending_storage()
    cutoff = timezone.now() - timedelta(minutes=settings.IMPORT_PENDING_MINUTES)
    try:
        _folders, names = storage.listdir(PENDING_FOLDER)
    except OSError:
        return  # no folder yet
    for name in names:
        path = f"{PENDING_FOLDER}/{name}"
        try:
            if storage.get_modified_time(path) < cutoff:
                storage.delete(path)
        except OSError:
            continue  # deleted meanwhile by another request
