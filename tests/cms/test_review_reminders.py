"""Whoever looks after a page is reminded before its review date, once per date."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from cms.models import ReviewReminder
from cms.services import review_reminders_send
from core.roles import ENGAGEMENT_LEADS

TODAY = datetime.date(2026, 6, 1)


def _due(page, days, owner=None):
    page.review_by = TODAY + datetime.timedelta(days=days)
    page.owner = owner
    page.save_revision().publish()
    return page


def _not_due_soon():
    """Every demo page reviewed far in the future, so only the page under test is due."""
    from cms.selectors import reviewed_page_models

    for model in reviewed_page_models():
        model.objects.update(review_by=TODAY + datetime.timedelta(days=365))


def test_the_owner_is_reminded_once_per_review_date(
    demo_site, assessment_page, django_user_model, mailoutbox
):
    _not_due_soon()
    owner = django_user_model.objects.create_user("writer", "writer@council.example", "x")
    _due(assessment_page, 10, owner)

    assert review_reminders_send(today=TODAY, dry_run=True) == [assessment_page]
    assert mailoutbox == [] and not ReviewReminder.objects.exists()

    assert review_reminders_send(today=TODAY) == [assessment_page]
    assert [message.to for message in mailoutbox] == [["writer@council.example"]]
    assert mailoutbox[0].subject == f"Due for review soon: {assessment_page.title}"
    assert "should be checked by 11 June 2026" in mailoutbox[0].body
    assert f"/admin/pages/{assessment_page.pk}/edit/" in mailoutbox[0].body

    assert review_reminders_send(today=TODAY) == []
    assert len(mailoutbox) == 1
    # Checked and given a new date: reminded again when that one comes round.
    _due(assessment_page, 12, owner)
    assert review_reminders_send(today=TODAY) == [assessment_page]


def test_pages_not_due_soon_or_not_live_are_left_alone(demo_site, assessment_page, mailoutbox):
    _not_due_soon()
    _due(assessment_page, 15)
    assert review_reminders_send(today=TODAY, days_ahead=14) == []
    assert review_reminders_send(today=TODAY, days_ahead=15) == [assessment_page]
    _due(assessment_page, -3)
    assessment_page.unpublish()
    assert review_reminders_send(today=TODAY) == []


def test_without_an_owner_the_engagement_leads_are_told_it_is_overdue(
    demo_site, assessment_page, django_user_model, mailoutbox
):
    _not_due_soon()
    leads = Group.objects.get(name=ENGAGEMENT_LEADS)
    for name in ("ana", "ben"):
        user = django_user_model.objects.create_user(name, f"{name}@council.example", "x")
        user.groups.add(leads)
    gone = django_user_model.objects.create_user("gone", "gone@council.example", "x")
    gone.is_active = False
    gone.save()
    _due(assessment_page, -3, gone)

    review_reminders_send(today=TODAY)
    assert sorted(message.to[0] for message in mailoutbox) == [
        "ana@council.example",
        "ben@council.example",
    ]
    assert mailoutbox[0].subject.startswith("Overdue for review: ")
    assert ReviewReminder.objects.get().recipients == 2


def test_command_lists_the_pages(demo_site, assessment_page):
    _not_due_soon()
    assessment_page.review_by = timezone.localdate()
    assessment_page.save_revision().publish()
    out = io.StringIO()
    call_command("send_review_reminders", "--dry-run", stdout=out)
    assert assessment_page.title in out.getvalue()
    assert "Would remind about 1 page(s)." in out.getvalue()
