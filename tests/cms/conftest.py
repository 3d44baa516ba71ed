import pytest
from wagtail.models import Locale

from cms.models import EasyReadPage, HomePage, InformationPage


@pytest.fixture
def english(demo_site):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(demo_site):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def assessment_page(demo_site):
    return InformationPage.objects.get(
        slug="getting-a-care-needs-assessment", locale__language_code="en"
    )


@pytest.fixture
def easy_read_page(demo_site):
    return EasyReadPage.objects.get(locale__language_code="en")


@pytest.fixture
def editor_client(client, demo_site, django_user_model):
    """An engagement lead signed in to the admin, with the authenticator staff must have."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_superuser("lead", "lead@council.example", "x" * 12)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client
