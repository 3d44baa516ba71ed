import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The demo content, loaded exactly as `make run` loads it."""
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and caches live in the cache: every test starts with it empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request to /ur/ must not leave Urdu active for the next."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


def pytest_report_header(config):
    from tests.browser.conftest import SKIP_MESSAGE, chromium_path

    path = chromium_path()
    return f"browser tests: Chromium at {path}" if path else f"browser tests: {SKIP_MESSAGE}"
