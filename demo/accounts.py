"""Demo data shared by every app: the staff login and the 'this is demo data' marker."""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from core.models import CouncilSettings

DEMO_STAFF_EMAIL = "demo.lead@council.example"
DEMO_STAFF_PASSWORD = "demo-password-change-me"


def seed(stdout):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="demo.lead",
        defaults={
            "email": DEMO_STAFF_EMAIL,
            "first_name": "Demo",
            "last_name": "Engagement Lead",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        user.set_password(DEMO_STAFF_PASSWORD)
        user.save()
        _verify_email(user)
    site = Site.objects.get(is_default_site=True)
    council = CouncilSettings.for_site(site)
    if not council.is_demo:
        council.is_demo = True
        council.save()
    note = " (created)" if created else ""
    stdout.write(f"Demo staff login: {DEMO_STAFF_EMAIL} / {DEMO_STAFF_PASSWORD}{note}")
    return user


def _verify_email(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
