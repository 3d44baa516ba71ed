"""Headless Chromium against a live server with the demo content.

Debian's `chromium` package is driven by Playwright (`executable_path`), because Playwright's own
browser download needs the internet. Without Chromium the tests are skipped with a clear message,
unless REQUIRE_BROWSER=1 (set by .ci/run), when they fail instead.
"""

import json
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests import demo_snapshot

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


def _connections_to_default():
    """The default connection object for this thread, plus the one Django uses while an event
    loop is marked as running (Playwright's sync API does that): asgiref keeps them apart."""
    from django.db import connections

    original = getattr(connections._connections._storage, "default", None)
    return [c for c in (original, connections["default"]) if c is not None]


@pytest.fixture(scope="session")
def _serialized_database(django_db_setup):
    """The database as migrated, which serialized_rollback restores after each test's flush.

    Content types go first: Wagtail's log entries validate their content type when saved, and the
    role set-up writes audit log entries while migrating.
    """
    found = [getattr(c, "_test_serialized_contents", None) for c in _connections_to_default()]
    contents = next((c for c in found if c), None)
    if not contents:
        return None
    objects = json.loads(contents)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    contents = json.dumps(objects)
    _share_serialized_database(contents)
    return contents


def _share_serialized_database(contents):
    """Give every default connection object the migrated database, so that each test's flush
    leaves post_migrate alone and the next test restores it (pytest-django's serialized_rollback).
    """
    if contents:
        for connection in _connections_to_default():
            connection._test_serialized_contents = contents


def _restore_if_flushed(contents):
    """Belt and braces: if the migrated data is gone all the same, put it back."""
    from django.db import connection
    from wagtail.models import Site

    if contents and not Site.objects.exists():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="package")
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


@pytest.fixture(scope="session")
def _warm_themes_engine():
    """Load the themes engine's modules and word lists once, before any page is sent: the live
    server tags inline (the tests' task backend runs tasks at once), and a cold engine on a busy
    machine could keep a resident's first "Send" waiting past Playwright's timeout."""
    from themes.analysis.tagger import default_tagger

    default_tagger()


@pytest.fixture
def site(live_server, settings, _serialized_database, _demo_snapshot, _warm_themes_engine):
    """The live server's address, with the demo content loaded as `make run` loads it."""
    _share_serialized_database(_serialized_database)
    _restore_if_flushed(_serialized_database)
    settings.ROOT_URLCONF = "tests.browser.urls"
    demo_snapshot.restore(_demo_snapshot, Path(settings.MEDIA_ROOT))
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
