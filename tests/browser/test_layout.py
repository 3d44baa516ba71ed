"""Reflow at 320 px (400% zoom), no JavaScript needed, and a print stylesheet."""

import pytest

from tests.browser.helpers import public_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_every_page_type_reflows_at_320px_without_horizontal_scrolling(new_page, site):
    page = new_page(viewport={"width": 320, "height": 256})
    paths = {**public_paths("en"), **{f"ur {k}": v for k, v in public_paths("ur").items()}}
    overflowing = {}
    for name, path in paths.items():
        page.goto(site + path)
        extra = page.evaluate(OVERFLOW)
        if extra > 0:
            overflowing[name] = extra
    assert overflowing == {}


def test_easy_read_text_stays_14_point_at_400_percent_zoom(new_page, site):
    page = new_page(viewport={"width": 320, "height": 256})  # 1280 x 1024 at 400%
    page.goto(site + public_paths("en")["easy read"])
    size = page.locator(".app-easy-read__text").first.evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 18.6  # 14 point, the easy read minimum
    assert page.evaluate(OVERFLOW) <= 0


def test_site_works_with_javascript_off(new_page, site):
    page = new_page(java_script_enabled=False)
    page.goto(site + "/")
    page.get_by_role("link", name="How we use your feedback").click()
    page.get_by_role("link", name="Read this information in easy read").click()
    page.get_by_role("link", name="Read this page without pictures").click()
    assert page.url.endswith("/text-only/")
    assert page.locator("main img").count() == 0
    page.goto(site + public_paths("en")["you said, we did"])
    page.get_by_role("button", name="Show changes").click()
    assert "service=" in page.url
    page.goto(site + "/ur/")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_print_stylesheet_prints_the_content_only(page, site):
    page.goto(site + public_paths("en")["information"])
    page.emulate_media(media="print")
    for hidden in [".app-header", ".app-language-switcher", ".govuk-footer", ".govuk-skip-link"]:
        assert page.locator(hidden).first.evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator("main h1").is_visible()
    assert page.locator("main table").is_visible()
