"""Headless Chromium against a live server with the demo content.

Debian's `chromium` package is driven by Playwright (`executable_path`), because Playwright's own
browser download needs the internet. Without Chromium the tests are skipped with a clear message,
unless REQUIRE_BROWSER=1 (set by .ci/run), when they fail instead.
"""

import io
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
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                "REQUIRE_BROWSER=1 but Chromium is not installed (apt-get install chromium)"
            )
        pytest.skip(SKIP_MESSAGE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
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
