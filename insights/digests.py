"""The weekly digest: each subscribed lead gets one email about their services' new responses.

An email leaves the council's systems, so it carries only what a board may read: counts (small
ones hidden, `insights.suppression`), themes, and a few redacted quotes chosen as the reports
choose them (`insights.summaries`). Never a comment's own text, never a safeguarding flag's.

Run weekly (`send_weekly_digests`, or the task of the same name), on any day: it covers the
seven days before it. Each subscription is claimed for its week before the email goes, so a
second run, or two at once, sends nothing more. Claims are single UPDATEs, not one
transaction: if the mail server fails halfway, the emails already sent are not sent again.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.locales import user_language
from insights.models import DigestSubscription
from insights.summaries import theme_summary
from surveys.models import Service

DIGEST_PERMISSION = "insights.view_dashboard"
QUOTES_PER_THEME = 1
THEMES_SHOWN = 5


@dataclass
class Week:
    start: date
    end: date

    @classmethod
    def before(cls, today):
        return cls(start=today - timedelta(days=7), end=today - timedelta(days=1))


def digest_subscriptions_set(*, user, services):
    """Subscribe `user` to exactly `services` (a lead ticks the ones they want)."""
    wanted = {service.pk for service in services}
    with transaction.atomic():
        DigestSubscription.objects.filter(user=user).exclude(service_id__in=wanted).delete()
        have = set(
            DigestSubscription.objects.filter(user=user).values_list("service_id", flat=True)
        )
        DigestSubscription.objects.bulk_create(
            DigestSubscription(user=user, service_id=pk) for pk in wanted - have
        )


def services_digested_for(user):
    return Service.objects.filter(digest_subscriptions__user=user)


def service_digest(*, service, week):
    """What one service's part of the email says: the summary boards read, cut short."""
    summary = theme_summary(start=week.start, end=week.end, service_id=service.pk)
    themes = summary["themes"][:THEMES_SHOWN]
    for theme in themes:
        theme["quotes"] = theme["quotes"][:QUOTES_PER_THEME]
    return {
        "service": service,
        "response_count": summary["response_count"],
        "suppressed": summary["suppressed"],
        "themes": themes,
    }


def _claim(subscriptions, week):
    """The subscriptions this run sends for `week`: whichever run updates a row sends it."""
    claimed = []
    for subscription in subscriptions:
        updated = (
            DigestSubscription.objects.filter(pk=subscription.pk)
            .exclude(sent_for_week_ending=week.end)
            .update(sent_for_week_ending=week.end)
        )
        if updated:
            claimed.append(subscription)
    return claimed


def _due_by_user(week):
    due = (
        DigestSubscription.objects.select_related("user", "service")
        .filter(user__is_active=True)
        .exclude(sent_for_week_ending=week.end)
        .order_by("user_id", "service__name")
    )
    by_user = {}
    for subscription in due:
        by_user.setdefault(subscription.user, []).append(subscription)
    # Someone who may no longer see the dashboard (left the team, role changed) gets nothing.
    return {user: subs for user, subs in by_user.items() if user.has_perm(DIGEST_PERMISSION)}


def weekly_digests_send(*, today=None, dry_run=False):
    """Email each subscribed lead about the week before `today`. Returns [(user, services)]."""
    week = Week.before(today or timezone.localdate())
    sent = []
    for user, subscriptions in _due_by_user(week).items():
        if not user.email:
            continue
        if not dry_run:
            subscriptions = _claim(subscriptions, week)
            if subscriptions:
                _send(user, [s.service for s in subscriptions], week)
        if subscriptions:
            sent.append((user, [s.service for s in subscriptions]))
    return sent


def _send(user, services, week):
    # In the language the lead chose for the admin: the digest is theirs alone.
    with translation.override(user_language(user)):
        return _send_in_active_language(user, services, week)


def _send_in_active_language(user, services, week):
    context = {
        "week": week,
        "digests": [service_digest(service=service, week=week) for service in services],
        "dashboard_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("insights:dashboard"),
        "settings_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("insights:digests"),
    }
    subject = render_to_string("insights/email/digest_subject.txt", context).strip()
    body = render_to_string("insights/email/digest_message.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
