"""The "You said, we did" address is remembered (it is on every confirmation page) and forgotten
on every server as soon as the page is published, unpublished, moved or deleted."""

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from cms import selectors
from cms.models import YouSaidWeDidIndexPage
from core.memo import memos_clear_local
from tests.surveys.factories import site_home


def _page(slug="you-said-we-did"):
    page = YouSaidWeDidIndexPage(title="You said, we did", slug=slug)
    site_home().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_no_page_no_address_then_the_published_page(db, django_assert_num_queries):
    assert selectors.you_said_we_did_url() == ""
    page = _page()
    assert selectors.you_said_we_did_url() == page.url
    with django_assert_num_queries(0):
        assert selectors.you_said_we_did_url() == page.url


def test_unpublishing_and_moving_are_seen_at_once(db):
    page = _page()
    assert selectors.you_said_we_did_url().endswith("/you-said-we-did/")
    page.slug = "what-changed"
    page.save_revision().publish()
    assert selectors.you_said_we_did_url().endswith("/what-changed/")
    page.unpublish()
    assert selectors.you_said_we_did_url() == ""


def test_another_server_forgets_when_this_one_publishes(db):
    page = _page()
    assert selectors.you_said_we_did_url() == page.url
    # Another server's memory: the version in the shared cache is what tells it to forget.
    version = cache.get(selectors._you_said_we_did_urls.version_key)
    page.slug = "changes"
    page.save_revision().publish()
    assert cache.get(selectors._you_said_we_did_urls.version_key) != version
    memos_clear_local()
    assert selectors.you_said_we_did_url().endswith("/changes/")


def test_each_language_has_its_own_address(db):
    page = _page()
    polish = Locale.objects.get_or_create(language_code="pl")[0]
    assert selectors.you_said_we_did_url() == page.url  # remembered in English first
    translation_page = page.copy_for_translation(polish, copy_parents=True)
    translation_page.save_revision().publish()

    with translation.override("pl"):
        address = selectors.you_said_we_did_url()
    assert address == YouSaidWeDidIndexPage.objects.get(pk=translation_page.pk).url
    assert address.startswith("/pl/")
    assert selectors.you_said_we_did_url() == page.url
