"""Spreadsheet import and export (CSV/XLSX) of meetings, minutes and actions.

Boards bring their history in from Word and Excel: rows are matched by `id` when present and
created when not. Boards are named by slug, services by slug and themes by key (several themes
separated by '|'). Imports write the historical state as given (for example minutes already
published), so only officers and engagement leads may run them.

The export is the import's format: each sheet is titled ("Meetings", "Minutes", "Actions") but
its headers stay field codes, so an exported file can be edited and imported again as it is.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from coproduction import services
from coproduction.choices import MinutesStatus
from coproduction.minutes_versions import version_freeze
from coproduction.models import Action, Board, Meeting, Minutes
from core.spreadsheets import LabelledExportMixin
from surveys.models import Service
from themes.models import Theme


class SpreadsheetResource(LabelledExportMixin, resources.ModelResource):
    """Empty spreadsheet cells become empty text, not NULL, in text columns. Headers are field
    codes (no `column_labels`): they are what the import reads."""

    def before_save_instance(self, instance, row, **kwargs):
        for field in instance._meta.concrete_fields:
            text = isinstance(field, (models.CharField, models.TextField))
            if text and not field.null and getattr(instance, field.attname) is None:
                setattr(instance, field.attname, "")


def _board_field():
    return fields.Field(
        attribute="board", column_name="board", widget=ForeignKeyWidget(Board, field="slug")
    )


class MeetingResource(SpreadsheetResource):
    sheet_title = _("Meetings")
    board = _board_field()

    class Meta:
        model = Meeting
        fields = (
            "id",
            "board",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "bsl_interpreter",
            "easy_read_agenda",
            "hearing_loop",
            "step_free_access",
            "accessibility_notes",
        )
        skip_unchanged = True


class MinutesResource(SpreadsheetResource):
    sheet_title = _("Minutes")
    meeting = fields.Field(
        attribute="meeting", column_name="meeting", widget=ForeignKeyWidget(Meeting)
    )

    class Meta:
        model = Minutes
        fields = (
            "id",
            "meeting",
            "status",
            "summary",
            "easy_read_summary",
            "circulated_at",
            "approved_at",
            "published_at",
        )
        skip_unchanged = True

    def before_save_instance(self, instance, row, **kwargs):
        # An import never overwrites minutes members have read or the chair approved: a
        # correction is a new version (services.minutes_correct).
        services.minutes_assert_editable(minutes=instance)
        super().before_save_instance(instance, row, **kwargs)

    def after_save_instance(self, instance, row, **kwargs):
        # History comes in as given: approved or published minutes get their first version.
        approved = {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}
        if instance.status in approved and not instance.versions.exists():
            version_freeze(instance)
        super().after_save_instance(instance, row, **kwargs)


class ActionResource(SpreadsheetResource):
    sheet_title = _("Actions")
    board = _board_field()
    meeting = fields.Field(
        attribute="meeting", column_name="meeting", widget=ForeignKeyWidget(Meeting)
    )
    service = fields.Field(
        attribute="service",
        column_name="service",
        widget=ForeignKeyWidget(Service, field="slug"),
    )
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=ManyToManyWidget(Theme, field="key", separator="|"),
    )

    class Meta:
        model = Action
        fields = (
            "id",
            "board",
            "meeting",
            "title",
            "details",
            "owner",
            "owner_email",
            "due_on",
            "status",
            "dropped_reason",
            "completed_on",
            "service",
            "themes",
            "evidence_summary",
            "you_said",
            "we_did",
            "published_at",
        )
        skip_unchanged = True


RESOURCES = {"meetings": MeetingResource, "minutes": MinutesResource, "actions": ActionResource}
