"""Bulk import of paper and phone feedback from CSV or XLSX (read with django-import-export).

All or nothing: every row is checked first, and nothing is stored unless the whole file is
valid. Each row gets a submission token derived from its content (or its `reference` column),
so importing the same file twice stores nothing new.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from import_export.formats.base_formats import CSV, XLSX

from surveys.choices import EQUALITY_FIELDS, Channel, HelpedBy, OverallExperience
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


class ImportFileError(Exception):
    """The file can't be read at all (wrong type, not CSV/XLSX, no header row)."""


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
    try:
        if name.endswith(".xlsx"):
            dataset = XLSX().create_dataset(content)
        elif name.endswith(".csv"):
            dataset = CSV().create_dataset(content.decode("utf-8-sig"))
        else:
            raise ImportFileError("Choose a .csv or .xlsx file.")
    except UnicodeDecodeError as error:
        raise ImportFileError("The CSV file is not UTF-8 text. Save it as 'CSV UTF-8'.") from error
    except ImportFileError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is a file the user must fix
        raise ImportFileError(f"The file could not be read: {error}") from error
    headers = [str(h or "").strip().lower() for h in (dataset.headers or [])]
    if "touchpoint" not in headers:
        raise ImportFileError("The first row must hold column names, including 'touchpoint'.")
    if len(dataset) > MAX_ROWS:
        raise ImportFileError(f"Split the file: at most {MAX_ROWS} rows at a time.")
    return [dict(zip(headers, row, strict=False)) for row in dataset]


def _choice(value, choices, column, errors):
    text = _text(value)
    if not text:
        return ""
    for code, label in choices:
        if text.lower() in {str(code).lower(), str(label).lower()}:
            return code
    errors.append(f"{column}: '{text[:40]}' is not one of the answers")
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
        errors.append("date: use a date like 2026-03-31 or 31/03/2026")
    elif parsed > timezone.localdate():
        errors.append("date: can't be in the future")
        parsed = None
    return parsed


def _token(raw, seen):
    reference = _text(raw.get("reference"))
    if reference:
        basis = f"ref:{reference}"
    else:
        canonical = json.dumps({k: _text(raw.get(k)) for k in COLUMNS}, sort_keys=True)
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
            row.errors.append(f"touchpoint: no touchpoint with code '{code[:20]}'")
        row.submitted_on = _date(raw.get("date"), row.errors)
        channel_choices = [(c, label) for c, label in Channel.choices if c in IMPORT_CHANNELS]
        row.channel = _choice(raw.get("channel"), channel_choices, "channel", row.errors) or (
            Channel.PAPER
        )
        row.submission = _submission(raw, row)
        if not row.errors and row.submission.is_empty():
            row.errors.append("the row has no answers")
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
    keys = _free_text_keys(row.touchpoint.survey.specific)
    for purpose in ("went_well", "do_better"):
        text = _text(raw.get(purpose))
        if len(text) > 5000:
            row.errors.append(f"{purpose}: longer than 5,000 characters")
        elif text and purpose not in keys:
            row.errors.append(f"{purpose}: this touchpoint's survey doesn't ask that")
        elif text:
            submission.comments.append(Comment(keys[purpose], purpose, text))
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
