"""Download responses as CSV or XLSX. Every export is written to the audit log."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.formats.base_formats import CSV, XLSX
from wagtail.log_actions import log

from surveys.resources import ResponseResource, ResponseWithCommentsResource
from surveys.selectors import ResponseFilterForm, responses_filtered

FORMATS = {"csv": (CSV, "text/csv"), "xlsx": (XLSX, XLSX().get_content_type())}


class ExportForm(ResponseFilterForm):
    file_format = forms.ChoiceField(
        label=_("File format"),
        choices=[("csv", "CSV"), ("xlsx", _("Excel (XLSX)"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )
    include_comments = forms.BooleanField(
        required=False,
        label=_("Include comments (unredacted)"),
        help_text=_("Only if you need them. Needs permission to see comments before redaction."),
    )


@permission_required("surveys.export_response", raise_exception=True)
def export_responses(request):
    form = ExportForm(request.GET or None)
    if not request.GET or not form.is_valid():
        return render(request, "surveys/staff/export.html", {"form": form})
    with_comments = form.cleaned_data["include_comments"] and request.user.has_perm(
        "surveys.view_unredacted_text"
    )
    if form.cleaned_data["include_comments"] and not with_comments:
        form.add_error("include_comments", _("Your role can't export comments."))
        return render(request, "surveys/staff/export.html", {"form": form})
    _filters, queryset = responses_filtered(request.GET)
    resource = ResponseWithCommentsResource() if with_comments else ResponseResource()
    dataset = resource.export(queryset=queryset)
    format_class, content_type = FORMATS[form.cleaned_data["file_format"]]
    data = format_class().export_data(dataset)
    log(
        instance=request.user,
        action="surveys.export",
        user=request.user,
        data={"rows": len(dataset), "comments": with_comments, "filters": request.GET.urlencode()},
    )
    response = HttpResponse(data, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    extension = form.cleaned_data["file_format"]
    response["Content-Disposition"] = f'attachment; filename="responses-{stamp}.{extension}"'
    return response
