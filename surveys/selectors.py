"""Reads for staff screens and exports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.choices import Channel
from surveys.models import Response, Service, Touchpoint


class ResponseFilterForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.all(), required=False
    )
    touchpoint = forms.ModelChoiceField(
        label=_("Touchpoint"), queryset=Touchpoint.objects.all(), required=False
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("Any"))] + Channel.choices, required=False
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def responses_filtered(data):
    """Responses matching a filter form's data (invalid filters are ignored)."""
    form = ResponseFilterForm(data or None)
    queryset = Response.objects.select_related("service", "touchpoint").prefetch_related("comments")
    if not form.is_valid():
        return form, queryset
    filters = form.cleaned_data
    for name in ("service", "touchpoint", "channel"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("date_from"):
        queryset = queryset.filter(submitted_on__gte=filters["date_from"])
    if filters.get("date_to"):
        queryset = queryset.filter(submitted_on__lte=filters["date_to"])
    return form, queryset
