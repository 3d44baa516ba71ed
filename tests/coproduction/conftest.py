import pytest

from cms.models import YouSaidWeDidIndexPage
from coproduction.choices import BoardRole
from core import roles
from tests.coproduction.factories import (
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    user_in_role,
)
from tests.surveys.factories import site_home


@pytest.fixture
def board(db):
    return BoardFactory(name="Adult Social Care Always Listening", slug="always-listening")


@pytest.fixture
def other_board(db):
    return BoardFactory(name="Carers' Forum", slug="carers-forum")


@pytest.fixture
def meeting(board):
    return MeetingFactory(board=board)


@pytest.fixture
def minutes(meeting):
    return MinutesFactory(meeting=meeting)


@pytest.fixture
def you_said_we_did_page(db):
    """The CMS "You said, we did" page, the one place residents read what changed."""
    page = YouSaidWeDidIndexPage(title="You said, we did", slug="you-said-we-did")
    site_home().add_child(instance=page)
    page.save_revision().publish()
    return page


def _member(board, role, group=roles.BOARD_MEMBERS):
    user = user_in_role(group, mfa=group != roles.BOARD_MEMBERS)
    MembershipFactory(board=board, user=user, role=role)
    return user


@pytest.fixture
def chair(board):
    return _member(board, BoardRole.CHAIR)


@pytest.fixture
def member(board):
    return _member(board, BoardRole.RESIDENT)


@pytest.fixture
def other_board_member(other_board):
    return _member(other_board, BoardRole.CARER)


@pytest.fixture
def officer(board):
    return _member(board, BoardRole.OFFICER, group=roles.OFFICERS)


@pytest.fixture
def engagement_lead(db):
    return user_in_role(roles.ENGAGEMENT_LEADS)


@pytest.fixture
def safeguarding_lead(db):
    return user_in_role(roles.SAFEGUARDING_LEADS)


@pytest.fixture
def administrator(db):
    return user_in_role(roles.ADMINISTRATORS)
