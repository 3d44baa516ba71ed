"""Headless Chromium against a live server with the demo content.

Debian's `chromium` package is driven by Playwright (`executable_path`), because Playwright's own
browser download needs the internet. Without Chromium the tests are skipped with a clear message,
unless REQUIRE_BROWSER=1 (set by .ci/run), when they fail instead.
"""

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SKIP_MESSAGE = "Chromium not installed: browser tests skipped; apt-get install chromium"


def chromium_path():
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def _serialized_database(django_db_setup):
    """The database as migrated, which serialized_rollback restores after each test's flush.

    Content types go first: Wagtail's log entries validate their content type when saved, and the
    role set-up writes audit log entries while migrating.
    """
    from django.db import connections

    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if not contents:
        return None
    objects = json.loads(contents)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    contents = json.dumps(objects)
    _share_serialized_database(contents)
    return contents


def _share_serialized_database(contents):
    """Playwright's sync API marks an event loop as running in this thread, so Django hands the
    tests a fresh connection object (asgiref keeps connections per context then). Give it the
    serialized database too, or serialized_rollback would silently skip the restore."""
    from django.db import connections

    if contents:
        connections["default"]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(_serialized_database):
    path = chromium_path()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                "REQUIRE_BROWSER=1 but Chromium is not installed (apt-get install chromium)"
            )
        pytest.skip(SKIP_MESSAGE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        _share_serialized_database(_serialized_database)
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, settings):
    """The live server's address, with the demo content loaded as `make run` loads it."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    call_command("seed_demo", stdout=io.StringIO())
    return live_server.url


def _new_page(browser, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def page(browser, site):
    """A desktop-sized Chromium tab."""
    context, page = _new_page(browser, viewport={"width": 1280, "height": 800})
    yield page
    context.close()


@pytest.fixture
def new_page(browser, site):
    """Open extra tabs with their own options (viewport, JavaScript off, reduced motion...)."""
    contexts = []

    def open_page(**options):
        context, page = _new_page(browser, **options)
        contexts.append(context)
        return page

    yield open_page
    for context in contexts:
        context.close()
