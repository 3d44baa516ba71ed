"""Download responses as CSV or XLSX. Every export is written to the audit log."""

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from surveys.services import responses_export
from surveys.staff.forms import ExportForm


@permission_required("surveys.export_response", raise_exception=True)
def export_responses(request):
    form = ExportForm(request.GET or None)
    if not request.GET or not form.is_valid():
        return render(request, "surveys/staff/export.html", {"form": form})
    with_comments = form.cleaned_data["include_comments"]
    if with_comments and not request.user.has_perm("surveys.view_unredacted_text"):
        form.add_error("include_comments", _("Your role can't export comments."))
        return render(request, "surveys/staff/export.html", {"form": form})
    export = responses_export(
        user=request.user,
        filters=form.filters(),
        file_format=form.cleaned_data["file_format"],
        with_comments=with_comments,
    )
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response
