"""The How Did We Do journey in a real browser: keyboard only, and every step checked by axe."""

import pytest

from surveys.models import Response
from tests.browser.helpers import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
MAX_TABS = 80


def _tab_to(page, selector):
    """Press Tab until `selector` has focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Could not reach {selector} with the Tab key")


def _question_name(page, label_text):
    legend = page.get_by_text(label_text, exact=True).first
    field = legend.locator("xpath=ancestor::div[contains(@class,'govuk-form-group')]")
    return field.locator("input, textarea").first.get_attribute("name")


def test_resident_submits_a_survey_using_only_the_keyboard(page, site):
    page.goto(f"{site}/f/hd7k2?via=qr")
    overall = _question_name(page, "Overall, how was your experience of our service?")
    do_better = _question_name(page, "What could we do better?")

    _tab_to(page, f"input[name='{overall}']")
    page.keyboard.press("ArrowDown")  # moves to and selects "Good"
    _tab_to(page, f"textarea[name='{do_better}']")
    page.keyboard.type("The carers were late twice.")
    _tab_to(page, "button[type=submit]")
    before = Response.objects.count()
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/thanks/**")

    assert page.get_by_role("heading", name="Feedback sent").is_visible()
    stored = Response.objects.order_by("-pk").first()
    assert Response.objects.count() == before + 1
    assert stored.overall == "good"
    assert stored.channel == "qr"
    assert stored.comments.get().text == "The carers were late twice."
    assert stored.receipt_code in page.content()


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_error_and_confirmation_pages_have_no_axe_violations(page, site, prefix):
    page.goto(f"{site}{prefix}/f/hd7k2")
    page.locator("button[type=submit]").click()
    page.wait_for_selector(".govuk-error-summary")
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert_no_axe_violations(page)

    page.locator(".govuk-radios__input").first.check()
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/feedback/thanks/**")
    assert_no_axe_violations(page)
    page.goto(f"{site}{prefix}/feedback/receipt/")
    assert_no_axe_violations(page)


def test_easy_read_survey_has_no_axe_violations(page, site):
    page.goto(f"{site}/f/hd7k2/easy-read")
    assert_no_axe_violations(page)
