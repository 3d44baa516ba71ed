"""Upload → preview every row's errors → confirm. Nothing is stored until the file is clean.

A clean file waits in storage between the preview and the confirm; the confirm form carries only
its random token, which counts only in the session, and for the user, that uploaded it.
"""

import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.locales import locale_default
from surveys.import_questions import import_template
from surveys.imports import (
    COLUMNS,
    ImportFileError,
    import_rows,
    pending_file_delete,
    pending_file_save,
    pending_file_take,
    pending_files_delete_expired,
    read_rows,
    validate_rows,
)
from surveys.models import SurveyPage

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PENDING_SESSION_KEY = "surveys_import_pending"
PENDING_PER_SESSION = 3  # a few tabs' worth; older previews are forgotten and their files deleted


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it up."))
        return upload


class ImportConfirmForm(forms.Form):
    upload = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)


@permission_required("surveys.enter_paper_response", raise_exception=True)
def import_responses(request):
    pending_files_delete_expired()
    context = {
        "columns": COLUMNS,
        "form": ImportUploadForm(),
        "rows": None,
        "surveys": SurveyPage.objects.filter(locale=locale_default()).order_by("title"),
    }
    if request.method != "POST":
        return render(request, "surveys/staff/import.html", context)
    if "confirm" in request.POST:
        return _confirm(request)
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
    error_count = sum(1 for row in rows if row.errors)
    context.update(rows=rows, error_count=error_count)
    if not error_count:
        token = _pending_remember(request, pending_file_save(content), upload.name)
        context["confirm"] = ImportConfirmForm(initial={"upload": token})
    return render(request, "surveys/staff/import.html", context)


TEMPLATE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@permission_required("surveys.enter_paper_response", raise_exception=True)
def import_template_download(request, pk, file_format):
    """An empty sheet with a column for each of the survey's questions."""
    if file_format not in TEMPLATE_TYPES:
        raise Http404
    survey = get_object_or_404(SurveyPage, pk=pk).specific
    response = HttpResponse(
        import_template(survey, file_format), content_type=TEMPLATE_TYPES[file_format]
    )
    filename = f"import-{survey.slug}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pending_remember(request, token, filename):
    pending = request.session.get(PENDING_SESSION_KEY, {})
    pending[token] = {"filename": filename, "user": request.user.pk, "saved": time.time()}
    for oldest in list(pending)[:-PENDING_PER_SESSION]:
        del pending[oldest]
        pending_file_delete(oldest)
    request.session[PENDING_SESSION_KEY] = pending
    return token


def _pending_recall(request, token):
    """(filename, content) of a file this user checked in this session, or None. Only once."""
    pending = request.session.get(PENDING_SESSION_KEY, {})
    entry = pending.pop(token, None)
    request.session[PENDING_SESSION_KEY] = pending
    if entry is None or entry["user"] != request.user.pk:
        return None  # someone else's token, a replay, or made up: their file is left alone
    if time.time() - entry["saved"] > settings.IMPORT_PENDING_MINUTES * 60:
        pending_file_delete(token)
        return None
    content = pending_file_take(token)
    return (entry["filename"], content) if content is not None else None


def _imported_message(created, existing):
    imported = ngettext("Imported %(count)s response.", "Imported %(count)s responses.", created)
    stored = ngettext("%(count)s was already stored.", "%(count)s were already stored.", existing)
    return f"{imported % {'count': created}} {stored % {'count': existing}}"


def _confirm(request):
    confirm = ImportConfirmForm(request.POST)
    pending = confirm.is_valid() and _pending_recall(request, confirm.cleaned_data["upload"])
    if not pending:
        messages.error(
            request, _("This file has expired or was already imported. Upload it again.")
        )
        return redirect("surveys_staff:import")
    filename, content = pending
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
