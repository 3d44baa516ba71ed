"""The dashboard's filter form: turns the query string into a FeedbackFilter."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insights.dashboard import DEFAULT_PAIR
from insights.filters import FeedbackFilter
from insights.periods import month_end, month_start, twelve_months_before
from surveys.choices import EQUALITY_FIELDS, Channel
from surveys.models import Service, Touchpoint

ANY = [("", _("Any"))]
PAIR_CHOICES = [(name, label) for name, (label, _choices) in EQUALITY_FIELDS.items()]


class DateInput(forms.DateInput):
    input_type = "date"


class DashboardFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
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
    compare_first = forms.ChoiceField(
        label=_("Compare groups: first characteristic"), choices=PAIR_CHOICES, required=False
    )
    compare_second = forms.ChoiceField(
        label=_("Compare groups: second characteristic"), choices=PAIR_CHOICES, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, choices) in EQUALITY_FIELDS.items():
            self.fields[name] = forms.ChoiceField(
                label=label, choices=ANY + choices.choices, required=False
            )

    def feedback_filter(self):
        """The filter the form describes; the last 12 calendar months (this one included) when
        no dates are given, so the figures come from whole months of roll-ups."""
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or month_end(month_start(timezone.localdate()))
        start = data.get("start") or twelve_months_before(end)
        if start > end:
            start, end = end, start
        return FeedbackFilter(
            start=start,
            end=end,
            service_id=getattr(data.get("service"), "pk", None),
            touchpoint_id=getattr(data.get("touchpoint"), "pk", None),
            channel=data.get("channel", ""),
            language=data.get("language", ""),
            equality={name: data[name] for name in EQUALITY_FIELDS if data.get(name)},
        )

    def pair(self):
        data = self.cleaned_data if self.is_valid() else {}
        first = data.get("compare_first") or DEFAULT_PAIR[0]
        second = data.get("compare_second") or DEFAULT_PAIR[1]
        return (first, second) if first != second else DEFAULT_PAIR
