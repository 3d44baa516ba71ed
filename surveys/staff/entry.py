"""Fast keyboard entry of freepost cards and phone feedback.

Staff key in a pile of cards at a time, so after each save the form comes back blank with the
channel and date of the last card kept (they are usually the same for the whole pile), and the
cursor waits in the first question.
"""

import contextlib
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from surveys.forms import STAFF_CHANNELS, StaffEntryForm
from surveys.models import Touchpoint
from surveys.services import response_submit

can_enter = permission_required("surveys.enter_paper_response", raise_exception=True)


@can_enter
def choose_touchpoint(request):
    touchpoints = Touchpoint.objects.select_related("service").filter(is_active=True)
    return render(request, "surveys/staff/entry_choose.html", {"touchpoints": touchpoints})


def carried_over(query):
    """The channel and date of the last card saved, from the address it sent us back to."""
    initial = {}
    if query.get("channel") in dict(STAFF_CHANNELS):
        initial["channel"] = query["channel"]
    with contextlib.suppress(ValueError):
        initial["date_given"] = date.fromisoformat(query.get("date", ""))
    return initial


def focus_field_name(form, *, next_card):
    """Where the cursor starts: the first field with an error, else the first question for the
    next card of a pile (channel and date are kept), else the channel."""
    if form.errors:
        return next((name for name in form.fields if name in form.errors), "channel")
    if next_card and form.question_names:
        return form.question_names[0]
    return "channel"


DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]


def typed_date(form):
    """The card's date as a text box (14/03/2026): Chromium's date picker takes Tab inside
    itself (day, month, year), which traps someone keying in cards from the keyboard."""
    field = form.fields["date_given"]
    field.input_formats = DATE_FORMATS
    field.widget = forms.DateInput(
        format=DATE_FORMATS[0], attrs={"inputmode": "numeric", "autocomplete": "off"}
    )
    field.help_text = _("For example, 14/03/2026")


def _next_card_url(touchpoint, cleaned):
    query = urlencode({"channel": cleaned["channel"], "date": cleaned["date_given"].isoformat()})
    return f"{reverse('surveys_staff:entry', args=[touchpoint.pk])}?{query}"


@can_enter
def enter_response(request, pk):
    touchpoint = get_object_or_404(Touchpoint.objects.select_related("survey", "service"), pk=pk)
    survey = touchpoint.survey.specific
    form = StaffEntryForm(request.POST or None, survey=survey, initial=carried_over(request.GET))
    typed_date(form)
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
            return redirect(_next_card_url(touchpoint, form.cleaned_data))
    focus = focus_field_name(form, next_card="date" in request.GET)
    if focus in form.fields:
        form.fields[focus].widget.attrs["autofocus"] = True
    return render(
        request, "surveys/staff/entry_form.html", {"form": form, "touchpoint": touchpoint}
    )
