"""Exports round-trip, leave out free text unless asked and allowed, and are logged."""

import io
from datetime import date

import tablib
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from core import roles
from insights.exports import report_export_request
from insights.filters import FeedbackFilter
from insights.models import ReportExport
from insights.rollups import rollups_rebuild
from tests.insights.factories import response_with
from tests.themes.factories import SafeguardingFlagFactory

PERIOD = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))


def _lead(django_user_model, *extra):
    user = django_user_model.objects.create_user(username="lead", password="x")
    user.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    for codename in extra:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def _data(touchpoint):
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), themes=["waiting_times"], text="Too slow.")
    rollups_rebuild(start=date(2026, 3, 1), end=date(2026, 3, 31))


def test_themes_csv_round_trips(django_user_model, touchpoint):
    _data(touchpoint)
    user = _lead(django_user_model)
    job = report_export_request(user=user, kind="themes", file_format="csv", feedback_filter=PERIOD)
    assert job.status == ReportExport.Status.DONE and job.progress == 100
    dataset = tablib.Dataset().load(bytes(job.content).decode(), format="csv")
    assert dataset.headers[:5] == ["Month", "Service", "Channel", "Language", "Theme"]
    assert dataset[0][1] == touchpoint.service.name and int(dataset[0][5]) == 6


def test_summary_xlsx_has_no_quotes_unless_asked_and_allowed(django_user_model, touchpoint):
    _data(touchpoint)
    user = _lead(django_user_model)  # engagement leads hold surveys.view_response
    plain = report_export_request(
        user=user, kind="summary", file_format="xlsx", feedback_filter=PERIOD
    )
    sheet = load_workbook(io.BytesIO(bytes(plain.content))).active
    assert "Quotes (redacted)" not in [cell.value for cell in sheet[1]]
    with_quotes = report_export_request(
        user=user,
        kind="summary",
        file_format="xlsx",
        feedback_filter=PERIOD,
        include_free_text=True,
    )
    sheet = load_workbook(io.BytesIO(bytes(with_quotes.content))).active
    assert sheet[1][-1].value == "Quotes (redacted)"
    assert "Too slow." in sheet[2][-1].value


def test_free_text_refused_without_permission(django_user_model, touchpoint):
    _data(touchpoint)
    user = django_user_model.objects.create_user(username="exporter", password="x")
    user.user_permissions.add(Permission.objects.get(codename="export_report"))
    job = report_export_request(
        user=user,
        kind="summary",
        file_format="csv",
        feedback_filter=PERIOD,
        include_free_text=True,
    )
    assert job.include_free_text is False
    assert "Too slow" not in bytes(job.content).decode()


def test_every_export_is_logged(django_user_model, touchpoint):
    user = _lead(django_user_model)
    report_export_request(user=user, kind="cqc_pack", file_format="xlsx", feedback_filter=PERIOD)
    entry = ModelLogEntry.objects.get(action="insights.export")
    assert entry.user_id == user.pk and entry.data["kind"] == "cqc_pack"


def test_cqc_pack_xlsx_has_feedback_and_actions_sheets(django_user_model, touchpoint):
    _data(touchpoint)
    job = report_export_request(
        user=_lead(django_user_model), kind="cqc_pack", file_format="xlsx", feedback_filter=PERIOD
    )
    book = load_workbook(io.BytesIO(bytes(job.content)))
    assert book.sheetnames == ["Feedback themes", "Actions", "Safeguarding flags"]
    assert book["Feedback themes"].max_row > 1


def test_cqc_pack_xlsx_counts_safeguarding_flags_without_their_text(django_user_model, touchpoint):
    response = response_with(touchpoint, date(2026, 3, 5), text="He takes my pension every week.")
    SafeguardingFlagFactory(comment=response.comments.get(), categories=["financial_abuse"])
    job = report_export_request(
        user=_lead(django_user_model), kind="cqc_pack", file_format="xlsx", feedback_filter=PERIOD
    )
    sheet = load_workbook(io.BytesIO(bytes(job.content)))["Safeguarding flags"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    found = {(kind, label): count for kind, label, count in rows}
    hidden = {"fewer than 5", "not shown"}  # one flag: a count of 1 is never shown (issue #20)
    assert found[("Category of harm", "Financial or material abuse")] in hidden
    assert found[("Review outcome", "Waiting for review")] in hidden
    assert not any("pension" in str(value) for row in rows for value in row)


def test_export_pages_request_progress_and_download(client, django_user_model, touchpoint):
    _data(touchpoint)
    user = _lead(django_user_model)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    response = client.post(
        reverse("insights:exports"),
        {"what": "themes:csv", "start": "2026-03-01", "end": "2026-03-31"},
    )
    job = ReportExport.objects.get()
    assert response["Location"] == reverse("insights:export", kwargs={"pk": job.pk})
    assert "Download" in client.get(response["Location"]).content.decode()
    download = client.get(reverse("insights:export-download", kwargs={"pk": job.pk}))
    assert download["Content-Type"] == "text/csv"
    other = django_user_model.objects.create_user(username="other", password="x")
    other.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    TOTP.activate(other, generate_totp_secret())
    client.force_login(other)
    assert client.get(reverse("insights:export-download", kwargs={"pk": job.pk})).status_code == 404


def test_retention_deletes_export_files_after_the_days_they_are_kept(
    client, django_user_model, touchpoint, settings
):
    from datetime import datetime, timedelta

    from django.core.management import call_command

    from surveys.retention import retention_apply

    settings.RETENTION_EXPORT_DAYS = 7
    _data(touchpoint)
    user = _lead(django_user_model)
    old, recent = (
        report_export_request(user=user, kind="themes", file_format="csv", feedback_filter=PERIOD)
        for _ in range(2)
    )
    today = date(2026, 4, 20)
    for job, days_ago in ((old, 8), (recent, 7)):
        finished = datetime.combine(today - timedelta(days=days_ago), datetime.min.time())
        ReportExport.objects.filter(pk=job.pk).update(finished_at=finished.astimezone())

    assert retention_apply(dry_run=True, today=today).as_dict()["export files deleted"] == 1
    assert ReportExport.objects.get(pk=old.pk).content is not None
    assert retention_apply(today=today).as_dict()["export files deleted"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    # The request stays as the record of the export; only its file goes.
    assert (old.status, old.content) == (ReportExport.Status.EXPIRED, None)
    assert recent.status == ReportExport.Status.DONE and bytes(recent.content)
    assert retention_apply(today=today).as_dict()["export files deleted"] == 0

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    page = client.get(reverse("insights:export", kwargs={"pk": old.pk})).content.decode()
    assert "make it again" in page and "Download" not in page and "% done" not in page
    assert client.get(reverse("insights:export-download", kwargs={"pk": old.pk})).status_code == 404

    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "export files deleted: " in out.getvalue()


def test_themes_by_month_writes_small_counts_as_words(django_user_model, touchpoint):
    """A month's row per service, channel, language and theme is often one or two people."""
    for _ in range(2):
        response_with(touchpoint, date(2026, 3, 9), themes=["waiting_times"], text="Slow.")
    rollups_rebuild(start=date(2026, 3, 1), end=date(2026, 3, 31))
    user = _lead(django_user_model)
    job = report_export_request(
        user=user, kind="themes", file_format="xlsx", feedback_filter=PERIOD
    )
    sheet = load_workbook(io.BytesIO(bytes(job.content))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows, "the theme's row is there"
    counts = [value for row in rows for value in row[5:]]
    assert "fewer than 5" in counts
    assert not [value for value in counts if isinstance(value, int) and 1 <= value <= 4]
