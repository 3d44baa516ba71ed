"""Demo pages for the public site. Idempotent: looks pages up by slug before creating them."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage, PlainEnglishTerm
from demo.pages import content, translations
from demo.pages.terms import PLAIN_ENGLISH_TERMS
from demo.pages.tree import publish


@transaction.atomic
def seed(stdout):
    home = _home_page()
    if not home.body:
        home.body = content.HOME_BODY
        home.summary = "Tell adult social care how we did, and see what changed."
        publish(home)
    added = _plain_english_terms()
    pages = content.build(home)
    translations.build(home, pages)
    stdout.write(
        f"Home page: {home.title}; {len(pages)} information pages; "
        f"{added} plain English terms added; translated into Polish and Urdu"
    )
    return home


def _plain_english_terms():
    added = 0
    for term, suggestion in PLAIN_ENGLISH_TERMS.items():
        _, created = PlainEnglishTerm.objects.get_or_create(
            term=term, defaults={"suggestion": suggestion}
        )
        added += created
    return added


def _home_page():
    existing = HomePage.objects.filter(locale=Locale.get_default()).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if old_root and old_root.slug == "home":
        # Wagtail's placeholder "Welcome" page holds the slug; it is deleted below.
        Page.objects.filter(pk=old_root.pk).update(slug="wagtail-placeholder")
    home = HomePage(
        title="Tell us how we did",
        slug="home",
        introduction=(
            "Adult social care wants to hear from you. Tell us what went well and what we "
            "could do better. You do not need to give your name."
        ),
    )
    root.add_child(instance=home)
    if site:
        site.root_page = home
        site.site_name = "Adult social care feedback"
        site.save()
    else:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Adult social care feedback",
        )
    # Wagtail's migration creates a placeholder "Welcome" page: remove it once replaced.
    if old_root and old_root.pk != home.pk and old_root.specific_class is Page:
        old_root.delete()
    return home
