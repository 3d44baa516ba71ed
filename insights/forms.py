"""The dashboard's filter form: turns the query string into a FeedbackFilter.

A period is one of a few named ones (the last 12 full months, a financial year) or two dates.
Dates that aren't real, or that run backwards, are errors the page shows: the figures of some
other period, shown as if they were the ones asked for, would mislead.
"""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import GovUKFormMixin
from insights.dashboard import DEFAULT_PAIR
from insights.filters import ANSWER_FIELDS, FeedbackFilter
from insights.periods import (
    financial_year,
    financial_year_label,
    financial_year_of,
    last_full_months,
    twelve_months_before,
)
from surveys.choices import EQUALITY_FIELDS, Channel, HelpedBy
from surveys.models import Service, Touchpoint

ANY = [("", _("Any"))]
PAIR_CHOICES = [(name, label) for name, (label, _choices) in EQUALITY_FIELDS.items()]
LAST_12_MONTHS = "last_12_months"
DATES = "dates"
FINANCIAL_YEARS_OFFERED = 3  # this one so far and the two before


class DateInput(forms.DateInput):
    input_type = "date"


def _date_field(label, invalid):
    return forms.DateField(
        label=label, required=False, widget=DateInput, error_messages={"invalid": invalid}
    )


def period_choices(today):
    """The named periods on offer `today`: financial years by the year they start in, so a
    saved link means the same year whenever it is opened."""
    this_year = financial_year_of(today)
    choices = [(LAST_12_MONTHS, _("Last 12 full months"))]
    for year in range(this_year, this_year - FINANCIAL_YEARS_OFFERED, -1):
        label = _("Financial year %(years)s") % {"years": financial_year_label(year)}
        if year == this_year:
            label = _("Financial year %(years)s, so far") % {"years": financial_year_label(year)}
        choices.append((f"fy{year}", label))
    return [*choices, (DATES, _("The dates below"))]


def period_dates(period, today):
    """(start, end) of a named period, never past `today`."""
    if period.startswith("fy"):
        start, end = financial_year(int(period[2:]))
        return start, min(end, today)
    return last_full_months(today)


class DashboardFilterForm(GovUKFormMixin, forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        help_text=_(
            "Full months compare fairly with the months before them. To include this month so "
            "far, choose 'The dates below'."
        ),
    )
    start = _date_field(_("From"), _("Enter a real start date, for example 1/4/2025"))
    end = _date_field(_("To"), _("Enter a real end date, for example 31/3/2026"))
    service = forms.ModelChoiceField(
        Service.objects.all(), label=_("Service"), required=False, empty_label=_("All services")
    )
    touchpoint = forms.ModelChoiceField(
        Touchpoint.objects.select_related("service"),
        label=_("Touchpoint"),
        required=False,
        empty_label=_("Any"),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=ANY + Channel.choices, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=ANY + list(settings.LANGUAGES), required=False
    )
    helped_by = forms.ChoiceField(
        label=ANSWER_FIELDS["helped_by"][0], choices=ANY + HelpedBy.choices, required=False
    )
    compare_first = forms.ChoiceField(
        label=_("Compare groups: first characteristic"), choices=PAIR_CHOICES, required=False
    )
    compare_second = forms.ChoiceField(
        label=_("Compare groups: second characteristic"), choices=PAIR_CHOICES, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["period"].choices = period_choices(self.today)
        self.fields["period"].initial = LAST_12_MONTHS
        for name, (label, choices) in EQUALITY_FIELDS.items():
            self.fields[name] = forms.ChoiceField(
                label=label, choices=ANY + choices.choices, required=False
            )

    def _uses_dates(self, data):
        # A link with dates and no period (older links, the reports' own) means those dates.
        period = data.get("period")
        return period == DATES or (
            not period and bool(self.data.get("start") or self.data.get("end"))
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if not self._uses_dates(data) or not start:
            return data
        if end and start > end:
            self.add_error("end", _("The end date must be the same as or after the start date"))
        elif not end and start > self.today:
            # With no end date the period ends today.
            self.add_error("start", _("The start date must be today or in the past"))
        return data

    def dates(self):
        """(start, end) the form describes; the last 12 full months when nothing is chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        if not self._uses_dates(data):
            return period_dates(data.get("period") or LAST_12_MONTHS, self.today)
        end = data.get("end") or self.today
        return data.get("start") or twelve_months_before(end), end

    def financial_year(self):
        """The financial year chosen, if one was (its start year), else None."""
        period = (self.cleaned_data if self.is_valid() else {}).get("period", "")
        return int(period[2:]) if period.startswith("fy") else None

    def feedback_filter(self):
        """The filter the form describes. Callers show the form's errors instead of figures
        when it has any (`self.errors`)."""
        data = self.cleaned_data if self.is_valid() else {}
        start, end = self.dates()
        return FeedbackFilter(
            start=start,
            end=end,
            service_id=getattr(data.get("service"), "pk", None),
            touchpoint_id=getattr(data.get("touchpoint"), "pk", None),
            channel=data.get("channel", ""),
            language=data.get("language", ""),
            equality={name: data[name] for name in ANSWER_FIELDS if data.get(name)},
        )

    def pair(self):
        data = self.cleaned_data if self.is_valid() else {}
        first = data.get("compare_first") or DEFAULT_PAIR[0]
        second = data.get("compare_second") or DEFAULT_PAIR[1]
        return (first, second) if first != second else DEFAULT_PAIR
