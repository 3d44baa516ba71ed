"""The Local Account chapter and the CQC evidence pack, as pages and as PDFs."""

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from insights.forms import DashboardFilterForm
from insights.periods import last_full_financial_year
from insights.reports.cqc_pack import cqc_pack_build
from insights.reports.local_account import local_account_build
from insights.services import REPORT_PERMISSION, report_pdf_make

PERMISSION = REPORT_PERMISSION


def _year(request):
    """The financial year asked for, else the last one that has ended."""
    default = last_full_financial_year(timezone.localdate())
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return default
    return year if 2000 <= year <= 2100 else default


class _ReportView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    permission_required = PERMISSION

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied
        return super().handle_no_permission()


class LocalAccountView(_ReportView):
    template_name = "insights/reports/local_account.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=local_account_build(_year(self.request)), **kwargs)


class CqcPackView(_ReportView):
    template_name = "insights/reports/cqc_pack.html"

    def get_context_data(self, **kwargs):
        form = DashboardFilterForm(self.request.GET or None)
        pack = None if form.errors else cqc_pack_build(form.feedback_filter())
        return super().get_context_data(form=form, pack=pack, **kwargs)


def _pdf_response(request, body_template, title, context, filename):
    data = report_pdf_make(
        user=request.user,
        body_template=body_template,
        title=title,
        context=context,
        filename=filename,
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@permission_required(PERMISSION, raise_exception=True)
def local_account_pdf(request, year):
    report = local_account_build(year)
    title = f"Local Account feedback chapter {report['year_label']}"
    return _pdf_response(
        request,
        "insights/reports/_local_account_body.html",
        title,
        {"report": report},
        f"local-account-feedback-{year}.pdf",
    )


@login_required
@permission_required(PERMISSION, raise_exception=True)
def cqc_pack_pdf(request):
    form = DashboardFilterForm(request.GET or None)
    if form.errors:  # the page says what to correct
        return redirect(f"{reverse('insights:cqc-pack')}?{request.GET.urlencode()}")
    pack = cqc_pack_build(form.feedback_filter())
    stamp = timezone.localdate().isoformat()
    return _pdf_response(
        request,
        "insights/reports/_cqc_pack_body.html",
        "CQC evidence pack",
        {"pack": pack},
        f"cqc-evidence-pack-{stamp}.pdf",
    )
