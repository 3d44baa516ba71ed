from django.forms.renderers import TemplatesSetting


class GovUKFormRenderer(TemplatesSetting):
    """Render every Django form with GOV.UK Frontend markup (labels, hints, inline errors)."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"


_INPUT_CLASSES = {
    "textinput": "govuk-input",
    "emailinput": "govuk-input",
    "numberinput": "govuk-input govuk-input--width-5",
    "dateinput": "govuk-input govuk-input--width-10",
    "urlinput": "govuk-input",
    "passwordinput": "govuk-input",
    "telinput": "govuk-input govuk-input--width-20",
    "fileinput": "govuk-file-upload",
}


class GovUKFormMixin:
    """Adds GOV.UK classes and error/hint wiring to single-input widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget_type = field.widget.__class__.__name__.lower()
            css = _INPUT_CLASSES.get(widget_type)
            if css:
                field.widget.attrs.setdefault("class", css)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"id_{self.add_prefix(name)}-error"
                css = widget.attrs.get("class", "")
                if css.startswith("govuk-input") and "govuk-input--error" not in css:
                    widget.attrs["class"] = f"{css} govuk-input--error"
