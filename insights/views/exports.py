"""Ask for an export, watch its progress (the page refreshes itself, no JavaScript), download it."""

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insights.exports import report_export_request
from insights.forms import DashboardFilterForm
from insights.models import ReportExport
from insights.periods import last_full_financial_year

can_export = permission_required("insights.export_report", raise_exception=True)
CHOICES = [
    ("themes:csv", _("Themes by month, CSV")),
    ("themes:xlsx", _("Themes by month, Excel (XLSX)")),
    ("summary:csv", _("Theme summary, CSV")),
    ("summary:xlsx", _("Theme summary, Excel (XLSX)")),
    ("cqc_pack:xlsx", _("CQC evidence pack, Excel (XLSX)")),
    ("cqc_pack:pdf", _("CQC evidence pack, PDF")),
    ("local_account:pdf", _("Local Account feedback chapter, PDF")),
]


class ExportRequestForm(DashboardFilterForm):
    what = forms.ChoiceField(label=_("What to export"), choices=CHOICES, widget=forms.RadioSelect)
    year = forms.IntegerField(
        label=_("Local Account: year starting in April"), required=False, min_value=2000
    )
    include_free_text = forms.BooleanField(
        required=False,
        label=_("Include quotes (redacted comments)"),
        help_text=_("Only if you need them. Needs permission to see responses."),
    )


def _local_account_year(form):
    """The year typed, else the financial year chosen as the period, else the last one that
    has ended (a year still under way would make a half-written chapter)."""
    chosen = form.cleaned_data["year"] or form.financial_year()
    return chosen or last_full_financial_year(timezone.localdate())


@login_required
@can_export
def export_list(request):
    form = ExportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind, file_format = form.cleaned_data["what"].split(":")
        job = report_export_request(
            user=request.user,
            kind=kind,
            file_format=file_format,
            feedback_filter=form.feedback_filter(),
            include_free_text=form.cleaned_data["include_free_text"],
            year=_local_account_year(form),
        )
        return redirect("insights:export", pk=job.pk)
    jobs = ReportExport.objects.filter(requested_by=request.user).defer("content")[:20]
    return render(request, "insights/exports.html", {"form": form, "jobs": jobs})


@login_required
@can_export
def export_detail(request, pk):
    job = get_object_or_404(ReportExport.objects.defer("content"), pk=pk, requested_by=request.user)
    return render(request, "insights/export_detail.html", {"job": job})


@login_required
@can_export
def export_download(request, pk):
    job = get_object_or_404(ReportExport, pk=pk, requested_by=request.user)
    if not job.is_ready:
        raise Http404
    response = HttpResponse(bytes(job.content), content_type=job.content_type)
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response
