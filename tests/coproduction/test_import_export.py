import io

import pytest
from django.core.management import CommandError, call_command

from coproduction.choices import ActionStatus, MinutesStatus
from coproduction.models import Action, Meeting, Minutes
from coproduction.resources import ActionResource, MeetingResource, MinutesResource
from tests.coproduction.factories import ActionFactory, MinutesFactory


@pytest.fixture
def history(meeting):
    from surveys.models import Service
    from themes.models import Theme

    meeting.starts_at = meeting.starts_at.replace(microsecond=0)  # spreadsheets keep seconds
    meeting.save()
    MinutesFactory(meeting=meeting, status=MinutesStatus.PUBLISHED)
    action = ActionFactory(
        board=meeting.board,
        meeting=meeting,
        status=ActionStatus.DONE,
        service=Service.objects.create(name="Home care", slug="home-care"),
        you_said="Carers wait too long",
        we_did="A carers' line",
    )
    action.themes.add(
        Theme.objects.create(name="Waiting", key="waiting"),
        Theme.objects.create(name="Carers", key="carers"),
    )
    return meeting


def _snapshot():
    action = Action.objects.get()
    return (
        list(Meeting.objects.values("board__slug", "title", "starts_at", "place")),
        list(Minutes.objects.values("meeting__title", "status", "summary", "easy_read_summary")),
        (
            action.board.slug,
            action.meeting.title,
            action.status,
            action.service.slug,
            sorted(action.themes.values_list("key", flat=True)),
            action.you_said,
            action.we_did,
        ),
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_through_a_spreadsheet(history, tmp_path, suffix):
    before = _snapshot()
    files = {}
    for kind in ["meetings", "minutes", "actions"]:
        files[kind] = tmp_path / f"{kind}{suffix}"
        call_command("board_history", "export", kind, files[kind], stdout=io.StringIO())
    Action.objects.all().delete()
    Meeting.objects.all().delete()
    assert not Minutes.objects.exists()
    for kind in ["meetings", "minutes", "actions"]:
        call_command("board_history", "import", kind, files[kind], stdout=io.StringIO())
    assert _snapshot() == before


def test_import_from_a_hand_made_spreadsheet(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(
        "board,title,owner,due_on,status\n"
        f"{board.slug},Easy read letters,Head of Assessment,2026-05-01,open\n"
    )
    call_command("board_history", "import", "actions", path, stdout=io.StringIO())
    action = Action.objects.get()
    assert (action.board, action.title, action.status) == (board, "Easy read letters", "open")


def test_bad_rows_import_nothing(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(
        f"board,title,owner\n{board.slug},Fine row,Officer\nno-such-board,Bad row,Officer\n"
    )
    with pytest.raises(CommandError):
        call_command("board_history", "import", "actions", path, stdout=io.StringIO())
    assert not Action.objects.exists()


def test_dry_run_imports_nothing(board, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(f"board,title,owner\n{board.slug},Row,Officer\n")
    call_command("board_history", "import", "actions", path, "--dry-run", stdout=io.StringIO())
    assert not Action.objects.exists()


def test_resources_export_the_expected_columns():
    assert MeetingResource().get_export_headers()[:3] == ["id", "board", "title"]
    assert "easy_read_summary" in MinutesResource().get_export_headers()
    assert "themes" in ActionResource().get_export_headers()
