"""Writes for reporting that aren't an export job (see insights.exports for those)."""

from django.core.exceptions import PermissionDenied
from wagtail.log_actions import log

from insights.reports.pdf import pdf_from_template

REPORT_PERMISSION = "insights.view_dashboard"


def report_pdf_make(*, user, body_template, title, context, filename):
    """A report as a PDF for `user` to download, written to the audit log."""
    if not user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    data = pdf_from_template(
        "insights/reports/pdf.html", {"body_template": body_template, "title": title, **context}
    )
    log(instance=user, action="insights.export", user=user, data={"file": filename})
    return data
