"""Exports of responses with django-import-export. Free text only on request, with permission.

Sheets are for people: titled "Responses", headed in words in the exporting person's language.
No import reads these files back (paper and phone feedback comes in through `surveys.imports`,
whose columns are its own), so the headers need not be field codes.
"""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from core.spreadsheets import LabelledExportMixin
from surveys.choices import EQUALITY_FIELDS
from surveys.models import Response

EXPORT_FIELDS = (
    "id",
    "submitted_on",
    "service",
    "touchpoint",
    "channel",
    "language",
    "overall",
    "ascs_satisfaction",
    "ascs_information",
    "helped_by",
    *EQUALITY_FIELDS,
)
COLUMN_LABELS = {
    "id": _("Response number"),
    "submitted_on": _("Date"),
    "service": _("Service"),
    "touchpoint": _("Touchpoint"),
    "channel": _("Channel"),
    "language": _("Language"),
    "overall": _("Overall experience"),
    "ascs_satisfaction": _("Satisfaction with care and support"),
    "ascs_information": _("Ease of finding information and advice"),
    "helped_by": _("Did someone help you fill this in?"),
    **{name: label for name, (label, _choices) in EQUALITY_FIELDS.items()},
    "went_well": _("What went well"),
    "do_better": _("What could be better"),
    "other_comments": _("Other comments"),
}


class ResponseResource(LabelledExportMixin, resources.ModelResource):
    sheet_title = _("Responses")
    column_labels = COLUMN_LABELS

    service = fields.Field(attribute="service__name", column_name="service")
    touchpoint = fields.Field(attribute="touchpoint__code", column_name="touchpoint")
    # Who helped, in the exporting person's words ('Yes, a carer'), not the stored code.
    helped_by = fields.Field(attribute="get_helped_by_display", column_name="helped_by")

    class Meta:
        model = Response
        fields = EXPORT_FIELDS
        export_order = EXPORT_FIELDS


class ResponseWithCommentsResource(ResponseResource):
    went_well = fields.Field(column_name="went_well")
    do_better = fields.Field(column_name="do_better")
    other_comments = fields.Field(column_name="other_comments")

    class Meta(ResponseResource.Meta):
        fields = (*EXPORT_FIELDS, "went_well", "do_better", "other_comments")
        export_order = fields

    def _comments(self, response, purpose):
        return "\n\n".join(c.text for c in response.comments.all() if c.purpose == purpose)

    def dehydrate_went_well(self, response):
        return self._comments(response, "went_well")

    def dehydrate_do_better(self, response):
        return self._comments(response, "do_better")

    def dehydrate_other_comments(self, response):
        return self._comments(response, "other")
