"""axe-core finds no WCAG 2.2 A/AA (or best-practice) violation on any public page type,
in English and in Urdu (right to left), nor on the How Did We Do survey journey."""

import pytest

from tests.browser.helpers import assert_no_axe_violations, public_paths, survey_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _visit_all(page, site, paths):
    assert paths, "no pages to check"
    failures = []
    for name, path in paths.items():
        response = page.goto(site + path)
        if response.status != 200:
            failures.append(f"{name} {path}: HTTP {response.status}")
            continue
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            failures.append(f"{name}: {error}")
    assert not failures, "\n\n".join(failures)


def test_english_public_pages_have_no_axe_violations(page, site):
    _visit_all(page, site, public_paths("en"))


def test_urdu_public_pages_have_no_axe_violations(page, site):
    paths = public_paths("ur")
    assert len(paths) >= 10, paths
    _visit_all(page, site, paths)
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_survey_journey_has_no_axe_violations(page, site):
    paths = {**survey_paths("en"), **survey_paths("ur")}
    if not paths:
        pytest.skip("The seeded demo has no How Did We Do touchpoints yet")
    _visit_all(page, site, paths)


def test_the_axe_check_fails_on_a_page_with_a_violation(page, site):
    page.goto(site + "/privacy/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_axe_violations(page)
