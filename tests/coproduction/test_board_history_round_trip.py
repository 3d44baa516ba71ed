"""A board's whole record, exported and imported into an empty database, comes back the same:
every field of every row, compared by natural key (issue #17).

What `_snapshot` leaves out, because it cannot survive a move: the `id` of every row (ids are
the database's own; rows are compared by natural key and relations by the related row's key)
and `MeetingPaper.document` (a file in the document library, not in the workbook). Auto-set
timestamps (created_at, sent_at, decided_at) are compared: the import keeps them.
"""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone
from freezegun import freeze_time

from coproduction import services
from coproduction.choices import (
    ActionStatus,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
    ThemeDecision,
)
from coproduction.models import (
    Action,
    ActionProgressNote,
    AgendaItem,
    Attendance,
    Board,
    BoardMembership,
    Meeting,
    MeetingPaper,
    MinuteItem,
    Minutes,
    MinutesComment,
    MinutesSendBack,
    MinutesVersion,
    ThemeReviewDecision,
)
from coproduction.resources import HISTORY_RESOURCES
from surveys.models import Service
from tests.coproduction.factories import (
    ActionFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    UserFactory,
)
from themes.models import PhraseDecision, Theme

MODELS = [resource._meta.model for resource in HISTORY_RESOURCES]
# Rows that hold part of a board's record but never leave it: private to the officers who
# arrange them, or not history at all.
NOT_EXPORTED = {
    "coproduction.accessneeds",
    "coproduction.involvementpayment",
    "coproduction.boardinvitation",
    "coproduction.boardpaperscollection",
    # Residents' anonymous "Is it better now?" answers (counted on the entry, not the board's
    # record), and the record of who was told an action was done (contact details' lifetime).
    "coproduction.followup",
    "coproduction.donenotice",
}
HOSTILE = '=HYPERLINK("http://evil.example","x")'
START = datetime.datetime(2026, 3, 10, 14, 0, 0, 123456, tzinfo=datetime.UTC)


def _key(obj):
    """A row's natural key, as the history file names it."""
    if obj is None:
        return None
    key = {
        Board: lambda o: o.slug,
        Service: lambda o: o.slug,
        Theme: lambda o: o.key,
        BoardMembership: lambda o: (o.board.slug, o.user.email),
        Meeting: lambda o: (o.board.slug, o.starts_at),
        AgendaItem: lambda o: (_key(o.meeting), o.title),
        MeetingPaper: lambda o: (_key(o.meeting), o.title),
        Attendance: lambda o: (_key(o.meeting), o.membership.user.email),
        Minutes: lambda o: _key(o.meeting),
        MinuteItem: lambda o: (_key(o.minutes), o.heading),
        MinutesVersion: lambda o: (_key(o.minutes), o.number),
        MinutesSendBack: lambda o: (_key(o.minutes), o.sent_at),
        MinutesComment: lambda o: (_key(o.minutes), o.created_at, _key(o.author)),
        ThemeReviewDecision: lambda o: (_key(o.meeting), o.suggested_phrase),
        PhraseDecision: lambda o: o.phrase,
        Action: lambda o: (o.board.slug, _key(o.meeting), o.title),
        ActionProgressNote: lambda o: (_key(o.action), o.created_at),
    }.get(type(obj))
    return key(obj) if key else obj.email  # people are named by email


def _record(record):
    """A version's record with each seat named by its member's email, not its id."""
    emails = dict(BoardMembership.objects.values_list("pk", "user__email"))
    seats = [
        {**seat, "membership": emails.get(seat["membership"])}
        for seat in record.get("attendance", [])
    ]
    return {**record, "attendance": seats}


def _row(obj):
    values = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or (type(obj) is MeetingPaper and field.name == "document"):
            continue
        if field.is_relation:
            values[field.name] = _key(getattr(obj, field.name))
        elif isinstance(field, models.JSONField) and field.name == "record":
            values[field.name] = _record(getattr(obj, field.name))
        else:
            values[field.name] = getattr(obj, field.attname)
    for field in obj._meta.many_to_many:
        values[field.name] = sorted(_key(o) for o in getattr(obj, field.name).all())
    return values


def _snapshot():
    """Every row of every model of the board's record, as comparable dicts by natural key."""
    return {model.__name__: {_key(o): _row(o) for o in model.objects.all()} for model in MODELS}


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def _flush():
    """An empty database as far as boards go: people and themes stay, as in a new install."""
    for model in (Action, Meeting, Board, Service, PhraseDecision):
        model.objects.all().delete()
    assert not any(_counts().values())


@pytest.fixture
def record(board, chair, member, officer, other_board, other_board_member):
    """A rich board record: two meetings with agendas, papers and attendance, minutes sent back
    once, then approved and published, minutes corrected to a second draft, comments, theme
    decisions, actions with themes, a service and progress notes."""
    board.purpose = "Residents and carers check adult social care."
    board.who_can_join = "Anyone who uses care in the borough."
    board.save()
    member_seat = member.board_memberships.get()
    member_seat.named_in_minutes = True
    member_seat.save()
    quiet = MembershipFactory(board=board, user=UserFactory(), role=BoardRole.CARER)
    first = MeetingFactory(
        board=board,
        title="Spring meeting",
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=2),
        place="Town Hall,\nRoom 2",
        online_link="https://meet.example/abc",
        bsl_interpreter=True,
        hearing_loop=True,
        accessibility_notes=HOSTILE,
    )
    second = MeetingFactory(board=board, title="Summer meeting", starts_at=START.replace(month=6))
    AgendaItem.objects.create(meeting=first, title="Welcome", sort_order=0, led_by_role="Chair")
    AgendaItem.objects.create(
        meeting=first, title="Waiting times", sort_order=1, description="+44 figures"
    )
    MeetingPaper.objects.create(meeting=first, title="Waiting times report", is_easy_read=True)
    for seat, status in [
        (chair.board_memberships.get(), AttendanceStatus.PRESENT),
        (member_seat, AttendanceStatus.PRESENT),
        (quiet, AttendanceStatus.APOLOGIES),
    ]:
        Attendance.objects.create(meeting=first, membership=seat, status=status)
    theme_a = Theme.objects.create(name="Round trip waiting", key="round-trip-waiting")
    theme_b = Theme.objects.create(name="Round trip carers", key="round-trip-carers")
    ThemeReviewDecision.objects.create(
        meeting=first,
        suggested_phrase="respite at weekends",
        decision=ThemeDecision.MERGE,
        theme=theme_b,
        reason="Part of carers' breaks.",
        decided_by=chair,
    )
    PhraseDecision.objects.create(
        phrase="respite at weekends",
        outcome=PhraseDecision.Outcome.MERGED,
        theme=theme_b,
        decided_on=datetime.date(2026, 3, 10),
    )
    service = Service.objects.create(name="Round trip home care", slug="round-trip-home-care")
    done = ActionFactory(
        board=board,
        meeting=first,
        title="Publish waiting times",
        details="@monthly",
        due_on=datetime.date(2026, 4, 30),
        status=ActionStatus.DONE,
        completed_on=datetime.date(2026, 4, 20),
        service=service,
        evidence_summary="-12% on last year",
        you_said="Carers wait too long",
        we_did="A carers' line",
        published_at=START + datetime.timedelta(days=50),
        reminder_sent_for=datetime.date(2026, 4, 30),
    )
    done.themes.add(theme_a, theme_b)
    ActionFactory(
        board=board,
        title="Easy read letters",
        owner_email="",
        owner_digest_on=datetime.date(2026, 5, 4),
    )
    with freeze_time(START + datetime.timedelta(days=3)):
        services.action_update_status(
            action=done, status=ActionStatus.IN_PROGRESS, by=officer, note="Draft table ready"
        )
    ActionProgressNote.objects.filter(action=done).update(
        created_at=START + datetime.timedelta(days=3, microseconds=7)
    )

    minutes = MinutesFactory(meeting=first, summary="<p>We met.</p>")
    MinuteItem.objects.create(
        minutes=minutes,
        heading="Waiting times",
        sort_order=0,
        discussion="<p>A carer member said…</p>",
        decisions="<p>Publish monthly.</p>",
    )
    MinuteItem.objects.create(minutes=minutes, heading="Any other business", sort_order=1)
    with freeze_time(START + datetime.timedelta(days=7)):
        services.minutes_circulate(minutes=minutes, by=officer)
        services.minutes_comment_add(minutes=minutes, author=member, body="Item 2 is wrong.")
        services.minutes_send_back(minutes=minutes, by=chair, note="Fix item 2.")
    with freeze_time(START + datetime.timedelta(days=9)):
        services.minutes_circulate(minutes=minutes, by=officer)
        services.minutes_comment_add(minutes=minutes, author=member, body="Fine now.")
        services.minutes_approve(minutes=minutes, by=chair)
        services.minutes_publish(minutes=minutes, by=officer)

    corrected = MinutesFactory(meeting=second, easy_read_summary="We talked about respite.")
    with freeze_time(START.replace(month=7)):
        services.minutes_circulate(minutes=corrected, by=officer)
        services.minutes_approve(minutes=corrected, by=chair)
        services.minutes_publish(minutes=corrected, by=officer)
        services.minutes_correct(minutes=corrected, by=officer, reason="Wrong date.")

    member_seat.left_on = datetime.date(2026, 8, 1)
    member_seat.save()
    elsewhere = MeetingFactory(board=other_board, title="Carers' forum", starts_at=START)
    ActionFactory(board=other_board, meeting=elsewhere, title="Carers' forum action")
    return board


def _export(tmp_path, suffix=".xlsx", *args):
    path = tmp_path / f"history{suffix}"
    call_command("board_history", "export", path, *args, stdout=io.StringIO())
    return path


def _import(path, *args):
    out = io.StringIO()
    call_command("board_history", "import", path, *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".xlsx", ".zip"])
def test_every_field_of_every_row_survives_export_and_import_into_an_empty_database(
    record, tmp_path, suffix
):
    before = _snapshot()
    assert all(before[model.__name__] for model in MODELS), "the record fills every sheet"
    path = _export(tmp_path, suffix)
    _flush()

    _import(path)

    assert _snapshot() == before


def test_the_public_minutes_show_the_imported_published_version(record, tmp_path, client):
    path = _export(tmp_path)
    _flush()
    _import(path)
    minutes = Minutes.objects.get(meeting__title="Summer meeting")
    assert (minutes.status, minutes.version) == (MinutesStatus.DRAFT, 2)
    page = client.get(minutes.get_absolute_url()).content.decode()
    assert "Version 1, approved" in page and "We talked about respite." in page


def test_a_second_import_changes_nothing(record, tmp_path):
    path = _export(tmp_path)
    _flush()
    _import(path)
    counts, snapshot = _counts(), _snapshot()

    output = _import(path)

    assert "new" not in output and "update" not in output
    assert (_counts(), _snapshot()) == (counts, snapshot)


def _with_id_column(path):
    """The workbook with an `id` column, as a council's old export or spreadsheet has."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        sheet.insert_cols(1)
        sheet.cell(1, 1, "id")
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, 1, 900 + row)
    book.save(path)


def test_ids_in_the_file_are_ignored_rows_are_found_by_natural_key(record, tmp_path):
    path = _export(tmp_path)
    _with_id_column(path)
    _flush()
    _import(path)
    counts, snapshot = _counts(), _snapshot()

    _import(path)

    assert (_counts(), _snapshot()) == (counts, snapshot)


def test_rows_without_ids_from_a_hand_made_spreadsheet_are_not_duplicated(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(
        "board,title,owner,due_on,status\n"
        f"{board.slug},Easy read letters,Head of Assessment,2026-05-01,open\n"
    )
    _import(path)
    _import(path)
    action = Action.objects.get()
    assert (action.board, action.title, action.due_on) == (
        board,
        "Easy read letters",
        datetime.date(2026, 5, 1),
    )


def test_the_board_filter_exports_only_that_board(record, other_board, tmp_path):
    path = _export(tmp_path, ".xlsx", "--board", other_board.slug)
    book = openpyxl.load_workbook(path)
    boards = [row[0] for row in book["Boards"].iter_rows(min_row=2, values_only=True)]
    actions = [row[2] for row in book["Actions"].iter_rows(min_row=2, values_only=True)]
    assert boards == [other_board.slug]
    assert actions == ["Carers' forum action"]
    assert book["Minutes"].max_row == 1  # headers only


def test_an_unknown_board_cannot_be_exported(record, tmp_path):
    with pytest.raises(CommandError, match="no board 'nope'"):
        _export(tmp_path, ".xlsx", "--board", "nope")


def test_the_workbook_has_a_sheet_per_kind_and_no_formulas(record, tmp_path):
    book = openpyxl.load_workbook(_export(tmp_path))
    assert book.sheetnames == [str(resource.sheet_title) for resource in HISTORY_RESOURCES]
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells}
    assert "'" + HOSTILE in texts and "'@monthly" in texts and "'-12% on last year" in texts


def test_the_zip_holds_one_csv_per_kind_with_no_formulas(record, tmp_path):
    with zipfile.ZipFile(_export(tmp_path, ".zip")) as archive:
        assert archive.namelist() == [f"{resource.sheet}.csv" for resource in HISTORY_RESOURCES]
        meetings = archive.read("meetings.csv").decode()
    assert "'=HYPERLINK" in meetings and ",=HYPERLINK" not in meetings


def test_text_that_starts_with_an_apostrophe_keeps_it(board, tmp_path):
    ActionFactory(board=board, title="'Quoted' title", details="'=not a formula")
    path = _export(tmp_path)
    Action.objects.all().delete()
    _import(path)
    assert Action.objects.get().details == "'=not a formula"
    assert Action.objects.get().title == "'Quoted' title"


def test_times_keep_their_microseconds_and_offset_through_a_csv(board, tmp_path):
    summer = datetime.datetime(2026, 7, 1, 9, 30, 0, 5, tzinfo=datetime.UTC)
    MeetingFactory(board=board, starts_at=summer)
    path = _export(tmp_path, ".zip")
    with zipfile.ZipFile(path) as archive:
        assert "2026-07-01T10:30:00.000005+01:00" in archive.read("meetings.csv").decode()
    Meeting.objects.all().delete()
    _import(path)
    assert Meeting.objects.get().starts_at == summer


def test_every_model_that_holds_a_board_record_is_exported_or_deliberately_private():
    parents = {Board, Meeting, Minutes, Action, BoardMembership, MinutesVersion, MinutesSendBack}
    holding = {
        model._meta.label_lower
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model in parents
    }
    exported = {model._meta.label_lower for model in MODELS}
    assert holding - exported - NOT_EXPORTED == set()


def test_access_needs_and_payments_never_leave_the_database(record, tmp_path):
    path = _export(tmp_path, ".zip")
    with zipfile.ZipFile(path) as archive:
        text = " ".join(archive.read(name).decode() for name in archive.namelist())
    assert "bsl_interpreter" in text  # the meeting's arrangements are public
    for private in ("large_print", "regular_breaks", "other_needs", "amount", "paid_on"):
        assert private not in text


def test_a_dry_run_checks_everything_and_saves_nothing(record, tmp_path):
    path = _export(tmp_path)
    _flush()
    output = _import(path, "--dry-run")
    assert output.startswith("Would import")
    assert not any(_counts().values())


def test_people_are_never_invented(record, tmp_path, member):
    path = _export(tmp_path)
    _flush()
    member.delete()
    with pytest.raises(CommandError) as error:
        _import(path)
    assert "No account has the email address" in str(error.value)
    assert not any(_counts().values())


def test_a_theme_must_already_exist(record, tmp_path):
    path = _export(tmp_path)
    _flush()
    Theme.objects.filter(key="round-trip-waiting").delete()
    with pytest.raises(CommandError) as error:
        _import(path)
    # Row 2 is the action raised at no meeting, which has no themes.
    assert "sheet “actions”, row 3, column “themes”" in str(error.value)
    assert "round-trip-waiting" in str(error.value)
    assert not any(_counts().values())


def test_a_blank_author_records_no_one_after_an_account_was_deleted(record, tmp_path, member):
    member.board_memberships.all().delete()
    member.delete()
    before = _snapshot()
    assert {row["author"] for row in before["MinutesComment"].values()} == {None}
    path = _export(tmp_path)
    _flush()
    _import(path)
    assert _snapshot() == before


def test_an_import_never_changes_minutes_already_published_here(record, tmp_path):
    path = _export(tmp_path)
    minutes = Minutes.objects.get(meeting__title="Spring meeting")
    book = openpyxl.load_workbook(path)
    sheet = book["Minute items"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(2, headers.index("decisions") + 1, "<p>We decided something else.</p>")
    book.save(path)
    with pytest.raises(CommandError, match="can no longer be changed"):
        _import(path)
    assert minutes.items.get(heading="Waiting times").decisions == "<p>Publish monthly.</p>"


def test_an_approved_version_never_changes(record, tmp_path):
    path = _export(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Minutes versions"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(2, headers.index("summary") + 1, "<p>Rewritten.</p>")
    book.save(path)
    with pytest.raises(CommandError, match="was approved and cannot change"):
        _import(path)
    assert not MinutesVersion.objects.filter(summary="<p>Rewritten.</p>").exists()


def test_minutes_from_an_old_spreadsheet_get_their_first_version(board, tmp_path):
    MeetingFactory(board=board, starts_at=START)
    path = tmp_path / "minutes.csv"
    path.write_text(
        "board,meeting,status,summary,published_at\n"
        f"{board.slug},2026-03-10 14:00:00.123456+00:00,published,<p>Old minutes.</p>,"
        "2026-04-01 10:00\n"
    )
    _import(path)
    version = MinutesVersion.objects.get()
    assert (version.number, version.summary) == (1, "<p>Old minutes.</p>")
    assert version.published_at == timezone.make_aware(datetime.datetime(2026, 4, 1, 10))
