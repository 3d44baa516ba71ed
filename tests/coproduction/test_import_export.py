"""Board history imports refuse invalid values, all or nothing, saying where (issue #17)."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from coproduction.models import Action, Attendance, Board, Meeting, Minutes
from coproduction.resources import ActionResource, MeetingResource, MinutesResource
from tests.coproduction.factories import ActionFactory, MeetingFactory

NEW_BOARD = ["new-board", "New board", "", "", "no"]
BOARD_HEADERS = ["slug", "name", "purpose", "who_can_join", "is_demo"]
START = "2026-03-10T14:00:00+00:00"


def _workbook(tmp_path, sheets):
    """A workbook as a council might write one: sheet code → rows, headers first."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "history.xlsx"
    book.save(path)
    return path


def _refused(path):
    with pytest.raises(CommandError) as error:
        call_command("board_history", "import", path, stdout=io.StringIO())
    return str(error.value)


def _with_new_board(sheets):
    return {"boards": [BOARD_HEADERS, NEW_BOARD], **sheets}


def test_minutes_with_a_status_that_does_not_exist_are_refused(db, tmp_path):
    path = _workbook(
        tmp_path,
        _with_new_board(
            {
                "meetings": [["board", "starts_at", "title"], ["new-board", START, "Spring"]],
                "minutes": [["board", "meeting", "status"], ["new-board", START, "finished"]],
            }
        ),
    )
    message = _refused(path)
    assert "sheet “minutes”, row 2, column “status” (“finished”)" in message
    assert "is not a valid choice" in message
    assert not Board.objects.exists() and not Meeting.objects.exists()


def test_a_meeting_without_a_title_is_refused(db, tmp_path):
    path = _workbook(
        tmp_path,
        _with_new_board(
            {
                "meetings": [
                    ["board", "starts_at", "title"],
                    ["new-board", START, "Spring"],
                    ["new-board", "2026-06-10 14:00", ""],
                ]
            }
        ),
    )
    message = _refused(path)
    assert "sheet “meetings”, row 3, column “title”: This field cannot be blank." in message
    assert not Board.objects.exists() and not Meeting.objects.exists()


def test_an_action_owner_email_that_is_not_an_email_is_refused(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(
        "board,title,owner_email\n"
        f"{board.slug},Fine row,owner@council.example\n"
        f"{board.slug},Bad row,not-an-email\n"
    )
    message = _refused(path)
    assert "sheet “actions”, row 3, column “owner_email” (“not-an-email”)" in message
    assert "Enter a valid email address." in message
    assert not Action.objects.exists()


def test_an_action_cannot_name_another_boards_meeting(board, other_board, tmp_path):
    MeetingFactory(board=other_board, starts_at="2026-03-10T14:00:00+00:00")
    path = tmp_path / "actions.csv"
    path.write_text(f"board,meeting,title\n{board.slug},{START},Borrowed meeting\n")
    message = _refused(path)
    assert "sheet “actions”, row 2, column “meeting”" in message
    assert f"The board “{board.slug}” has no meeting starting at" in message
    assert not Action.objects.exists()


def test_attendance_must_be_a_seat_on_the_meetings_board(
    meeting, other_board_member, member, tmp_path
):
    start = meeting.starts_at.isoformat()
    path = tmp_path / "attendance.csv"
    path.write_text(
        "board,meeting,member,status\n"
        f"{meeting.board.slug},{start},{member.email},present\n"
        f"{meeting.board.slug},{start},{other_board_member.email},present\n"
    )
    message = _refused(path)
    assert "sheet “attendance”, row 3, column “member”" in message
    assert "has no seat on the board" in message
    assert not Attendance.objects.exists()


def test_an_unknown_board_is_named_and_nothing_is_imported(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(f"board,title\n{board.slug},Fine row\nno-such-board,Bad row\n")
    message = _refused(path)
    assert "row 3, column “board” (“no-such-board”): There is no board" in message
    assert not Action.objects.exists()


def test_the_same_natural_key_twice_in_a_sheet_is_refused(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(f"board,title\n{board.slug},Same\n{board.slug},Same\n")
    message = _refused(path)
    assert "row 3: This row has the same board, meeting, title as row 2." in message
    assert not Action.objects.exists()


def test_every_problem_is_listed_not_only_the_first(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(f"board,title,status\n{board.slug},,open\n{board.slug},Two,finished\n")
    message = _refused(path)
    assert "2 problem(s)" in message
    assert "row 2, column “title”" in message and "row 3, column “status”" in message


def test_an_unknown_sheet_is_refused(db, tmp_path):
    path = _workbook(tmp_path, {"Sheet1": [["a"], ["b"]]})
    assert "doesn't know the sheet Sheet1" in _refused(path)


def test_sheets_are_recognised_by_their_title_in_any_language(board, tmp_path):
    path = _workbook(tmp_path, {"Działania": [["board", "title"], [board.slug, "Po polsku"]]})
    call_command("board_history", "import", path, stdout=io.StringIO())
    assert Action.objects.get().title == "Po polsku"


def test_import_from_a_hand_made_spreadsheet(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(
        "board,title,owner,due_on,status\n"
        f"{board.slug},Easy read letters,Head of Assessment,2026-05-01,open\n"
    )
    call_command("board_history", "import", path, stdout=io.StringIO())
    action = Action.objects.get()
    assert (action.board, action.title, action.status) == (board, "Easy read letters", "open")


def test_a_csv_of_one_kind_can_be_named_with_kind(board, tmp_path):
    path = tmp_path / "old-action-log.csv"
    path.write_text(f"board,title\n{board.slug},From the old log\n")
    call_command("board_history", "import", path, "--kind", "actions", stdout=io.StringIO())
    assert Action.objects.get().title == "From the old log"


def test_dry_run_imports_nothing(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(f"board,title,owner\n{board.slug},Row,Officer\n")
    out = io.StringIO()
    call_command("board_history", "import", path, "--dry-run", stdout=out)
    assert "Would import: 1 new." in out.getvalue()
    assert not Action.objects.exists()


def test_one_kind_exports_as_csv(board, tmp_path):
    ActionFactory(board=board, title="Exported alone")
    path = tmp_path / "actions.csv"
    call_command("board_history", "export", path, stdout=io.StringIO())
    assert "Exported alone" in path.read_text()


def test_resources_export_the_expected_columns(db):
    assert MeetingResource().get_export_headers()[:3] == ["board", "starts_at", "title"]
    assert "easy_read_summary" in MinutesResource().get_export_headers()
    assert "themes" in ActionResource().get_export_headers()
    assert "id" not in MinutesResource().get_export_headers()
    assert not Minutes.objects.exists()
