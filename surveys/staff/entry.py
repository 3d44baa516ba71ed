"""Fast keyboard entry of freepost cards and phone feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from surveys.forms import StaffEntryForm
from surveys.models import Touchpoint
from surveys.services import response_submit

can_enter = permission_required("surveys.enter_paper_response", raise_exception=True)


@can_enter
def choose_touchpoint(request):
    touchpoints = Touchpoint.objects.select_related("service").filter(is_active=True)
    return render(request, "surveys/staff/entry_choose.html", {"touchpoints": touchpoints})


@can_enter
def enter_response(request, pk):
    touchpoint = get_object_or_404(Touchpoint.objects.select_related("survey", "service"), pk=pk)
    survey = touchpoint.survey.specific
    form = StaffEntryForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            response, created = response_submit(
                survey=survey,
                touchpoint=touchpoint,
                submission=form.to_submission(),
                channel=form.cleaned_data["channel"],
                submission_token=form.cleaned_data["submission_token"],
                submitted_on=form.cleaned_data["date_given"],
                allow_closed=True,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            note = _("Saved") if created else _("Already saved")
            messages.success(request, f"{note}: {response.receipt_code}")
            # Straight back to a blank form: staff usually key in a pile of cards at once.
            return redirect("surveys_staff:entry", pk=touchpoint.pk)
    return render(
        request, "surveys/staff/entry_form.html", {"form": form, "touchpoint": touchpoint}
    )
