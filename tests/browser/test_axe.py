"""axe-core finds no WCAG 2.2 A/AA (or best-practice) violation on any public page type,
in English and in Urdu (right to left), nor on the How Did We Do survey journey, the public
co-production pages, the sign-in page or the pages a board member reaches."""

import pytest

from tests.browser.helpers import (
    assert_no_axe_violations,
    board_member_paths,
    co_production_public_paths,
    invitation_path,
    public_paths,
    sign_in,
    survey_paths,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _visit_all(page, site, paths, *, redirects_allowed=True):
    assert paths, "no pages to check"
    failures = []
    for name, path in paths.items():
        response = page.goto(site + path)
        if response.status != 200:
            failures.append(f"{name} {path}: HTTP {response.status}")
            continue
        if not redirects_allowed and page.url != site + path:
            failures.append(f"{name} {path}: redirected to {page.url}")
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


def test_public_co_production_pages_have_no_axe_violations(page, site):
    paths = {
        **co_production_public_paths("en"),
        **{f"{name} (Urdu)": path for name, path in co_production_public_paths("ur").items()},
    }
    assert any(name.startswith("minutes of") for name in paths), paths
    _visit_all(page, site, paths)


def _submit_and_check_errors(page, button):
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    assert page.locator(".govuk-error-summary").count() == 1, page.url
    assert_no_axe_violations(page)


def test_sign_in_and_joining_a_board_have_no_axe_violations_even_with_errors(page, site):
    paths = {"sign in": "/accounts/login/", "join a board": invitation_path()}
    _visit_all(page, site, paths, redirects_allowed=False)
    page.goto(site + paths["sign in"])
    page.get_by_label("Email").fill("nobody@demo.example")
    page.get_by_label("Password").fill("not-the-password")
    _submit_and_check_errors(page, "Sign in")
    page.goto(site + paths["join a board"])
    _submit_and_check_errors(page, "Create account and join")


def test_board_member_pages_have_no_axe_violations(page, site):
    from coproduction.models import Minutes
    from demo.coproduction import DEMO_MEMBER_PASSWORD
    from demo.coproduction_content import MEMBERS

    # Open one meeting's minutes for comment, so the comment form is checked too.
    Minutes.objects.filter(status="approved").update(status="circulated")
    member = next(m for m in MEMBERS if m["role"] == "resident")
    sign_in(page, site, member["email"], DEMO_MEMBER_PASSWORD)
    paths = board_member_paths()
    assert any(name.startswith("circulated minutes") for name in paths), paths
    _visit_all(page, site, paths, redirects_allowed=False)
    page.goto(site + next(p for n, p in paths.items() if n.startswith("circulated minutes")))
    _submit_and_check_errors(page, "Send comment")


def test_the_axe_check_fails_on_a_page_with_a_violation(page, site):
    page.goto(site + "/privacy/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_axe_violations(page)
