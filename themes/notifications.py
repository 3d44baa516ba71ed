"""Emails about safeguarding flags. They never contain the comment itself: email isn't safe."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from wagtail.models import Site

from core.models import CouncilSettings


def notify_safeguarding_lead(flag):
    site = Site.objects.filter(is_default_site=True).first()
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("themes_staff:flag", args=[flag.pk])
    send_mail(
        subject="Feedback needs safeguarding review",
        message=(
            "A How Did We Do response may describe harm, neglect or risk to someone.\n"
            f"Please review it by the end of {flag.due_on:%d %B %Y}.\n\n"
            f"Open it here (sign-in needed): {link}\n\n"
            "This email does not include the comment, to keep it safe."
        ),
        from_email=None,
        recipient_list=[council.safeguarding_email],
    )
