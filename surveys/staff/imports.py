"""Upload → preview every row's errors → confirm. Nothing is stored until the file is clean."""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from surveys.imports import COLUMNS, ImportFileError, import_rows, read_rows, validate_rows

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it up."))
        return upload


class ImportConfirmForm(forms.Form):
    filename = forms.CharField(widget=forms.HiddenInput)
    content = forms.CharField(widget=forms.HiddenInput)

    def clean_content(self):
        try:
            return base64.b64decode(self.cleaned_data["content"], validate=True)
        except (binascii.Error, ValueError) as error:
            raise forms.ValidationError(_("The file was damaged. Upload it again.")) from error


@permission_required("surveys.enter_paper_response", raise_exception=True)
def import_responses(request):
    context = {"columns": COLUMNS, "form": ImportUploadForm(), "rows": None}
    if request.method != "POST":
        return render(request, "surveys/staff/import.html", context)
    if "confirm" in request.POST:
        confirm = ImportConfirmForm(request.POST)
        if confirm.is_valid():
            return _confirm(
                request, confirm.cleaned_data["filename"], confirm.cleaned_data["content"]
            )
        messages.error(request, _("The file was damaged. Upload it again."))
        return redirect("surveys_staff:import")
    form = ImportUploadForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return render(request, "surveys/staff/import.html", context)
    upload = form.cleaned_data["file"]
    content = upload.read()
    try:
        rows = validate_rows(read_rows(upload.name, content))
    except ImportFileError as error:
        form.add_error("file", str(error))
        return render(request, "surveys/staff/import.html", context)
    context.update(
        rows=rows,
        error_count=sum(1 for row in rows if row.errors),
        confirm=ImportConfirmForm(
            initial={"filename": upload.name, "content": base64.b64encode(content).decode()}
        ),
    )
    return render(request, "surveys/staff/import.html", context)


def _imported_message(created, existing):
    imported = ngettext("Imported %(count)s response.", "Imported %(count)s responses.", created)
    stored = ngettext("%(count)s was already stored.", "%(count)s were already stored.", existing)
    return f"{imported % {'count': created}} {stored % {'count': existing}}"


def _confirm(request, filename, content):
    try:
        rows = validate_rows(read_rows(filename, content))
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("surveys_staff:import")
    if any(row.errors for row in rows):
        messages.error(request, _("The file has errors. Nothing was imported."))
        return redirect("surveys_staff:import")
    created, existing = import_rows(rows)
    messages.success(request, _imported_message(created, existing))
    return redirect("surveys_staff:responses")
