"""What the content side of the site does on its own: reminding people to review pages."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cms.models import ReviewReminder
from cms.selectors import pages_due_for_review
from core.roles import ENGAGEMENT_LEADS


def _review_recipients(page):
    """The page's owner; if they have gone, the engagement leads, who look after all content."""

    owner = page.owner
    if owner is not None and owner.is_active and owner.email:
        return [owner.email]
    leads = (
        get_user_model()
        .objects.filter(groups__name=ENGAGEMENT_LEADS, is_active=True)
        .exclude(email="")
    )
    return sorted(set(leads.values_list("email", flat=True)))


def _review_reminder(page, recipients, today):
    context = {
        "page": page,
        "overdue": page.review_by < today,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    subject = render_to_string("cms/email/review_reminder_subject.txt", context).strip()
    body = render_to_string("cms/email/review_reminder_message.txt", context)
    # One message each, so nobody sees the others' addresses.
    return sum(send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients)


def review_reminders_send(*, days_ahead=14, today=None, dry_run=False):
    """Email whoever looks after each live page due for review within `days_ahead` days (or
    overdue), once per review date. Returns the pages."""
    today = today or timezone.localdate()
    due = [
        page for page in pages_due_for_review(within_days=days_ahead + 1, today=today) if page.live
    ]
    reminded = set(
        ReviewReminder.objects.filter(page_id__in=[page.pk for page in due]).values_list(
            "page_id", "review_by"
        )
    )
    due = [page for page in due if (page.pk, page.review_by) not in reminded]
    if dry_run:
        return due
    for page in due:
        sent = _review_reminder(page, _review_recipients(page), today)
        ReviewReminder.objects.create(page=page, review_by=page.review_by, recipients=sent)
    return due
