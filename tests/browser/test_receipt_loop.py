"""Closing the loop in a real browser, in English and Urdu: a resident gives feedback, the board
gets an action on its theme done and published, and the resident's receipt shows it and asks
"Is it better now?"."""

import pytest
from django.utils import timezone

from coproduction.choices import ActionStatus
from coproduction.models import Action, Board, FollowUp
from surveys.models import Response, Touchpoint
from tests.browser.helpers import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
COMMENT = "I waited far too long for my assessment, nobody called me back for weeks."


def _field_names():
    survey = Touchpoint.objects.get(code="hd7k2").survey.specific
    keys = {}
    for key, block_type, value in survey.question_blocks():
        keys.setdefault(value.get("purpose") if block_type == "free_text" else block_type, key)
    return f"q_{keys['overall']}", f"q_{keys['do_better']}"


def _done_and_published(theme):
    """What the board's officer does in the member area: the action on the theme is done and its
    'You said, we did' published."""
    action = Action.objects.create(
        board=Board.objects.order_by("pk").first(),
        title="Ask the assessment team to ring back within two days",
        status=ActionStatus.DONE,
        completed_on=timezone.localdate(),
        you_said="You waited a long time to hear back about assessments",
        we_did="The assessment team now rings everyone back within two days",
        published_at=timezone.now(),
    )
    action.themes.add(theme)
    return action


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_resident_sees_what_was_done_and_says_if_it_is_better(page, site, prefix):
    overall, do_better = _field_names()
    page.set_default_timeout(90_000)  # the first comment builds the tagger, on a busy machine
    page.goto(f"{site}{prefix}/f/hd7k2")
    page.locator(f"input[name='{overall}'][value='poor']").check(force=True)
    page.locator(f"textarea[name='{do_better}']").fill(COMMENT)
    page.locator("form:has(textarea) button[type=submit]").first.click()
    page.wait_for_url("**/feedback/thanks/**")
    stored = Response.objects.order_by("-pk").first()
    code = stored.receipt_code
    assert code in page.content()  # the resident reads it off the confirmation page
    mention = stored.theme_mentions.select_related("theme").first()
    assert mention is not None, "tagging found a theme in the comment"
    action = _done_and_published(mention.theme)

    page.goto(f"{site}{prefix}/feedback/receipt/")
    page.locator("input[name=receipt_code]").fill(code)
    page.locator("form:has(input[name=receipt_code]) button[type=submit]").click()
    page.wait_for_selector(f"#id_change-{action.pk}-answer_0")
    assert page.evaluate("document.documentElement.lang") == ("ur" if prefix else "en")
    body = page.locator("main").inner_text()
    assert mention.theme.name in body
    assert "Ask the assessment team to ring back within two days" in body
    assert "The assessment team now rings everyone back within two days" in body
    assert COMMENT not in body
    if prefix:
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert "What the board asked for" not in body  # translated, not left in English
    assert_no_axe_violations(page)

    page.locator(f"input[name='change-{action.pk}-answer'][value='better']").check(force=True)
    page.locator(f"textarea[name='change-{action.pk}-comment']").fill("Much quicker now")
    page.locator(f"form.app-follow-up:has(#id_change-{action.pk}-answer_0) button").click()
    page.wait_for_selector(".govuk-panel--confirmation")
    answer = FollowUp.objects.get(action=action)
    assert answer.answer == "better"
    assert answer.comment == "Much quicker now"
