"""The easy read survey and the survey's error messages on a phone, in English, Polish and Urdu:
pictures beside questions and answers, large text, no sideways scrolling at 390 or 320 px,
nothing for axe to find, and everything working with JavaScript off."""

import pytest

from surveys.models import Response
from tests.browser.helpers import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
EASY_READ_OVERALL = {
    "": "Was our service good or bad?",
    "/pl": "Czy nasza pomoc była dobra czy zła?",
    "/ur": "کیا ہماری سروس اچھی تھی یا بری؟",
}
IMAGES = """() => [...document.querySelectorAll('main img')].map(img => ({
    src: img.getAttribute('src'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0
}))"""
# Every element in the form that holds text of its own, with its font size in CSS pixels.
TEXT_SIZES = """() => [...document.querySelectorAll('main *')]
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .filter(el => el.offsetParent !== null)
    .map(el => [el.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)])"""
NARROWEST_WORDS = """() => Math.min(...[...document.querySelectorAll('.app-easy-read__words')]
    .map(el => el.getBoundingClientRect().width))"""


def _send(page):
    """Send, and wait for the confirmation: a cold first tagging run can take a while."""
    with page.expect_navigation(url="**/feedback/thanks/**", timeout=90_000):
        page.locator("button[type=submit]").click(no_wait_after=True)


def _easy_read(new_page, site, prefix, **options):
    page = new_page(viewport=PHONE, **options)
    response = page.goto(f"{site}{prefix}/f/hd7k2/easy-read")
    assert response.status == 200
    return page


@pytest.mark.parametrize("prefix", list(EASY_READ_OVERALL))
def test_easy_read_survey_on_a_phone_without_javascript(new_page, site, prefix):
    page = _easy_read(new_page, site, prefix, java_script_enabled=False)

    assert page.locator("legend", has_text=EASY_READ_OVERALL[prefix]).count() == 1
    images = page.evaluate(IMAGES)
    pictures = [i for i in images if i["src"].startswith("/static/surveys/easy-read/")]
    assert len([i for i in pictures if "/face-" in i["src"]]) >= 6  # the six FFT answers
    assert (
        page.locator(".app-easy-read__step").count()
        == page.locator(".app-easy-read__picture").count()
    )
    assert all(i["loaded"] and i["alt"].strip() for i in images), images
    small = [(text, size) for text, size in page.evaluate(TEXT_SIZES) if size < 18.6]
    assert small == []  # 14 point, the easy read minimum
    assert page.evaluate(NARROWEST_WORDS) > 150  # questions beside their picture, not squeezed
    assert page.evaluate(OVERFLOW) <= 0

    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(OVERFLOW) <= 0
    assert page.evaluate(NARROWEST_WORDS) > 120
    if prefix == "/ur":
        assert page.locator("html").get_attribute("dir") == "rtl"


@pytest.mark.parametrize("prefix", list(EASY_READ_OVERALL))
def test_easy_read_survey_has_no_axe_violations_even_with_errors(new_page, site, prefix):
    page = _easy_read(new_page, site, prefix)
    assert_no_axe_violations(page)
    page.locator("textarea[name^=q_]").first.fill("x" * 5001)
    page.locator("button[type=submit]").click()
    page.wait_for_selector(".govuk-error-summary")
    assert_no_axe_violations(page)
    assert page.evaluate(OVERFLOW) <= 0


def test_easy_read_survey_works_on_a_kiosk(new_page, site):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}/f/hd7k2/easy-read?via=kiosk")
    assert page.locator(".app-picture-choice__picture").count() >= 6
    page.get_by_label("Very good", exact=True).check()
    page.locator("textarea").first.fill("Kind staff.")
    _send(page)
    assert Response.objects.order_by("-pk").first().channel == "kiosk"


def test_resident_answers_with_a_face_without_javascript(new_page, site):
    page = _easy_read(new_page, site, "", java_script_enabled=False)
    page.locator("button[type=submit]").click()
    summary = page.locator(".govuk-error-summary")
    link = summary.get_by_role("link", name="Please choose a face.")
    target = link.get_attribute("href")
    assert page.locator(target).get_attribute("type") == "radio"
    assert page.locator(".govuk-error-message", has_text="Please choose a face.").count() == 1

    page.get_by_text("Very good", exact=True).click()  # the whole picture button is the label
    assert page.locator(target).is_checked()
    before = Response.objects.count()
    _send(page)
    stored = Response.objects.order_by("-pk").first()
    assert Response.objects.count() == before + 1
    assert (stored.overall, stored.channel) == ("very_good", "easy_read")


@pytest.mark.parametrize("prefix", list(EASY_READ_OVERALL))
def test_standard_survey_errors_say_what_to_do_on_a_phone(new_page, site, prefix):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{site}{prefix}/f/hd7k2")
    page.locator("textarea[name^=q_]").nth(1).fill("x" * 5001)
    page.locator("button[type=submit]").click()
    links = page.locator(".govuk-error-summary__list a")
    texts = links.all_inner_texts()
    assert len(texts) == 2, texts
    assert not [t for t in texts if "This field is required" in t or "Ensure this" in t]
    if prefix == "":
        assert texts == [
            "Select how your experience was",
            "Your answer to ‘What could we do better?’ must be 5,000 characters or fewer",
        ]
    for link in links.all():
        field = page.locator(link.get_attribute("href"))
        assert field.count() == 1
        described = field.get_attribute("aria-describedby") or field.locator(
            "xpath=ancestor::fieldset"
        ).get_attribute("aria-describedby")
        assert "-error" in described
    assert page.evaluate(OVERFLOW) <= 0
