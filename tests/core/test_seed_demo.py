import io

from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage
from core.models import CouncilSettings


def _row_counts():
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "admin", "wagtailsearch", "wagtailcore"}:
            continue
        counts[model._meta.label] = model.objects.count()
    counts["pages"] = Page.objects.count()
    return counts


def test_seed_demo_builds_a_living_site(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert CouncilSettings.for_site(site).is_demo is True
    assert "Demo staff login:" in out.getvalue()


def test_seed_demo_twice_changes_nothing(db):
    call_command("seed_demo", stdout=io.StringIO())
    before = _row_counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert _row_counts() == before


def test_seed_demo_removes_wagtail_placeholder_page(db):
    call_command("seed_demo", stdout=io.StringIO())
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_admin_dashboard_says_the_data_is_demo_data(client, db):
    from django.contrib.auth import get_user_model

    call_command("seed_demo", stdout=io.StringIO())
    # The demo lead is seeded with an authenticator, so the admin opens without MFA set-up.
    client.force_login(get_user_model().objects.get(username="demo.lead"))
    page = client.get("/admin/").content.decode()
    assert "This site holds demonstration content" in page
