"""Who can reach which insights page: every role, and the public."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core import roles
from insights.periods import last_full_months
from insights.rollups import rollups_rebuild
from tests.insights.factories import flag, response_with

STAFF_PAGES = [
    ("insights:dashboard", {}),
    ("insights:local-account", {}),
    ("insights:cqc-pack", {}),
]
EXPORT_PAGES = [("insights:exports", {})]
BOARD_PAGE = ("insights:board-dashboard", {})
DEFAULT_END = last_full_months(date.today())[1]  # the last day the default period shows


def _member(django_user_model, role):
    user = django_user_model.objects.create_user(
        username=role.replace(" ", "-"), email=f"{role[:5]}@council.example", password="x"
    )
    user.groups.add(Group.objects.get(name=role))
    if role in roles.STAFF_ROLES:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    return user


def _status(client, name, kwargs=None):
    return client.get(reverse(name, kwargs=kwargs or {})).status_code


@pytest.mark.parametrize("role", roles.ROLES)
def test_each_role_reaches_only_its_pages(client, django_user_model, touchpoint, role):
    client.force_login(_member(django_user_model, role))
    may_see_staff = "insights.view_dashboard" in roles.permissions_for(role)
    may_export = "insights.export_report" in roles.permissions_for(role)
    may_see_board = "themes.view_theme" in roles.permissions_for(role)
    for name, kwargs in STAFF_PAGES:
        assert _status(client, name, kwargs) == (200 if may_see_staff else 403), name
    for name, kwargs in EXPORT_PAGES:
        assert _status(client, name, kwargs) == (200 if may_export else 403), name
    assert _status(client, BOARD_PAGE[0]) == (200 if may_see_board else 403)


def test_board_members_cannot_see_staff_dashboard_exports_or_pdfs(
    client, django_user_model, touchpoint
):
    client.force_login(_member(django_user_model, roles.BOARD_MEMBERS))
    assert _status(client, "insights:dashboard") == 403
    assert _status(client, "insights:exports") == 403
    assert _status(client, "insights:local-account-pdf", {"year": 2025}) == 403
    assert _status(client, "insights:cqc-pack-pdf") == 403


def test_the_public_is_sent_to_sign_in(client, touchpoint):
    for name in ("insights:dashboard", "insights:board-dashboard", "insights:exports"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_board_dashboard_shows_no_flagged_comment_or_safeguarding_queue(
    client, django_user_model, touchpoint
):
    day = last_full_months(date.today())[1]  # inside the default period
    for _ in range(6):
        response_with(touchpoint, day, overall="poor", themes=["waiting_times"], text="Slow.")
    flag(response_with(touchpoint, day, themes=["waiting_times"], text="Secret flagged story."))
    rollups_rebuild(start=day, end=day)
    client.force_login(_member(django_user_model, roles.BOARD_MEMBERS))
    page = client.get(reverse("insights:board-dashboard")).content.decode()
    assert "Secret flagged story" not in page
    assert "Safeguarding queue" not in page
    assert "Slow." in page  # a redacted quote
    assert "style=" not in page


def test_staff_dashboard_has_charts_with_tables_and_no_inline_styles(
    client, django_user_model, touchpoint
):
    for _ in range(6):
        response_with(touchpoint, DEFAULT_END, overall="good", themes=["waiting_times"])
    rollups_rebuild(start=DEFAULT_END, end=DEFAULT_END)
    client.force_login(_member(django_user_model, roles.OFFICERS))
    page = client.get(reverse("insights:dashboard")).content.decode()
    assert page.count('role="img"') >= 5
    assert "<title id=" in page and "<desc id=" in page
    assert page.count("<table") >= 5
    assert "style=" not in page and "<script>" not in page
    assert "Safeguarding queue" in page
