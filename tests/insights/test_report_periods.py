"""Periods (issue #17): financial years offered and used for the Local Account, a default that
never runs into the future, dates that are not real or run backwards shown as errors, and no
"it was 0" when there is no earlier figure."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from freezegun import freeze_time

from core import roles
from insights.forms import DashboardFilterForm
from insights.periods import (
    financial_year,
    financial_year_of,
    last_full_financial_year,
    last_full_months,
)
from insights.reports.local_account import local_account_build, responses_sentence
from insights.rollups import rollups_rebuild
from tests.insights.factories import response_with

TODAY = date(2026, 12, 1)  # the first of a month: the month's end is 30 days away


@pytest.mark.parametrize(
    "day, year",
    [
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
        (date(2026, 1, 15), 2025),
        (date(2026, 12, 31), 2026),
    ],
)
def test_financial_year_runs_from_1_april_to_31_march(day, year):
    assert financial_year_of(day) == year
    start, end = financial_year(year)
    assert start == date(year, 4, 1) and end == date(year + 1, 3, 31)
    assert start <= day <= end


def test_the_last_full_financial_year_has_ended():
    assert last_full_financial_year(date(2026, 3, 31)) == 2024
    assert last_full_financial_year(date(2026, 4, 1)) == 2025


def test_last_full_months_end_before_this_month():
    assert last_full_months(TODAY) == (date(2025, 12, 1), date(2026, 11, 30))
    assert last_full_months(date(2026, 1, 31)) == (date(2025, 1, 1), date(2025, 12, 31))


@freeze_time("2026-12-01")
def test_dashboard_default_period_never_runs_into_the_future():
    feedback_filter = DashboardFilterForm(None).feedback_filter()
    assert feedback_filter.end <= TODAY
    assert (feedback_filter.start, feedback_filter.end) == (date(2025, 12, 1), date(2026, 11, 30))


@freeze_time("2026-12-01")
def test_dashboard_offers_financial_years_and_this_one_stops_today():
    form = DashboardFilterForm({"period": "fy2026"})
    assert dict(form.fields["period"].choices)["fy2025"] == "Financial year 2025 to 2026"
    feedback_filter = form.feedback_filter()
    assert (feedback_filter.start, feedback_filter.end) == (date(2026, 4, 1), TODAY)
    last_year = DashboardFilterForm({"period": "fy2025"}).feedback_filter()
    assert (last_year.start, last_year.end) == (date(2025, 4, 1), date(2026, 3, 31))


def test_a_named_period_wins_over_dates_left_in_the_form():
    form = DashboardFilterForm({"period": "fy2024", "start": "2026-01-01", "end": "2026-01-31"})
    assert (form.feedback_filter().start, form.feedback_filter().end) == financial_year(2024)


def test_dates_without_a_period_are_used_as_given():
    form = DashboardFilterForm({"start": "2026-01-01", "end": "2026-01-31"})
    assert (form.feedback_filter().start, form.feedback_filter().end) == (
        date(2026, 1, 1),
        date(2026, 1, 31),
    )


def test_reversed_dates_are_an_error_not_swapped():
    form = DashboardFilterForm({"period": "dates", "start": "2026-03-31", "end": "2026-03-01"})
    assert not form.is_valid()
    assert form.errors["end"] == ["The end date must be the same as or after the start date"]


def test_a_date_that_is_not_real_is_an_error():
    form = DashboardFilterForm({"start": "2026-02-30", "end": "2026-03-31"})
    assert not form.is_valid()
    assert form.errors["start"] == ["Enter a real start date, for example 1/4/2025"]


@freeze_time("2026-12-01")
def test_a_start_after_today_with_no_end_is_an_error():
    form = DashboardFilterForm({"start": "2027-01-01"})
    assert form.errors["start"] == ["The start date must be today or in the past"]


def _staff(django_user_model):
    user = django_user_model.objects.create_user(username="officer", password="x")
    user.groups.add(Group.objects.get(name=roles.OFFICERS))
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.mark.parametrize("name", ["insights:dashboard", "insights:cqc-pack"])
@pytest.mark.parametrize(
    "query, message",
    [
        (
            {"start": "2026-03-31", "end": "2026-03-01"},
            "The end date must be the same as or after the start date",
        ),
        ({"start": "not a date", "end": "2026-03-01"}, "Enter a real start date"),
    ],
)
def test_pages_with_bad_dates_show_an_error_summary_and_no_figures(
    client, django_user_model, touchpoint, name, query, message
):
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), overall="good")
    client.force_login(_staff(django_user_model))
    page = client.get(reverse(name), query).content.decode()
    assert 'class="govuk-error-summary"' in page
    assert message in page and "Correct the period to see the figures." in page
    assert "<title>Error:" in page
    assert "At a glance" not in page and "Working with people" not in page


def test_cqc_pack_pdf_with_reversed_dates_goes_back_to_the_page(client, django_user_model):
    client.force_login(_staff(django_user_model))
    query = {"start": "2026-03-31", "end": "2026-03-01"}
    response = client.get(reverse("insights:cqc-pack-pdf"), query)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("insights:cqc-pack") + "?")


@freeze_time("2026-12-01")
def test_local_account_page_defaults_to_the_last_full_financial_year(client, django_user_model):
    client.force_login(_staff(django_user_model))
    page = client.get(reverse("insights:local-account")).content.decode()
    assert "What you told us: 2025 to 2026" in page


@freeze_time("2026-12-01")
def test_local_account_export_defaults_to_the_last_full_financial_year(client, django_user_model):
    user = django_user_model.objects.create_user(username="lead", password="x")
    user.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    user.user_permissions.add(Permission.objects.get(codename="export_report"))
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    client.post(reverse("insights:exports"), {"what": "local_account:pdf"})
    from insights.models import ReportExport

    assert ReportExport.objects.get().params["year"] == 2025


def test_no_responses_the_year_before_is_no_earlier_figure_not_zero(touchpoint):
    for _ in range(6):
        response_with(touchpoint, date(2025, 6, 1), overall="good")
    rollups_rebuild(start=date(2024, 4, 1), end=date(2026, 3, 31))
    sentence = local_account_build(2025)["responses_sentence"]
    assert sentence == (
        "6 people filled in a How Did We Do card or form this year. There is no figure for "
        "the year before to compare with."
    )
    assert "it was 0" not in sentence


def test_a_year_before_with_responses_is_compared():
    assert responses_sentence(12, 7).endswith("The year before, it was 7.")
    assert responses_sentence(12, 3).endswith("The year before, it was fewer than 5.")


def test_dashboard_says_no_figure_for_an_empty_period_before(client, django_user_model, touchpoint):
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), overall="good")
    rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 3, 31))
    client.force_login(_staff(django_user_model))
    query = {"start": "2026-03-01", "end": "2026-03-31"}
    page = client.get(reverse("insights:dashboard"), query).content.decode()
    assert "no figure for the period before" in page
    assert "period before: 0" not in page


def test_a_date_error_is_tied_to_its_input_for_screen_readers(client, django_user_model):
    client.force_login(_staff(django_user_model))
    query = {"start": "2026-03-31", "end": "2026-03-01"}
    page = client.get(reverse("insights:dashboard"), query).content.decode()
    assert 'id="id_end-error"' in page
    assert 'aria-describedby="id_end-error"' in page
    assert 'href="#id_end"' in page  # the error summary links to the input
