from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """Shows the reading age, long sentences and jargon of the last saved version of the page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Readability"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "readability"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/readability.html"

        def get_context_data(self, parent_context=None):
            from cms.selectors import page_readability

            context = super().get_context_data(parent_context)
            context["saved"] = bool(self.instance.pk)
            context["readability"] = page_readability(self.instance) if self.instance.pk else None
            return context
