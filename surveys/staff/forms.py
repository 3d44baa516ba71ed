"""Forms for the staff screens: filtering and exporting responses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.choices import Channel, HelpedBy
from surveys.models import Service, Touchpoint


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
    helped_by = forms.ChoiceField(
        label=_("Did someone help you fill this in?"),
        choices=[("", _("Any"))] + HelpedBy.choices,
        required=False,
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def filters(self):
        """The filters to hand to `responses_filtered`: none of an invalid form's."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if name in FILTERS}


FILTERS = ("service", "touchpoint", "channel", "helped_by", "date_from", "date_to")


class ExportForm(ResponseFilterForm):
    file_format = forms.ChoiceField(
        label=_("File format"),
        choices=[("csv", "CSV"), ("xlsx", _("Excel (XLSX)"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )
    include_comments = forms.BooleanField(
        required=False,
        label=_("Include comments (unredacted)"),
        help_text=_("Only if you need them. Needs permission to see comments before redaction."),
    )
