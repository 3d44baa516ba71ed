"""Keying in a pile of paper cards with the keyboard alone (issue #19).

Signed in as the demo staff member, three cards are keyed in without the mouse: the cursor
starts in the form, comes back to the first question after each save, the channel and date of
the last card stay, and Ctrl+Enter saves from inside a comment box.
"""

import time
from datetime import date

import pytest

from tests.browser.helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CARDS = [
    "The carer was kind and on time every day.",
    "Nobody told us when the equipment would come.",
    "Quick to answer the phone and very helpful.",
]
FOCUSED_NAME = "() => document.activeElement && document.activeElement.name"


def _authenticator_code():
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from demo.coproduction import DEMO_TOTP_SECRET

    if time.time() % 30 > 27:  # the code is about to change: wait for the next one
        time.sleep(30 - time.time() % 30)
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


@pytest.fixture
def staff_tab(new_page, site):
    from demo.accounts import DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD

    page = new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    sign_in(page, site, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD)
    page.get_by_label("Code").fill(_authenticator_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site}/admin/")
    return page


def _touchpoint_and_first_question():
    from surveys.models import Touchpoint

    touchpoint = Touchpoint.objects.filter(is_demo=True, is_active=True).first()
    key, block_type, _value = touchpoint.survey.specific.question_blocks()[0]
    return touchpoint, f"q_{key}", block_type


def _tab_to_comment_box(page):
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "TEXTAREA":
            return
    raise AssertionError("no comment box reached with Tab")


def _key_in(page, text, *, answer_keys):
    for key in answer_keys:
        page.keyboard.press(key)
    _tab_to_comment_box(page)
    page.keyboard.type(text)
    # Generous: the first save also tags the comment, which loads the text engine.
    with page.expect_navigation(timeout=90_000):
        page.keyboard.press("Control+Enter")


def test_three_cards_are_keyed_in_without_the_mouse(staff_tab, site):
    from surveys.models import Response

    touchpoint, first_question, block_type = _touchpoint_and_first_question()
    assert block_type == "overall"
    page = staff_tab
    page.goto(f"{site}/admin/feedback/enter/{touchpoint.pk}/")

    # The first card: the cursor starts on the channel; Tab to the date and type it.
    assert page.evaluate(FOCUSED_NAME) == "channel"
    page.keyboard.press("ArrowDown")  # Paper card → Phone
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == "date_given"
    page.keyboard.type("14/03/2026")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == first_question
    _key_in(page, CARDS[0], answer_keys=["Space"])

    for text, answer_keys in [(CARDS[1], ["ArrowDown", "ArrowDown"]), (CARDS[2], ["Space"])]:
        # Back to a blank card: the cursor waits in the first question, channel and date kept.
        assert "Saved:" in page.content()
        assert page.evaluate(FOCUSED_NAME) == first_question
        assert page.locator("[name=channel]").input_value() == "phone"
        assert page.locator("[name=date_given]").input_value() == "14/03/2026"
        assert page.locator("textarea").first.input_value() == ""
        _key_in(page, text, answer_keys=answer_keys)

    stored = Response.objects.filter(comments__text__in=CARDS).distinct()
    assert stored.count() == 3
    assert {(r.channel, r.submitted_on, r.touchpoint_id) for r in stored} == {
        ("phone", date(2026, 3, 14), touchpoint.pk)
    }
    assert sorted(stored.values_list("comments__text", flat=True)) == sorted(CARDS)
    assert page.evaluate(FOCUSED_NAME) == first_question
