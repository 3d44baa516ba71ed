"""The receipt page in easy read: the same facts as the standard page, in short sentences with
pictures, and 'Is it better now?' as picture buttons that store one anonymous answer."""

import re
import uuid
from datetime import date

import pytest
from django.utils import timezone
from freezegun import freeze_time

from coproduction.choices import ActionStatus
from coproduction.models import FollowUp
from surveys.easy_read import MAX_WORDS_PER_LINE
from surveys.services import response_withdraw
from tests.coproduction.factories import ActionFactory, BoardFactory
from tests.surveys.factories import FreeTextAnswerFactory, ResponseFactory
from tests.themes.factories import SafeguardingFlagFactory, ThemeFactory, mention_of

CODE = "K7QM-2XRD-PT"
EASY = "/feedback/receipt/easy-read/"


@pytest.fixture(autouse=True)
def _frozen():
    with freeze_time("2026-04-20 10:00"):
        yield


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Waiting for a call back", key="call_backs")


@pytest.fixture
def response(theme):
    stored = ResponseFactory(receipt_code=CODE, submitted_on=date(2026, 2, 2))
    mention_of(FreeTextAnswerFactory(response=stored, text="Nobody rang me back"), theme)
    return stored


def _action(theme, **fields):
    action = ActionFactory(board=BoardFactory(name="Adult Social Care Board"), **fields)
    action.themes.add(theme)
    return action


def _entry(theme):
    return _action(
        theme,
        title="Offer call-backs",
        status=ActionStatus.DONE,
        due_on=date(2026, 3, 31),
        completed_on=date(2026, 4, 2),
        you_said="You waited too long for a call back",
        we_did="The contact centre now offers a call-back within a day",
        published_at=timezone.now(),
    )


def _easy_receipt(client, code=CODE):
    page = client.post(EASY, {"receipt_code": code})
    assert page.status_code == 200
    return page.content.decode()


def _sentences(html):
    """The page's paragraph texts, tags stripped."""
    main = html.split('id="main-content"', 1)[1]
    texts = re.findall(r"<p[^>]*>(.*?)</p>", main, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", t)).strip() for t in texts]


def test_easy_read_receipt_says_what_was_done_in_short_sentences_with_pictures(
    client, response, theme
):
    entry = _entry(theme)
    page = _easy_receipt(client)
    assert "app-easy-read-survey" in page
    assert "Your feedback is about:" in page and "Waiting for a call back" in page
    assert "Offer call-backs" in page
    assert "It should be done by March 2026." in page
    assert "It was done on 2 April 2026." in page
    assert entry.we_did in page
    # Every picture has alt text; each of the page's own sentences is short.
    images = re.findall(r"<img [^>]*>", page.split('id="main-content"', 1)[1])
    assert len(images) >= 6  # letter, talk, people, the question's picture and three faces
    assert all(re.search(r'alt="[^"]+"', img) for img in images), images
    ours = [s for s in _sentences(page) if entry.we_did not in s and entry.you_said not in s]
    assert ours and all(len(s.split()) <= MAX_WORDS_PER_LINE + 2 for s in ours), ours


def test_easy_read_follow_up_uses_faces_and_stores_one_anonymous_answer(client, response, theme):
    entry = _entry(theme)
    page = _easy_receipt(client)
    assert "Is it better now?" in page
    for words in ("Better", "The same", "Worse"):
        assert f">{words}</span>" in page
    assert "face-good.svg" in page and "face-poor.svg" in page
    token = re.search(r'name="change-\d+-submission_token" value="([^"]+)"', page).group(1)
    data = {
        f"change-{entry.pk}-answer": "better",
        f"change-{entry.pk}-comment": "",
        f"change-{entry.pk}-submission_token": token,
        "easy_read": "1",
    }
    url = f"/board/you-said-we-did/{entry.pk}/is-it-better/"
    thanks = client.post(url, data).content.decode()
    assert "Your answer helps the board." in thanks and "app-easy-read" in thanks
    client.post(url, data)  # sent twice: still one answer
    stored = FollowUp.objects.get()
    assert (stored.action, stored.answer, stored.given_on) == (entry, "better", date(2026, 4, 20))


def test_easy_read_follow_up_error_stays_easy_read(client, response, theme):
    entry = _entry(theme)
    url = f"/board/you-said-we-did/{entry.pk}/is-it-better/"
    data = {f"change-{entry.pk}-submission_token": str(uuid.uuid4()), "easy_read": "1"}
    page = client.post(url, data).content.decode()
    assert "Choose better, the same or worse." in page
    assert "app-picture-choice" in page and "face-neither.svg" in page
    assert not FollowUp.objects.exists()


def test_easy_read_receipt_of_flagged_feedback_shows_only_help(client, response, theme):
    _entry(theme)
    SafeguardingFlagFactory(comment=response.comments.get())
    page = _easy_receipt(client)
    assert "Someone from our safeguarding team will look at it." in page
    assert "Waiting for a call back" not in page and "is-it-better" not in page


def test_easy_read_receipt_without_an_action_gives_no_promise(client, response, theme):
    page = _easy_receipt(client)
    assert "The board has not asked for a change yet." in page
    assert "is-it-better" not in page


def test_easy_read_receipt_of_withdrawn_feedback(client, response):
    with freeze_time("2026-03-01 09:00"):
        response_withdraw(receipt_code=CODE)
    page = _easy_receipt(client)
    assert "You took this feedback back on 1 March 2026." in page
    assert CODE not in page


def test_each_version_offers_the_other(client, response):
    standard = client.post("/feedback/receipt/", {"receipt_code": CODE}).content.decode()
    assert f'action="{EASY}"' in standard
    easy = _easy_receipt(client)
    assert 'action="/feedback/receipt/"' in easy
    lookup = client.get("/feedback/receipt/").content.decode()
    assert f'href="{EASY}"' in lookup


def test_easy_read_survey_confirmation_links_the_easy_read_receipt(client, touchpoint, keys):
    sent = client.post(
        f"/f/{touchpoint.code}/easy-read",
        {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"},
    )
    page = client.get(sent["Location"]).content.decode()
    assert f'href="{EASY}"' in page


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("/pl", "Twoja opinia dotyczy tych tematów:"),
        ("/ur", "آپ کی رائے ان موضوعات کے بارے میں ہے:"),
    ],
)
def test_easy_read_receipt_in_the_residents_language(client, response, theme, prefix, words):
    _entry(theme)
    page = client.post(f"{prefix}{EASY}", {"receipt_code": CODE}).content.decode()
    assert words in page
    assert "Your feedback is about:" not in page
