"""The receipt page says what was done about what this resident raised, and nothing else."""

import uuid
from datetime import date, datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from cms.models import YouSaidWeDidIndexPage
from coproduction.choices import ActionStatus
from coproduction.models import FollowUp
from surveys.models import ClosedReceipt, Response
from surveys.retention import retention_apply
from surveys.services import response_withdraw
from tests.coproduction.factories import ActionFactory, BoardFactory, MeetingFactory
from tests.surveys.factories import FreeTextAnswerFactory, ResponseFactory, site_home
from tests.themes.factories import SafeguardingFlagFactory, ThemeFactory, mention_of

CODE = "K7QM-2XRD-PT"
OTHER_CODE = "ZZZZ-YYYY-XX"
TODAY = "2026-04-20 10:00"


@pytest.fixture(autouse=True)
def _frozen():
    with freeze_time(TODAY):
        yield


@pytest.fixture
def waiting(db):
    return ThemeFactory(name="Waiting for a call back", key="call_backs")


@pytest.fixture
def response(waiting):
    """A resident's feedback, tagged with one theme."""
    stored = ResponseFactory(receipt_code=CODE, submitted_on=date(2026, 2, 2))
    comment = FreeTextAnswerFactory(response=stored, text="Nobody rang me back for weeks")
    mention_of(comment, waiting)
    return stored


@pytest.fixture
def board(db):
    return BoardFactory(name="Adult Social Care Board")


@pytest.fixture
def you_said_we_did_page(db):
    page = YouSaidWeDidIndexPage(title="You said, we did", slug="you-said-we-did")
    site_home().add_child(instance=page)
    page.save_revision().publish()
    return page


def _meeting(board, day):
    return MeetingFactory(board=board, starts_at=timezone.make_aware(datetime(*day, 14)))


def _action(board, theme, **fields):
    action = ActionFactory(board=board, **fields)
    action.themes.add(theme)
    return action


def _receipt(client, code=CODE):
    return client.post("/feedback/receipt/", {"receipt_code": code}).content.decode()


def test_receipt_shows_themes_and_a_done_action_with_its_dates(client, response, board, waiting):
    _action(
        board,
        waiting,
        meeting=_meeting(board, (2026, 2, 10)),
        title="Ask the contact centre to offer call-backs",
        due_on=date(2026, 3, 31),
        status=ActionStatus.DONE,
        completed_on=date(2026, 4, 2),
    )
    page = _receipt(client)
    assert "Waiting for a call back" in page
    assert "At its meeting on 10 February 2026, Adult Social Care Board" in page
    assert "Ask the contact centre to offer call-backs" in page
    assert "Due March 2026." in page
    assert "Done 2 April 2026." in page
    assert "Our co-production board reviews feedback at each meeting." not in page


def test_receipt_with_themes_but_no_action_says_so_and_gives_the_next_meeting(
    client, response, board
):
    _meeting(board, (2026, 5, 6))
    page = _receipt(client)
    assert "Waiting for a call back" in page
    assert "The board has not asked for a change on these topics yet." in page
    assert "Its next meeting is on 6 May 2026." in page


def test_receipt_shows_an_overdue_action_as_late(client, response, board, waiting):
    _action(board, waiting, title="Call everyone back in 2 days", due_on=date(2026, 3, 1))
    page = _receipt(client)
    assert "Call everyone back in 2 days" in page
    assert "Not done yet, and late." in page
    assert "Done " not in page


def test_receipt_shows_nothing_of_other_residents_feedback(client, response, board, waiting):
    other_theme = ThemeFactory(name="Parking at the day centre", key="parking")
    other = ResponseFactory(receipt_code=OTHER_CODE, submitted_on=date(2026, 2, 3))
    mention_of(FreeTextAnswerFactory(response=other, text="No parking spaces at all"), other_theme)
    _action(board, other_theme, title="Mark out blue badge bays")
    page = _receipt(client)
    assert "Parking at the day centre" not in page
    assert "Mark out blue badge bays" not in page
    assert "No parking spaces at all" not in page
    assert "Nobody rang me back" not in page  # not even this resident's own words
    assert OTHER_CODE not in page


def test_receipt_ignores_actions_done_before_the_feedback_and_rejected_tags(
    client, response, board, waiting
):
    _action(
        board,
        waiting,
        title="An old change",
        status=ActionStatus.DONE,
        completed_on=date(2026, 1, 5),
    )
    page = _receipt(client)
    assert "An old change" not in page
    response.theme_mentions.update(review="rejected")
    assert "Waiting for a call back" not in _receipt(client)


def _published(board, theme):
    return _action(
        board,
        theme,
        title="Offer call-backs",
        status=ActionStatus.DONE,
        completed_on=date(2026, 4, 2),
        you_said="You waited too long for a call back",
        we_did="The contact centre now offers a call-back within a day",
        published_at=timezone.now(),
    )


def _answers(action, **counts):
    for answer, count in counts.items():
        for _ in range(count):
            FollowUp.objects.create(
                action=action,
                answer=answer,
                given_on=date(2026, 4, 10),
                submission_token=uuid.uuid4(),
            )


def test_receipt_links_the_published_entry_and_asks_if_it_is_better(
    client, response, board, waiting, you_said_we_did_page
):
    entry = _published(board, waiting)
    page = _receipt(client)
    assert "The contact centre now offers a call-back within a day" in page
    assert f'href="{you_said_we_did_page.url}#change-{entry.pk}"' in page
    assert f'action="/board/you-said-we-did/{entry.pk}/is-it-better/"' in page
    assert "has it got better, stayed the same, or got worse for you?" in page


def test_receipt_shows_no_follow_up_counts_under_5(client, response, board, waiting):
    entry = _published(board, waiting)
    _answers(entry, better=3)
    page = _receipt(client)
    assert "Fewer than 5 people have told us since." in page
    assert "Of 3" not in page and "3 said" not in page


def test_receipt_hides_small_parts_of_the_follow_up_answers(client, response, board, waiting):
    entry = _published(board, waiting)
    _answers(entry, better=10, same=1, worse=1)
    page = _receipt(client)
    assert "Of 12 people who told us since" in page
    assert "10 said it is better" not in page  # with the total, it gives the two 1s away
    assert "fewer than 5 the same and fewer than 5 worse" in page
    _answers(entry, better=12, same=6, worse=5)
    assert "Of 35 people who told us since, 22 said it is better, 7 the same and 6 worse." in (
        _receipt(client)
    )


def test_flagged_response_shows_only_how_to_get_help(client, response, board, waiting):
    _published(board, waiting)
    SafeguardingFlagFactory(comment=response.comments.get())
    page = _receipt(client)
    assert "If someone is in danger right now, call 999." in page
    assert "Waiting for a call back" not in page
    assert "Offer call-backs" not in page
    assert "is-it-better" not in page


def test_withdrawn_receipt_says_when_it_was_taken_back(client, response):
    with freeze_time("2026-03-01 09:00"):
        response_withdraw(receipt_code=CODE)
    page = _receipt(client)
    assert "This feedback was taken back on 1 March 2026." in page
    assert "We could not find feedback" not in page
    assert CODE not in page
    # Only a keyed hash of the code is kept, never the code.
    closed = ClosedReceipt.objects.get()
    assert CODE not in closed.code_digest and CODE.replace("-", "") not in closed.code_digest


def test_unknown_code_is_still_not_found(client, response):
    response_withdraw(receipt_code=CODE)
    assert "We could not find feedback with that receipt code." in _receipt(client, OTHER_CODE)


def test_feedback_deleted_by_retention_says_so(client, response, settings):
    settings.RETENTION_RESPONSE_YEARS = 1
    retention_apply(today=date(2027, 3, 1))
    assert not Response.objects.exists()
    page = _receipt(client)
    assert "This feedback was deleted on 1 March 2027, when the time we keep feedback for" in page


def test_comments_past_retention_say_so(client, response, settings):
    settings.RETENTION_FREE_TEXT_MONTHS = 1
    retention_apply(today=date(2026, 4, 20))
    page = _receipt(client)
    assert "We removed the words of your comments on 20 April 2026" in page
    assert "we keep comments for 1 month." in page
