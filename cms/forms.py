from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core.forms import GovUKFormMixin


def _queryset(label, **filters):
    try:
        return apps.get_model(label).objects.filter(**filters)
    except LookupError:
        return None


class YouSaidWeDidFilterForm(GovUKFormMixin, forms.Form):
    """Filter "You said, we did" by service and theme (GET, so results can be bookmarked)."""

    service = forms.ModelChoiceField(
        queryset=None,
        required=False,
        to_field_name="slug",
        label=_("Service"),
        empty_label=_("All services"),
    )
    theme = forms.ModelChoiceField(
        queryset=None,
        required=False,
        to_field_name="key",
        label=_("Theme"),
        empty_label=_("All themes"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sources = {"service": _queryset("surveys.Service"), "theme": _queryset("themes.Theme")}
        for name, queryset in sources.items():
            if queryset is None:
                del self.fields[name]
            else:
                self.fields[name].queryset = queryset
