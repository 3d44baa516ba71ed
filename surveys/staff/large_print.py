"""A large-print paper version of a survey, generated from the same questions."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render

from surveys.choices import EQUALITY_FIELDS, HelpedBy
from surveys.forms import SurveyResponseForm
from surveys.models import SurveyPage


@permission_required("surveys.view_touchpoint", raise_exception=True)
def large_print(request, pk):
    survey = get_object_or_404(SurveyPage, pk=pk).specific
    form = SurveyResponseForm(survey=survey)
    questions = [
        {"label": field.label, "hint": field.help_text, "choices": _choices(field)}
        for field, _block in form.question_fields()
    ]
    return render(
        request,
        "surveys/staff/large_print.html",
        {
            "survey": survey,
            "questions": questions,
            "helped_by": HelpedBy.choices if survey.include_helper_question else [],
            "about_you": [(label, choices.choices) for label, choices in EQUALITY_FIELDS.values()]
            if survey.include_about_you
            else [],
        },
    )


def _choices(bound_field):
    return list(getattr(bound_field.field, "choices", []))
