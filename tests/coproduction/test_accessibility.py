"""axe-core (WCAG 2.2 AA) on the co-production public pages, the sign-in pages and the member area,
in headless Chromium. Skipped with a clear message when Chromium is not installed."""

import pytest

from coproduction.demo import DEMO_MEMBER_PASSWORD
from coproduction.demo_content import MEMBERS
from coproduction.models import Minutes
from tests.browser.conftest import _serialized_database, browser, page, site  # noqa: F401
from tests.browser.helpers import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _check(page, site, paths):  # noqa: F811
    failures = []
    for path in paths:
        response = page.goto(site + path)
        if response.status != 200:
            failures.append(f"{path}: HTTP {response.status}")
            continue
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            failures.append(f"{path}: {error}")
    assert not failures, "\n\n".join(failures)


def test_public_board_pages_and_sign_in_have_no_axe_violations(page, site):  # noqa: F811
    published = Minutes.objects.filter(status="published").select_related("meeting").first()
    _check(page, site, [
        "/board/you-said-we-did/",
        "/ur/board/you-said-we-did/",
        "/board/always-listening/minutes/",
        published.get_absolute_url(),
        "/accounts/login/",
        "/accounts/password/reset/",
    ])


def test_member_area_has_no_axe_violations(page, site):  # noqa: F811
    page.goto(site + "/accounts/login/")
    page.fill("#id_login", MEMBERS[2]["email"])
    page.fill("#id_password", DEMO_MEMBER_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/board/")
    meeting = Minutes.objects.filter(status="approved").select_related("meeting").get().meeting
    base = "/board/always-listening/"
    _check(page, site, [
        "/board/", base, f"{base}actions/", f"{base}meetings/{meeting.pk}/",
        f"{base}meetings/{meeting.pk}/minutes/", f"{base}meetings/{meeting.pk}/themes/",
    ])
