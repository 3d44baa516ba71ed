import io

from allauth.mfa.models import Authenticator
from django.core.management import call_command

from coproduction.choices import BoardRole, MinutesStatus
from coproduction.models import Action, Board, Meeting
from coproduction.selectors import you_said_we_did_published
from demo.accounts import DEMO_STAFF_EMAIL


def test_demo_board_has_every_role_meetings_minutes_and_actions(demo_site):
    board = Board.objects.get(slug="always-listening")
    assert board.is_demo
    assert set(board.memberships.values_list("role", flat=True)) == set(BoardRole.values)
    assert Meeting.objects.filter(board=board).count() == 2
    statuses = set(Meeting.objects.values_list("minutes__status", flat=True))
    assert {MinutesStatus.PUBLISHED, MinutesStatus.APPROVED} == statuses
    assert Action.objects.filter(board=board, status="open").exists()
    assert you_said_we_did_published().count() == 2


def test_demo_staff_login_has_an_authenticator_and_the_secret_is_printed(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert Authenticator.objects.filter(user__email=DEMO_STAFF_EMAIL).count() == 1
    assert "authenticator secret" in out.getvalue()


def test_demo_pages_render(client, demo_site):
    assert b"You could not get through" in client.get("/you-said-we-did/").content
    assert client.get("/board/always-listening/about/").status_code == 200
    assert client.get("/board/always-listening/minutes/").status_code == 200
