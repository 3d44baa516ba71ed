from pathlib import Path

import pytest
from django.test import override_settings

from tests import demo_snapshot


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """`seed_demo`, run once per test process (see tests/demo_snapshot.py)."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        return demo_snapshot.take(media_root)


@pytest.fixture
def demo_site(_demo_snapshot, db, settings):
    """The demo content, as `make run` loads it, copied into this test's transaction."""
    demo_snapshot.restore(_demo_snapshot, Path(settings.MEDIA_ROOT))


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and caches live in the cache: every test starts with it empty."""
    from django.core.cache import cache

    from core.locales import forget_locales
    from core.memo import memos_clear_local
    from surveys.rendering import forget_rendered

    cache.clear()
    # Each process remembers Locale rows, the site and its settings; a test's rows go with its
    # rollback, which sends no signal.
    forget_locales()
    memos_clear_local()
    forget_rendered()
    yield
    cache.clear()
    forget_locales()
    memos_clear_local()
    forget_rendered()


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
