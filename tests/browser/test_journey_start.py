"""The resident journey on a phone (issue #19), at 390 px in English, Polish and Urdu: the start
button is above the fold, language links are big enough to tap, phone numbers read left to
right on one line, and the favicon is there."""

import pytest

from tests.browser.helpers import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 664}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
LANGUAGES = ["en", "pl", "ur"]


def _home(language):
    return "/" if language == "en" else f"/{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_button_is_above_the_fold_on_a_phone(new_page, site, language):
    page = new_page(viewport=PHONE)
    page.goto(site + _home(language))
    start = page.locator("a.govuk-button--start")
    assert start.count() == 1
    box = start.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    assert page.evaluate(OVERFLOW) <= 0
    start.click()
    assert page.url != site + _home(language)
    assert page.locator("main h1").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_with_its_start_button_passes_axe(new_page, site, language):
    page = new_page(viewport=PHONE)
    page.goto(site + _home(language))
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_links_are_44px_targets_on_a_phone(new_page, site, language):
    page = new_page(viewport=PHONE)
    page.goto(site + _home(language))
    targets = page.locator(".app-language-switcher a, .app-language-switcher strong")
    assert targets.count() == 3
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box


PHONE_ORDER = """el => {
    const text = el.firstChild, range = document.createRange();
    range.setStart(text, 0); range.setEnd(text, 4);
    const first = range.getBoundingClientRect();
    range.setStart(text, text.length - 4); range.setEnd(text, text.length);
    const last = range.getBoundingClientRect();
    return {lines: el.getClientRects().length, firstLeft: first.left, lastLeft: last.left};
}"""


def test_phone_numbers_in_urdu_read_left_to_right_on_one_line(new_page, site):
    from wagtail.models import Locale

    from surveys.models import Touchpoint

    urdu = Locale.objects.get(language_code="ur")
    touchpoint = next(
        tp
        for tp in Touchpoint.objects.filter(is_active=True).select_related("survey")
        if tp.survey.get_translation_or_none(urdu)
    )
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(f"{site}/ur/f/{touchpoint.code}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    phones = page.locator(".app-phone")
    assert phones.count() >= 3  # safeguarding, out of hours, the footer's help line
    for index in range(phones.count()):
        shape = phones.nth(index).evaluate(PHONE_ORDER)
        assert shape["lines"] == 1, shape
        assert shape["firstLeft"] < shape["lastLeft"], shape  # "0300" before "4000"


def test_the_favicon_is_served(page, site):
    page.goto(site + "/")
    icon = page.locator('link[rel="icon"]').first.get_attribute("href")
    assert page.request.get(site + icon).status == 200
    assert page.request.get(site + "/favicon.ico").status == 200
