"""Exports of themes, summaries and reports, made in the background and logged.

Free text (redacted quotes) is left out unless the person asks for it and may see comments.
Contact details are never part of these exports.

Exports run in the background, so the language to write them in is kept with the request: the
person's language preference in the admin if they set one, else the language of their request.
Sheets are titled and headed in words in that language; nothing imports these files back.
"""

from datetime import timedelta

import tablib
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.formats.base_formats import XLSX
from wagtail.log_actions import log

from core.spreadsheets import LabelledExportMixin, databook_export, dataset_export
from insights.dashboard.emerging import filter_from_json, filter_to_json
from insights.dashboard.themes import theme_movement
from insights.models import MonthlyThemeRollup, ReportExport
from insights.periods import month_start
from insights.reports.cqc_pack import cqc_pack_build
from insights.reports.local_account import local_account_build
from insights.reports.pdf import pdf_from_template
from insights.summaries import quotes_add
from insights.suppression import FEWER_THAN, SuppressedCount, is_suppressed
from insights.tasks import report_export_run

FREE_TEXT_PERMISSION = "surveys.view_response"
FORMATS = {
    ReportExport.Kind.THEMES: ("csv", "xlsx"),
    ReportExport.Kind.SUMMARY: ("csv", "xlsx"),
    ReportExport.Kind.CQC_PACK: ("xlsx", "pdf"),
    ReportExport.Kind.LOCAL_ACCOUNT: ("pdf",),
}
CONTENT_TYPES = {"csv": "text/csv", "xlsx": XLSX().get_content_type(), "pdf": "application/pdf"}


class ThemeMonthResource(LabelledExportMixin, resources.ModelResource):
    """Responses mentioning each theme, per month, service, channel and language."""

    sheet_title = _("Themes by month")
    column_labels = {
        "month": _("Month"),
        "service": _("Service"),
        "channel": _("Channel"),
        "language": _("Language"),
        "theme": _("Theme"),
        "responses": _("Responses"),
        "negative": _("Negative responses"),
        "positive": _("Positive responses"),
    }

    service = fields.Field(attribute="service__name", column_name="service")
    theme = fields.Field(attribute="theme__name", column_name="theme")

    class Meta:
        model = MonthlyThemeRollup
        fields = (
            "month",
            "service",
            "channel",
            "language",
            "theme",
            "responses",
            "negative",
            "positive",
        )
        export_order = fields

    # Each row is one month, service, channel, language and theme, so most counts are small:
    # a count of 1 to 4 is written as "fewer than 5", as on every page.
    def dehydrate_responses(self, row):
        return _cell(row.responses)

    def dehydrate_negative(self, row):
        return _cell(row.negative)

    def dehydrate_positive(self, row):
        return _cell(row.positive)


def _cell(count):
    """A count for a spreadsheet cell: a number when it may be shown, else the words why not."""
    if isinstance(count, SuppressedCount):
        return str(count) if count.suppressed else count.value
    return str(FEWER_THAN) if is_suppressed(count) else count


def _themes(job, feedback_filter):
    queryset = (
        MonthlyThemeRollup.objects.filter(
            month__gte=month_start(feedback_filter.start), month__lte=feedback_filter.end
        )
        .select_related("service", "theme")
        .order_by("month", "service__name", "theme__name")
    )
    if feedback_filter.service_id:
        queryset = queryset.filter(service_id=feedback_filter.service_id)
    return ThemeMonthResource().export(queryset=queryset)


THEME = _("Theme")
RESPONSES = _("Responses")
SHARE = _("Share (%)")
NEGATIVE = _("Negative (%)")
CHANGE = _("Change (points)")
DIRECTION = _("Direction")
QUOTES = _("Quotes (redacted)")
QUALITY_STATEMENT = _("Quality statement")
SUMMARY_HEADERS = [THEME, RESPONSES, SHARE, NEGATIVE, _("Share before (%)"), CHANGE, DIRECTION]
CQC_FEEDBACK_HEADERS = [
    _("CQC theme"),
    QUALITY_STATEMENT,
    THEME,
    RESPONSES,
    SHARE,
    NEGATIVE,
    CHANGE,
    DIRECTION,
]
CQC_ACTION_HEADERS = [QUALITY_STATEMENT, _("Action"), _("Status"), _("We did")]
SAFEGUARDING_HEADERS = [_("Grouped by"), _("Group"), _("Number of flags")]
SAFEGUARDING_GROUPS = (("by_category", _("Category of harm")), ("by_outcome", _("Review outcome")))


def _summary(job, feedback_filter):

    headers = SUMMARY_HEADERS + ([QUOTES] if job.include_free_text else [])
    dataset = tablib.Dataset(headers=headers, title=_("Theme summary"))
    rows = theme_movement(feedback_filter)
    if job.include_free_text:
        quotes_add(feedback_filter, rows)  # no sentence quoted under two themes
    for row in rows:
        line = [
            row["name"],
            str(row["count"]),
            row["share"],
            row["negative_share"],
            row["previous_share"],
            row["change"],
            str(row["direction"]),
        ]
        if job.include_free_text:
            line.append("\n".join(row["quotes"]))
        dataset.append(line)
    return dataset


def _cqc_book(job, feedback_filter):

    pack = cqc_pack_build(feedback_filter)
    feedback = tablib.Dataset(
        headers=CQC_FEEDBACK_HEADERS + ([QUOTES] if job.include_free_text else []),
        title=_("Feedback themes"),
    )
    actions = tablib.Dataset(headers=CQC_ACTION_HEADERS, title=_("Actions"))
    for section in pack["sections"]:
        for statement in section["statements"]:
            for row in statement["themes"]:
                line = [
                    str(section["label"]),
                    str(statement["label"]),
                    row["name"],
                    str(row["count"]),
                    row["share"],
                    row["negative_share"],
                    row["change"],
                    str(row["direction"]),
                ]
                if job.include_free_text:
                    line.append("\n".join(row.get("quotes", [])))
                feedback.append(line)
            for action in statement["actions"]:
                actions.append(
                    [
                        str(statement["label"]),
                        action.title,
                        action.get_status_display(),
                        action.we_did if action.is_published else "",
                    ]
                )
    safeguarding = tablib.Dataset(headers=SAFEGUARDING_HEADERS, title=_("Safeguarding flags"))
    for key, name in SAFEGUARDING_GROUPS:
        for label, count in pack["safeguarding"][key]:
            safeguarding.append([str(name), str(label), _cell(count)])
    return tablib.Databook([feedback, actions, safeguarding]), pack


def _render(job, feedback_filter):
    """(bytes, rows) for the job's kind and format."""

    if job.kind == ReportExport.Kind.LOCAL_ACCOUNT:
        report = local_account_build(int(job.params["year"]))
        body = "insights/reports/_local_account_body.html"
        context = {"body_template": body, "title": "Local Account", "report": report}
        return pdf_from_template("insights/reports/pdf.html", context), len(report["themes"])
    if job.kind == ReportExport.Kind.CQC_PACK:
        book, pack = _cqc_book(job, feedback_filter)
        if job.file_format == "pdf":
            body = "insights/reports/_cqc_pack_body.html"
            context = {"body_template": body, "title": "CQC evidence pack", "pack": pack}
            return pdf_from_template("insights/reports/pdf.html", context), len(book.sheets()[0])
        return databook_export(book.sheets()), len(book.sheets()[0])
    dataset = (_themes if job.kind == ReportExport.Kind.THEMES else _summary)(job, feedback_filter)
    return dataset_export(dataset, "csv" if job.file_format == "csv" else "xlsx"), len(dataset)


def _progress(job, status, progress):
    job.status, job.progress = status, progress
    job.save(update_fields=["status", "progress"])


def report_export_make(*, export_id):
    """Make the file for an export request. Safe to run again; a finished export is kept."""
    job = ReportExport.objects.get(pk=export_id)
    if job.is_ready:
        return job.status
    _progress(job, ReportExport.Status.RUNNING, 10)
    try:
        with translation.override(job.params.get("language") or settings.LANGUAGE_CODE):
            content, rows = _render(job, filter_from_json(job.params["filter"]))
    except Exception:
        _progress(job, ReportExport.Status.FAILED, 100)
        raise
    stamp = timezone.localdate().isoformat()
    job.content = content.encode() if isinstance(content, str) else content
    job.rows, job.status, job.progress = rows, ReportExport.Status.DONE, 100
    job.filename = f"{job.kind.replace('_', '-')}-{stamp}.{job.file_format}"
    job.content_type = CONTENT_TYPES[job.file_format]
    job.finished_at = timezone.now()
    job.save()
    return job.status


def export_files_delete(*, today):
    """Delete the files of exports finished more than `RETENTION_EXPORT_DAYS` before `today`.
    The request stays, as the record of who exported what. Returns how many files went."""
    cutoff = today - timedelta(days=settings.RETENTION_EXPORT_DAYS)
    old = ReportExport.objects.filter(status=ReportExport.Status.DONE, finished_at__date__lt=cutoff)
    return old.update(content=None, status=ReportExport.Status.EXPIRED)


def _export_language(user):
    """The language `user` chose in their admin account, else the one of the current request."""
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile and profile.preferred_language) or translation.get_language()


def report_export_request(
    *, user, kind, file_format, feedback_filter, include_free_text=False, year=None
):
    """Record an export request, log it and queue it. Free text only with permission."""

    if file_format not in FORMATS[kind]:
        raise ValueError(f"{kind} can't be exported as {file_format}")
    include_free_text = include_free_text and user.has_perm(FREE_TEXT_PERMISSION)
    params = {
        "filter": filter_to_json(feedback_filter),
        "year": year,
        "language": _export_language(user),
    }
    job = ReportExport.objects.create(
        requested_by=user,
        kind=kind,
        file_format=file_format,
        params=params,
        include_free_text=include_free_text,
    )
    log(
        instance=job,
        action="insights.export",
        user=user,
        data={
            "kind": kind,
            "format": file_format,
            "free_text": include_free_text,
            "params": params,
        },
    )
    report_export_run.enqueue(job.pk)
    job.refresh_from_db()
    return job
