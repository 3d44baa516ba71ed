"""The weekly digest: counts, themes and redacted quotes for a lead's services, once a week."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.users.models import UserProfile

from core import roles
from insights.digests import digest_subscriptions_set, weekly_digests_send
from insights.models import DigestSubscription
from insights.rollups import rollups_rebuild
from tests.core.factories import user_in_role
from tests.insights.factories import mention_of, response_with
from tests.surveys.factories import ServiceFactory, TouchpointFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)  # a Monday: the digest covers 8 to 14 June
RAW = "Ring Mrs Jones on 07700 900123 about it."
QUOTE = "Nobody came to help all evening and we waited."


def _week_of_feedback(touchpoint, count, day=date(2026, 6, 10)):
    theme = Theme.objects.get(key="waiting_times")
    for i in range(count):
        comment = response_with(touchpoint, day, overall="poor", text=f"{RAW} {QUOTE} {i}")
        mention_of(comment.comments.get(), theme, evidence=QUOTE, compound=-0.8)
    rollups_rebuild(start=date(2026, 5, 1), end=TODAY)
    return theme


@pytest.fixture
def lead(touchpoint):
    user = user_in_role(roles.ENGAGEMENT_LEADS, email="lead@council.example")
    digest_subscriptions_set(user=user, services=[touchpoint.service])
    return user


def test_digest_has_counts_themes_and_a_redacted_quote_but_no_comment_text(
    lead, touchpoint, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://feedback.council.example"
    theme = _week_of_feedback(touchpoint, 6)
    response_with(touchpoint, date(2026, 6, 7), overall="poor", text="Last week's, not this.")
    assert [
        (u, [s.name for s in services]) for u, services in weekly_digests_send(today=TODAY)
    ] == [(lead, ["Hospital discharge"])]
    (email,) = mail.outbox
    assert email.to == ["lead@council.example"]
    assert "8 June to 14 June 2026" in email.subject
    assert "Hospital discharge" in email.body
    assert "Responses: 6" in email.body
    assert f"- {theme.name}: 6 responses" in email.body
    assert f'"{QUOTE}"' in email.body
    assert "07700" not in email.body and "Mrs Jones" not in email.body
    assert "Last week's" not in email.body
    assert "https://feedback.council.example/insights/" in email.body
    assert "https://feedback.council.example/insights/digests/" in email.body


def test_a_second_run_in_the_same_week_sends_nothing_and_next_week_sends_again(lead, touchpoint):
    _week_of_feedback(touchpoint, 6)
    weekly_digests_send(today=TODAY)
    assert weekly_digests_send(today=TODAY) == []
    assert len(mail.outbox) == 1
    weekly_digests_send(today=date(2026, 6, 22))
    assert len(mail.outbox) == 2


def test_a_small_week_hides_its_count_and_themes(lead, touchpoint):
    _week_of_feedback(touchpoint, 3)
    weekly_digests_send(today=TODAY)
    body = mail.outbox[0].body
    assert "Responses: fewer than 5" in body
    assert "Too few responses this week to show themes." in body
    assert QUOTE not in body


def test_only_subscribed_services_and_people_who_may_see_the_dashboard_get_one(touchpoint):
    other = TouchpointFactory(service=ServiceFactory(name="Reablement"))
    _week_of_feedback(touchpoint, 6)
    _week_of_feedback(other, 6)
    reablement_lead = user_in_role(roles.ENGAGEMENT_LEADS, email="reablement@council.example")
    digest_subscriptions_set(user=reablement_lead, services=[other.service])
    no_role = user_in_role(None, email="left@council.example")
    digest_subscriptions_set(user=no_role, services=[touchpoint.service])
    gone = user_in_role(roles.ENGAGEMENT_LEADS, email="gone@council.example", is_active=False)
    digest_subscriptions_set(user=gone, services=[touchpoint.service])
    weekly_digests_send(today=TODAY)
    (email,) = mail.outbox
    assert email.to == ["reablement@council.example"]
    assert "Reablement" in email.body and "Hospital discharge" not in email.body


def test_dry_run_lists_and_sends_nothing(lead, touchpoint):
    _week_of_feedback(touchpoint, 6)
    out = __import__("io").StringIO()
    call_command("send_weekly_digests", "--dry-run", stdout=out)
    assert "Would email 1 digest(s)." in out.getvalue()
    assert "lead@council.example: Hospital discharge" in out.getvalue()
    assert mail.outbox == []
    assert DigestSubscription.objects.get().sent_for_week_ending is None


def test_lead_chooses_services_on_the_digest_page(client, touchpoint):
    other = ServiceFactory(name="Reablement")
    user = user_in_role(roles.ENGAGEMENT_LEADS)
    client.force_login(user)
    response = client.post("/insights/digests/", {"services": [touchpoint.service.pk, other.pk]})
    assert response.status_code == 302
    assert set(DigestSubscription.objects.values_list("service__name", flat=True)) == {
        "Hospital discharge",
        "Reablement",
    }
    html = client.get("/insights/digests/").content.decode()
    assert html.count("checked") == 2
    client.post("/insights/digests/", {})
    assert DigestSubscription.objects.count() == 0


def test_someone_without_the_dashboard_cannot_subscribe(client, touchpoint):
    client.force_login(user_in_role(None))
    response = client.post("/insights/digests/", {"services": [touchpoint.service.pk]})
    assert response.status_code == 403
    assert DigestSubscription.objects.count() == 0


def test_each_lead_gets_the_digest_in_the_language_they_chose(lead, touchpoint):
    other = user_in_role(roles.ENGAGEMENT_LEADS, email="arbeit@council.example")
    digest_subscriptions_set(user=other, services=[touchpoint.service])
    profile = UserProfile.get_for_user(other)
    profile.preferred_language = "pl"
    profile.save()
    _week_of_feedback(touchpoint, 6)
    weekly_digests_send(today=TODAY)
    by_address = {email.to[0]: email for email in mail.outbox}
    assert by_address["lead@council.example"].subject.startswith("How Did We Do: new feedback")
    polish = by_address["arbeit@council.example"]
    assert polish.subject.startswith("Jak nam poszło?: nowe opinie")
    assert "czerwca" in polish.subject  # the dates too: 8 czerwca to 14 czerwca 2026
