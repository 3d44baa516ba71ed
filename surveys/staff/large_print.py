"""A large-print paper version of a survey, generated from the same questions."""

from django.contrib.auth.decorators import permission_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import translation

from core.locales import language_of
from core.pdf import pdf_render
from surveys.choices import EQUALITY_FIELDS, HelpedBy
from surveys.forms import SurveyResponseForm
from surveys.models import SurveyPage


@permission_required("surveys.view_touchpoint", raise_exception=True)
def large_print(request, pk):
    """In the survey's own language throughout (a Polish survey prints all in Polish), whatever
    language the admin is in."""
    survey = get_object_or_404(SurveyPage, pk=pk).specific
    with translation.override(language_of(survey)):
        return _large_print(request, survey)


def _large_print(request, survey):
    form = SurveyResponseForm(survey=survey)
    questions = [
        {"label": field.label, "hint": field.help_text, "choices": _choices(field)}
        for field, _block in form.question_fields()
    ]
    context = {
        "survey": survey,
        "questions": questions,
        "helped_by": HelpedBy.choices if survey.include_helper_question else [],
        "about_you": [(label, choices.choices) for label, choices in EQUALITY_FIELDS.values()]
        if survey.include_about_you
        else [],
    }
    if request.GET.get("output") == "pdf":
        return _pdf(request, survey, context)
    return render(request, "surveys/staff/large_print.html", context)


def _pdf(request, survey, context):
    """The same pages as a tagged PDF, for councils that send the file to a printer."""
    html = render_to_string("surveys/staff/large_print.html", {**context, "pdf": True}, request)
    data = pdf_render(html, stylesheets=[finders.find("css/large-print.css")])
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="large-print-{survey.slug}.pdf"'
    return response


def _choices(bound_field):
    return list(getattr(bound_field.field, "choices", []))
