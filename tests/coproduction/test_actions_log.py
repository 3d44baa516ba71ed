"""The action log filters by board, status, owner, overdue, theme, and exports what it shows."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from freezegun import freeze_time

from coproduction.choices import ActionStatus
from tests.coproduction.factories import ActionFactory, MeetingFactory

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def waiting(db):
    from themes.models import Theme

    return Theme.objects.create(name="Waiting times", key="waiting-times")


@pytest.fixture
def actions(board, other_board, waiting):
    late = ActionFactory(board=board, title="Late one", due_on=TODAY - datetime.timedelta(days=2))
    late.themes.add(waiting)
    ActionFactory(board=board, title="Done one", owner="Carers' lead", status=ActionStatus.DONE)
    ActionFactory(board=board, title="Nobody's", owner="", owner_email="")
    ActionFactory(board=other_board, title="Other board's")


def _log(client, board, **params):
    url = reverse("coproduction:action-log", args=[board.slug])
    with freeze_time(TODAY):
        return client.get(url, params)


def _titles(response):
    return [a.title for a in response.context["actions"]]


@pytest.mark.usefixtures("actions")
@pytest.mark.parametrize(
    "params, shown",
    [
        ({}, {"Late one", "Done one", "Nobody's"}),
        ({"status": "done"}, {"Done one"}),
        ({"owner": "Carers' lead"}, {"Done one"}),
        ({"overdue": "on"}, {"Late one"}),
        ({"needs_owner": "on"}, {"Nobody's"}),
        ({"theme": "waiting-times"}, {"Late one"}),
    ],
)
def test_action_log_filters(client, board, member, params, shown):
    client.force_login(member)
    assert set(_titles(_log(client, board, **params))) == shown


@pytest.mark.usefixtures("actions")
def test_officer_filters_every_board_by_board(client, board, other_board, officer):
    client.force_login(officer)
    url = reverse("coproduction:all-actions")
    everything = client.get(url)
    assert "Other board's" in _titles(everything) and "Late one" in _titles(everything)
    one = client.get(url, {"board": other_board.slug})
    assert _titles(one) == ["Other board's"]


@pytest.mark.usefixtures("actions")
def test_members_log_across_boards_shows_only_their_boards(client, member, other_board):
    client.force_login(member)
    response = client.get(reverse("coproduction:all-actions"))
    assert "Other board's" not in _titles(response)
    # Not offered, and not accepted if asked for.
    asked = client.get(reverse("coproduction:all-actions"), {"board": other_board.slug})
    assert "Other board's" not in _titles(asked)


@pytest.mark.usefixtures("actions")
def test_action_log_exports_csv_with_words_for_headers(client, board, member):
    client.force_login(member)
    response = _log(client, board, status="open", export="csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Board", "Action", "Raised at"]
    assert {row[1] for row in rows[1:]} == {"Late one", "Nobody's"}


@pytest.mark.usefixtures("actions")
def test_action_log_exports_xlsx(client, board, member):
    client.force_login(member)
    response = _log(client, board, export="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Board" and "Days to done" in rows[0]
    assert len(rows) == 4


def test_export_never_writes_a_live_formula(client, board, member):
    ActionFactory(board=board, title='=HYPERLINK("http://evil.example")')
    client.force_login(member)
    rows = list(csv.reader(io.StringIO(_log(client, board, export="csv").content.decode())))
    assert rows[1][1].startswith("'=")


def test_export_counts_days_to_done_from_the_meeting(client, board, member):
    meeting = MeetingFactory(
        board=board, starts_at=datetime.datetime(2025, 12, 1, 18, tzinfo=datetime.UTC)
    )
    ActionFactory(
        board=board,
        meeting=meeting,
        status=ActionStatus.DONE,
        completed_on=datetime.date(2026, 1, 5),
    )
    client.force_login(member)
    sheet = openpyxl.load_workbook(io.BytesIO(_log(client, board, export="xlsx").content)).active
    header, row = list(sheet.iter_rows(values_only=True))
    assert dict(zip(header, row, strict=True))["Days to done"] == 35


def test_other_boards_member_cannot_export_the_log(client, board, other_board_member):
    ActionFactory(board=board)
    client.force_login(other_board_member)
    assert _log(client, board, export="csv").status_code == 403
