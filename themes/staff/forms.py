from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from themes.choices import CqcQualityStatement


class ThemeForm(WagtailAdminModelForm):
    """Themes are edited by staff: CQC quality statements as tick boxes, not raw JSON."""

    cqc_quality_statements = forms.MultipleChoiceField(
        choices=CqcQualityStatement.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("CQC quality statements this theme gives evidence for"),
    )
