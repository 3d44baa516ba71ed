"""The Local Account chapter and CQC pack: figures, headings, and the PDF really is one."""

import io
from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader

from core import roles
from insights.reports.cqc_pack import cqc_pack_build
from insights.reports.local_account import financial_year, local_account_build
from insights.rollups import rollups_rebuild
from tests.insights.factories import response_with
from tests.themes.factories import SafeguardingFlagFactory
from themes.models import SafeguardingFlag, Theme

YEAR = 2025  # 1 April 2025 to 31 March 2026


def _data(touchpoint):
    for _ in range(6):
        response_with(
            touchpoint, date(2025, 6, 1), overall="poor", themes=["waiting_times"], text="Too slow."
        )
    for _ in range(4):
        response_with(touchpoint, date(2025, 7, 1), overall="good")
    rollups_rebuild(start=date(2025, 1, 1), end=date(2026, 12, 31))


def _officer(django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_user(username="officer", password="x")
    user.groups.add(Group.objects.get(name=roles.OFFICERS))
    TOTP.activate(user, generate_totp_secret())
    return user


def test_local_account_figures_for_the_financial_year(touchpoint):
    _data(touchpoint)
    response_with(touchpoint, date(2025, 7, 1), overall="good")  # 60% poor of 10 would tell 4
    response_with(touchpoint, date(2025, 3, 31), overall="good")  # the year before
    rollups_rebuild(start=date(2025, 1, 1), end=date(2026, 12, 31))
    report = local_account_build(YEAR)
    assert financial_year(YEAR).start == date(2025, 4, 1)
    assert report["headline"]["responses"] == 11
    assert report["headline"]["negative_share"] == 54.5
    assert report["themes"][0]["name"] == Theme.objects.get(key="waiting_times").name
    assert report["themes"][0]["quotes"] == ["Too slow. (waiting_times)"]


def test_local_account_pdf_has_the_expected_headings(client, django_user_model, touchpoint):
    _data(touchpoint)
    client.force_login(_officer(django_user_model))
    response = client.get(reverse("insights:local-account-pdf", kwargs={"year": YEAR}))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for heading in (
        "What you told us: 2025 to 2026",
        "How many people told us",
        "What people talked about most",
        "Is it the same for everyone?",
        "You said, we did",
    ):
        assert heading in text


def test_local_account_page_renders(client, django_user_model, touchpoint):
    _data(touchpoint)
    client.force_login(_officer(django_user_model))
    page = client.get(reverse("insights:local-account"), {"year": YEAR}).content.decode()
    assert "What you told us: 2025 to 2026" in page


def test_cqc_pack_groups_themes_under_quality_statements(touchpoint):
    _data(touchpoint)
    theme = Theme.objects.get(key="waiting_times")
    pack = cqc_pack_build(financial_year(YEAR))
    statements = {s["code"]: s for section in pack["sections"] for s in section["statements"]}
    assert len(pack["sections"]) == 4 and len(statements) == 9
    for code in theme.cqc_quality_statements:
        assert statements[code]["mentions"] == 6
        assert statements[code]["themes"][0]["name"] == theme.name


def test_cqc_pack_pdf_has_framework_headings(client, django_user_model, touchpoint):
    _data(touchpoint)
    client.force_login(_officer(django_user_model))
    response = client.get(
        reverse("insights:cqc-pack-pdf"), {"start": "2025-04-01", "end": "2026-03-31"}
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "CQC evidence pack" in text
    assert "Working with people" in text and "Leadership" in text


def _safeguarding(pack):
    statements = {s["code"]: s for section in pack["sections"] for s in section["statements"]}
    return statements["safeguarding"]


def _flags(touchpoint, flags):
    for categories, outcome in flags:
        response = response_with(touchpoint, date(2025, 6, 1), text="Private words.")
        SafeguardingFlagFactory(
            comment=response.comments.get(), categories=categories, outcome=outcome
        )
    for _ in range(5):
        response_with(touchpoint, date(2025, 6, 1))


def test_cqc_pack_counts_safeguarding_flags_by_category_and_outcome(touchpoint):
    raised = SafeguardingFlag.Outcome.RAISED
    _flags(
        touchpoint, [(["physical_abuse"], "")] * 5 + [(["physical_abuse", "neglect"], raised)] * 6
    )
    counts = _safeguarding(cqc_pack_build(financial_year(YEAR)))["safeguarding"]
    assert counts["total"] == 11
    assert dict(counts["by_category"]) == {"Physical abuse": 11, "Neglect or acts of omission": 6}
    assert dict(counts["by_outcome"]) == {
        "Waiting for review": 5,
        "Raised as a safeguarding concern": 6,
    }


def test_cqc_pack_hides_small_numbers_of_safeguarding_flags(touchpoint):
    raised = SafeguardingFlag.Outcome.RAISED
    _flags(touchpoint, [(["physical_abuse"], ""), (["physical_abuse", "neglect"], raised)])
    counts = _safeguarding(cqc_pack_build(financial_year(YEAR)))["safeguarding"]
    assert str(counts["total"]) == "fewer than 5"
    shown = {str(n) for _label, n in [*counts["by_category"], *counts["by_outcome"]]}
    assert shown <= {"fewer than 5", "not shown"}


def test_cqc_pack_flags_outside_the_period_are_not_counted(touchpoint):
    response = response_with(touchpoint, date(2024, 6, 1), text="Old.")
    SafeguardingFlagFactory(comment=response.comments.get(), categories=["neglect"])
    assert _safeguarding(cqc_pack_build(financial_year(YEAR)))["safeguarding"]["total"] == 0


def test_cqc_pack_page_shows_waiting_flags_not_no_feedback_and_never_their_text(
    client, django_user_model, touchpoint
):
    response = response_with(touchpoint, date(2025, 6, 1), text="Secret disclosure words.")
    SafeguardingFlagFactory(comment=response.comments.get(), categories=["sexual_abuse"])
    client.force_login(_officer(django_user_model))
    page = client.get(reverse("insights:cqc-pack"), {"start": "2025-04-01", "end": "2026-03-31"})
    html = page.content.decode()
    section = html.split(">Safeguarding</h3>")[1].split("<h3")[0]
    assert "Sexual abuse" in section and "Waiting for review" in section
    assert "No feedback in this period" not in section
    assert "Secret disclosure words" not in html
