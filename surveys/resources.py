"""Exports of responses with django-import-export. Free text only on request, with permission."""

from import_export import fields, resources

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


class ResponseResource(resources.ModelResource):
    service = fields.Field(attribute="service__name", column_name="service")
    touchpoint = fields.Field(attribute="touchpoint__code", column_name="touchpoint")

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
