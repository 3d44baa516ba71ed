"""Board pages, public minutes and 'You said, we did' cost the same queries at any length."""

import datetime

import pytest
from django.utils import timezone

from cms.models import YouSaidWeDidIndexPage
from coproduction.choices import ActionStatus, MinutesStatus
from tests.coproduction.factories import (
    ActionFactory,
    BoardFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
)
from tests.query_counts import assert_queries_flat
from tests.surveys.factories import ServiceFactory, site_home
from tests.themes.factories import ThemeFactory

WE_DID = "We added a call-back service."
WAGTAIL_LISTING_ROW = 'aria-label="More options for '


def _published_entries(board):
    def add(count):
        for _ in range(count):
            action = ActionFactory(
                board=board,
                service=ServiceFactory(),
                status=ActionStatus.DONE,
                completed_on=timezone.localdate(),
                published_at=timezone.now(),
                you_said="Calls went unanswered.",
                we_did=WE_DID,
            )
            action.themes.set([ThemeFactory(), ThemeFactory()])

    return add


def test_board_list_queries_do_not_grow_with_boards(client, member, django_assert_max_num_queries):
    client.force_login(member)
    assert_queries_flat(
        client,
        "/board/",
        lambda count: MembershipFactory.create_batch(count, user=member),
        django_assert_max_num_queries,
        shown=">Test board ",
    )


def test_board_meetings_queries_do_not_grow_with_meetings(
    client, board, member, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            days = 7 if number % 2 else -7  # upcoming and past, some past ones with minutes
            meeting = MeetingFactory(
                board=board, starts_at=timezone.now() + datetime.timedelta(days=days)
            )
            if number % 4 == 0:
                MinutesFactory(meeting=meeting)

    client.force_login(member)
    assert_queries_flat(
        client,
        f"/board/{board.slug}/",
        add,
        django_assert_max_num_queries,
        shown=">Quarterly meeting</a>",
    )


def test_action_log_queries_do_not_grow_with_actions(
    client, board, member, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            action = ActionFactory(
                board=board,
                meeting=MeetingFactory(board=board),
                service=ServiceFactory(),
                due_on=timezone.localdate() - datetime.timedelta(days=1),
            )
            action.themes.set([ThemeFactory()])

    client.force_login(member)
    assert_queries_flat(
        client,
        f"/board/{board.slug}/actions/",
        add,
        django_assert_max_num_queries,
        shown=">Publish assessment waiting times each month</a>",
    )


def test_published_minutes_queries_do_not_grow_with_minutes(
    client, board, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            MinutesFactory(
                meeting=MeetingFactory(board=board),
                status=MinutesStatus.PUBLISHED,
                published_at=timezone.now(),
            )

    assert_queries_flat(
        client,
        f"/board/{board.slug}/minutes/",
        add,
        django_assert_max_num_queries,
        shown=">Quarterly meeting, ",
    )


def test_boards_public_page_queries_do_not_grow_with_minutes(
    client, board, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            MinutesFactory(meeting=MeetingFactory(board=board), status=MinutesStatus.PUBLISHED)

    assert_queries_flat(
        client,
        f"/board/{board.slug}/about/",
        add,
        django_assert_max_num_queries,
        shown=">Quarterly meeting, ",
    )


def test_you_said_we_did_page_queries_do_not_grow_with_entries(
    client, board, django_assert_max_num_queries
):
    index = YouSaidWeDidIndexPage(title="You said, we did", slug="you-said-we-did")
    site_home().add_child(instance=index)
    index.save_revision().publish()
    assert_queries_flat(
        client,
        "/you-said-we-did/",
        _published_entries(board),
        django_assert_max_num_queries,
        shown=WE_DID,
    )


def _meetings(count):
    MeetingFactory.create_batch(count, board=BoardFactory())


def _actions(count):
    ActionFactory.create_batch(count, board=BoardFactory())


def _minutes(count):
    board = BoardFactory()
    for _ in range(count):
        MinutesFactory(meeting=MeetingFactory(board=board))


ADMIN_LISTINGS = [
    (
        "/admin/coproduction/meeting/",
        _meetings,
        "the Board column runs SELECT coproduction_board WHERE id = ? once per meeting",
    ),
    (
        "/admin/coproduction/action/",
        _actions,
        "the Board column runs SELECT coproduction_board WHERE id = ? once per action",
    ),
    (
        "/admin/coproduction/minutes/",
        _minutes,
        "the Meeting column (Minutes.__str__, then Meeting.__str__) runs SELECT "
        "coproduction_meeting and SELECT coproduction_board WHERE id = ? once per row each",
    ),
]


@pytest.mark.parametrize(
    "url, add_rows",
    [pytest.param(url, add_rows, id=url) for url, add_rows, _what_repeated in ADMIN_LISTINGS],
)
def test_admin_listing_queries_do_not_grow_with_rows(
    client, officer, url, add_rows, django_assert_max_num_queries
):
    client.force_login(officer)
    assert_queries_flat(
        client, url, add_rows, django_assert_max_num_queries, shown=WAGTAIL_LISTING_ROW
    )
