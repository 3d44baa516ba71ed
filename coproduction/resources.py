"""One django-import-export resource per sheet of a board's history (see coproduction/history).

Each resource names its rows by a natural key (`import_id_fields`), never by id, so a file
imports the same into any database, and a second import of it changes nothing. Parents are
named by their own keys in the row's other columns: a meeting by the row's board and its start.
Every row is checked by its model's `full_clean()`; a cell that can't be read is reported
against its column. Headers stay field codes: they are what the import reads.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources
from import_export.widgets import ManyToManyWidget

from coproduction import services
from coproduction.choices import MinutesStatus
from coproduction.history import widgets as w
from coproduction.models import (
    Action,
    ActionProgressNote,
    AgendaItem,
    Attendance,
    Board,
    BoardMembership,
    Meeting,
    MeetingPaper,
    MinuteItem,
    Minutes,
    MinutesComment,
    MinutesSendBack,
    MinutesVersion,
    ThemeReviewDecision,
)
from core.spreadsheets import LabelledExportMixin
from surveys.models import Service
from themes.models import PhraseDecision, Theme


def spreadsheet_row(number):
    """import-export counts data rows from 1; a spreadsheet counts its header as row 1."""
    return number + 1


def _field(column, widget, attribute=None):
    return fields.Field(attribute=attribute or column, column_name=column, widget=widget)


def _board(parent=None):
    """The row's board. On a child's sheet it only says whose meeting or action the row
    names (`parent` is the path to it): it is read by those columns, not saved."""
    if parent is None:
        return _field("board", w.board_widget())
    return fields.Field(
        attribute=f"{parent}__board",
        column_name="board",
        widget=w.board_widget(),
        readonly=True,
    )


def _meeting(required=True):
    return _field("meeting", w.MeetingWidget(required=required))


def _minutes():
    return _field("meeting", w.MinutesWidget(), attribute="minutes")


def _person(column):
    return _field(column, w.PersonWidget())


def _not_editable_errors(instance, exclude):
    """Django's `full_clean()` skips fields the forms can't edit (a status moved only by the
    services): an import writes them, so they are checked here the same way."""
    errors = {}
    for field in instance._meta.concrete_fields:
        stamped = getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False)
        if field.editable or field.primary_key or field.name in exclude or stamped:
            continue
        value = getattr(instance, field.attname)
        codes = {str(code) for code, _label in field.flatchoices}
        try:
            if value is None and not field.null:
                raise ValidationError(field.error_messages["null"], code="null")
            if field.choices and value not in field.empty_values and str(value) not in codes:
                raise ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                )
            if value not in field.empty_values:
                field.run_validators(value)
        except ValidationError as error:
            errors[field.name] = error.error_list
    return errors


class SpreadsheetResource(LabelledExportMixin, resources.ModelResource):
    """Empty spreadsheet cells become empty text, not NULL, in text columns. Headers are field
    codes (no `column_labels`): they are what the import reads."""

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "TextField": resources.widgets.CharWidget,
        "DateTimeField": w.IsoDateTimeWidget,
        "DateField": w.IsoDateWidget,
        "BooleanField": w.YesNoWidget,
    }

    def before_save_instance(self, instance, row, **kwargs):
        for field in instance._meta.concrete_fields:
            text = isinstance(field, (models.CharField, models.TextField))
            if text and not field.null and getattr(instance, field.attname) is None:
                setattr(instance, field.attname, "")


class HistoryResource(SpreadsheetResource):
    """A sheet of a board's history: rows found by natural key, each checked in full.

    `sheet` is the code the workbook's sheet and a CSV's file name go by. Fields in
    `kept_timestamps` are `auto_now_add` in the model: an import keeps the moment given.
    Fields in `people` may be blank (no one recorded) though the model form requires them."""

    sheet = ""
    kept_timestamps = ()
    people = ()
    optional_key_columns = ()

    class Meta:
        # Every field but the id travels, so a field added to a model later travels too;
        # `export_order` puts the key columns first.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = False  # the whole workbook is one transaction

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.keys_seen = {}  # natural key → the spreadsheet row that had it
        self.row_number = None

    @classmethod
    def history_queryset(cls, boards):
        """This sheet's rows for `boards`, in a stable order."""
        raise NotImplementedError

    def get_instance(self, instance_loader, row):
        """The row's existing record, by its natural key. A key cell that can't be read is
        reported against its column, and the same key twice in a sheet is refused."""
        params, errors = {}, {}
        for name in self.get_import_id_fields():
            field = self.fields[name]
            try:
                params[field.attribute] = field.clean(row)
            except ValueError as error:
                errors[field.attribute] = ValidationError(str(error))
        if errors:
            raise ValidationError(errors)
        key = tuple(getattr(value, "pk", value) for value in params.values())
        if key in self.keys_seen:
            raise ValidationError(
                _("This row has the same %(key)s as row %(row)s.")
                % {"key": ", ".join(self.key_columns()), "row": self.keys_seen[key]}
            )
        self.keys_seen[key] = spreadsheet_row(self.row_number)
        try:
            return self.get_queryset().get(**params)
        except self._meta.model.DoesNotExist:
            return None
        except self._meta.model.MultipleObjectsReturned:
            raise ValidationError(
                _("More than one record here has this %(key)s.")
                % {"key": ", ".join(self.key_columns())}
            ) from None

    def before_import_row(self, row, **kwargs):
        self.row_number = kwargs.get("row_number")
        super().before_import_row(row, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        """As django-import-export, and a theme key that names no theme is reported against
        its column (import-export reads many-to-many cells only once the row is saved)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            many = isinstance(field.widget, ManyToManyWidget)
            if many and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def key_columns(self):
        return [self.fields[name].column_name for name in self.get_import_id_fields()]

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        # A blank person is the explicit rule for "no one recorded", not a missing value.
        blank_people = {name for name in self.people if getattr(instance, f"{name}_id") is None}
        exclude = {*errors, *blank_people}
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        errors.update(_not_editable_errors(instance, exclude | set(errors)))
        if errors:
            raise ValidationError(errors)

    def before_import(self, dataset, **kwargs):
        # A key column a council's own spreadsheet may leave out, such as an action's meeting.
        for column in self.optional_key_columns:
            if column not in (dataset.headers or []):
                dataset.append_col([""] * len(dataset), header=column)
        super().before_import(dataset, **kwargs)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        instance._kept_timestamps = {
            name: getattr(instance, name)
            for name in self.kept_timestamps
            if getattr(instance, name)
        }

    def after_save_instance(self, instance, row, **kwargs):
        kept = getattr(instance, "_kept_timestamps", {})
        if kept:
            type(instance).objects.filter(pk=instance.pk).update(**kept)
            for name, value in kept.items():
                setattr(instance, name, value)
        super().after_save_instance(instance, row, **kwargs)


class BoardResource(HistoryResource):
    sheet = "boards"
    sheet_title = gettext_lazy("Boards")

    class Meta(HistoryResource.Meta):
        model = Board
        exclude = ("id",)
        export_order = ("slug", "name", "purpose", "who_can_join", "is_demo")
        import_id_fields = ["slug"]

    @classmethod
    def history_queryset(cls, boards):
        return boards.order_by("slug")


class ServiceResource(HistoryResource):
    sheet = "services"
    sheet_title = gettext_lazy("Services")

    class Meta(HistoryResource.Meta):
        model = Service
        exclude = ("id",)
        export_order = ("slug", "name", "description", "is_demo")
        import_id_fields = ["slug"]

    @classmethod
    def history_queryset(cls, boards):
        # The services the boards' actions name, not every service the council has.
        return Service.objects.filter(board_actions__board__in=boards).distinct().order_by("slug")


class MembershipResource(HistoryResource):
    """Seats on the board. Access needs and involvement payments are never exported: they are
    private to the officers who arrange them."""

    sheet = "members"
    sheet_title = gettext_lazy("Members")
    board = _board()
    member = _field("member", w.PersonWidget(), attribute="user")

    class Meta(HistoryResource.Meta):
        model = BoardMembership
        exclude = ("id", "user")
        export_order = (
            "board",
            "member",
            "role",
            "named_in_minutes",
            "joined_on",
            "left_on",
            "is_demo",
        )
        import_id_fields = ["board", "member"]

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        if w.is_blank(row.get("member")):
            raise ValidationError({"user": _("Give the member's email address.")})

    @classmethod
    def history_queryset(cls, boards):
        return BoardMembership.objects.filter(board__in=boards).order_by(
            "board__slug", "user__email"
        )


class MeetingResource(HistoryResource):
    sheet = "meetings"
    sheet_title = gettext_lazy("Meetings")
    board = _board()

    class Meta(HistoryResource.Meta):
        model = Meeting
        exclude = ("id",)
        export_order = (
            "board",
            "starts_at",
            "title",
            "ends_at",
            "place",
            "online_link",
            "bsl_interpreter",
            "easy_read_agenda",
            "hearing_loop",
            "step_free_access",
            "accessibility_notes",
            "is_demo",
        )
        import_id_fields = ["board", "starts_at"]

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        if w.is_blank(row.get("starts_at")):
            raise ValidationError({"starts_at": _("Give the date and time.")})

    @classmethod
    def history_queryset(cls, boards):
        return Meeting.objects.filter(board__in=boards).order_by("board__slug", "starts_at")


def _of_meetings(model, boards, *order):
    return model.objects.filter(meeting__board__in=boards).order_by(
        "meeting__board__slug", "meeting__starts_at", *order
    )


class AgendaItemResource(HistoryResource):
    sheet = "agenda_items"
    sheet_title = gettext_lazy("Agenda items")
    board = _board("meeting")
    meeting = _meeting()
    order = _field("order", resources.widgets.IntegerWidget(), attribute="sort_order")

    class Meta(HistoryResource.Meta):
        model = AgendaItem
        exclude = ("id", "sort_order")
        export_order = ("board", "meeting", "title", "order", "description", "led_by_role")
        import_id_fields = ["meeting", "title"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_meetings(AgendaItem, boards, "sort_order", "title")


class MeetingPaperResource(HistoryResource):
    """A paper's title and place on the agenda. Its file stays in the document library: it
    is not in the workbook, and an import leaves any linked document as it is."""

    sheet = "papers"
    sheet_title = gettext_lazy("Papers")
    board = _board("meeting")
    meeting = _meeting()
    order = _field("order", resources.widgets.IntegerWidget(), attribute="sort_order")

    class Meta(HistoryResource.Meta):
        model = MeetingPaper
        exclude = ("id", "sort_order", "document")
        export_order = ("board", "meeting", "title", "order", "is_easy_read")
        import_id_fields = ["meeting", "title"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_meetings(MeetingPaper, boards, "sort_order", "title")


class AttendanceResource(HistoryResource):
    sheet = "attendance"
    sheet_title = gettext_lazy("Attendance")
    board = _board("meeting")
    meeting = _meeting()
    member = _field("member", w.MembershipWidget(), attribute="membership")
    order = _field("order", resources.widgets.IntegerWidget(), attribute="sort_order")

    class Meta(HistoryResource.Meta):
        model = Attendance
        exclude = ("id", "sort_order", "membership")
        export_order = ("board", "meeting", "member", "status", "order")
        import_id_fields = ["meeting", "member"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_meetings(Attendance, boards, "sort_order", "membership__user__email")


class MinutesResource(HistoryResource):
    """Minutes as they stand. Minutes already circulated or approved here are never
    overwritten: a correction is a new version (services.minutes_correct)."""

    sheet = "minutes"
    sheet_title = gettext_lazy("Minutes")
    board = _board("meeting")
    meeting = _meeting()
    approved_by = _person("approved_by")
    people = ("approved_by",)

    class Meta(HistoryResource.Meta):
        model = Minutes
        exclude = ("id",)
        export_order = (
            "board",
            "meeting",
            "status",
            "version",
            "summary",
            "easy_read_summary",
            "circulated_at",
            "approved_at",
            "approved_by",
            "published_at",
            "change_note",
            "is_demo",
        )
        import_id_fields = ["meeting"]

    def before_save_instance(self, instance, row, **kwargs):
        services.minutes_assert_editable(minutes=instance)
        super().before_save_instance(instance, row, **kwargs)

    @classmethod
    def history_queryset(cls, boards):
        return _of_meetings(Minutes, boards)


class LockedMinutesMixin:
    """Rows of minutes that were circulated or approved before this import began are never
    changed. `locked_minutes` is set by the import before the first sheet."""

    locked_minutes = None

    def before_import(self, dataset, **kwargs):
        if self.locked_minutes is None:
            locked = Minutes.objects.exclude(status=MinutesStatus.DRAFT)
            self.locked_minutes = set(locked.values_list("pk", flat=True))
        super().before_import(dataset, **kwargs)

    def before_save_instance(self, instance, row, **kwargs):
        if instance.minutes_id in self.locked_minutes:
            services.minutes_assert_editable(minutes=instance.minutes)
        super().before_save_instance(instance, row, **kwargs)


def _of_minutes(model, boards, *order):
    return model.objects.filter(minutes__meeting__board__in=boards).order_by(
        "minutes__meeting__board__slug", "minutes__meeting__starts_at", *order
    )


class MinuteItemResource(LockedMinutesMixin, HistoryResource):
    sheet = "minute_items"
    sheet_title = gettext_lazy("Minute items")
    board = _board("minutes__meeting")
    meeting = _minutes()
    order = _field("order", resources.widgets.IntegerWidget(), attribute="sort_order")

    class Meta(HistoryResource.Meta):
        model = MinuteItem
        exclude = ("id", "sort_order", "minutes")
        export_order = ("board", "meeting", "heading", "order", "discussion", "decisions")
        import_id_fields = ["meeting", "heading"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_minutes(MinuteItem, boards, "sort_order", "heading")


class MinutesVersionResource(HistoryResource):
    """Approved versions, frozen: an import adds a missing one but never changes one."""

    sheet = "minutes_versions"
    sheet_title = gettext_lazy("Minutes versions")
    board = _board("minutes__meeting")
    meeting = _minutes()
    record = _field("record", w.RecordWidget())
    approved_by = _person("approved_by")
    people = ("approved_by",)

    class Meta(HistoryResource.Meta):
        model = MinutesVersion
        exclude = ("id", "minutes")
        export_order = (
            "board",
            "meeting",
            "number",
            "change_note",
            "summary",
            "easy_read_summary",
            "meeting_starts_at",
            "meeting_ends_at",
            "meeting_place",
            "record",
            "circulated_at",
            "approved_at",
            "approved_by",
            "published_at",
        )
        import_id_fields = ["meeting", "number"]

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk:
            raise ValidationError(
                _("Version %(number)s of these minutes was approved and cannot change.")
                % {"number": instance.number}
            )
        super().before_save_instance(instance, row, **kwargs)

    @classmethod
    def history_queryset(cls, boards):
        return _of_minutes(MinutesVersion, boards, "number")


class MinutesSendBackResource(HistoryResource):
    sheet = "minutes_send_backs"
    sheet_title = gettext_lazy("Minutes sent back")
    board = _board("minutes__meeting")
    meeting = _minutes()
    sent_at = _field("sent_at", w.IsoDateTimeWidget(required=True))
    sent_by = _person("sent_by")
    people = ("sent_by",)
    kept_timestamps = ("sent_at",)

    class Meta(HistoryResource.Meta):
        model = MinutesSendBack
        exclude = ("id", "minutes")
        export_order = ("board", "meeting", "sent_at", "version", "note", "sent_by")
        import_id_fields = ["meeting", "sent_at"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_minutes(MinutesSendBack, boards, "sent_at")


class MinutesCommentResource(HistoryResource):
    sheet = "minutes_comments"
    sheet_title = gettext_lazy("Minutes comments")
    board = _board("minutes__meeting")
    meeting = _minutes()
    created_at = _field("created_at", w.IsoDateTimeWidget(required=True))
    author = _person("author")
    sent_back = _field("sent_back", w.SendBackWidget())
    approved_in = _field("approved_in", w.VersionWidget())
    people = ("author",)
    kept_timestamps = ("created_at",)

    class Meta(HistoryResource.Meta):
        model = MinutesComment
        exclude = ("id", "minutes")
        export_order = (
            "board",
            "meeting",
            "created_at",
            "author",
            "version",
            "body",
            "sent_back",
            "approved_in",
        )
        import_id_fields = ["meeting", "created_at", "author"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_minutes(MinutesComment, boards, "created_at", "author__email")


class ThemeReviewDecisionResource(HistoryResource):
    sheet = "theme_decisions"
    sheet_title = gettext_lazy("Theme decisions")
    board = _board("meeting")
    meeting = _meeting()
    theme = _field(
        "theme",
        w.SlugWidget(Theme, "key", gettext_lazy("No theme has the key “%(value)s”.")),
    )
    decided_by = _person("decided_by")
    decided_at = _field("decided_at", w.IsoDateTimeWidget(required=True))
    people = ("decided_by",)
    kept_timestamps = ("decided_at",)

    class Meta(HistoryResource.Meta):
        model = ThemeReviewDecision
        exclude = ("id",)
        export_order = (
            "board",
            "meeting",
            "suggested_phrase",
            "decision",
            "new_name",
            "theme",
            "reason",
            "decided_by",
            "decided_at",
        )
        import_id_fields = ["meeting", "suggested_phrase"]

    @classmethod
    def history_queryset(cls, boards):
        return _of_meetings(ThemeReviewDecision, boards, "decided_at", "suggested_phrase")


class PhraseDecisionResource(HistoryResource):
    """What the themes app remembers of the boards' decisions, so a decided phrase is not
    suggested again after the move. Only phrases these boards decided."""

    sheet = "phrase_decisions"
    sheet_title = gettext_lazy("Phrases decided")
    theme = _field(
        "theme",
        w.SlugWidget(Theme, "key", gettext_lazy("No theme has the key “%(value)s”.")),
    )

    class Meta(HistoryResource.Meta):
        model = PhraseDecision
        exclude = ("id",)
        export_order = ("phrase", "outcome", "theme", "decided_on")
        import_id_fields = ["phrase"]

    @classmethod
    def history_queryset(cls, boards):
        phrases = ThemeReviewDecision.objects.filter(meeting__board__in=boards).values_list(
            "suggested_phrase", flat=True
        )
        normalised = {PhraseDecision.normalise(phrase) for phrase in phrases}
        return PhraseDecision.objects.filter(phrase__in=normalised).order_by("phrase")


class ActionResource(HistoryResource):
    sheet = "actions"
    sheet_title = gettext_lazy("Actions")
    board = _board()
    meeting = _meeting(required=False)
    service = _field(
        "service",
        w.SlugWidget(
            Service,
            "slug",
            gettext_lazy("There is no service “%(value)s”: add it to the services sheet."),
        ),
    )
    themes = _field("themes", w.ThemesWidget(Theme))
    created_at = _field("created_at", w.IsoDateTimeWidget())
    kept_timestamps = ("created_at",)
    optional_key_columns = ("meeting",)  # an action raised at no meeting

    class Meta(HistoryResource.Meta):
        model = Action
        exclude = ("id",)
        export_order = (
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
            "reminder_sent_for",
            "overdue_reminded_on",
            "owner_digest_on",
            "created_at",
            "is_demo",
        )
        import_id_fields = ["board", "meeting", "title"]

    @classmethod
    def history_queryset(cls, boards):
        # Actions raised at no meeting first, on every database.
        meeting_first = models.F("meeting__starts_at").asc(nulls_first=True)
        return Action.objects.filter(board__in=boards).order_by(
            "board__slug", meeting_first, "title", "id"
        )


class ActionProgressNoteResource(HistoryResource):
    sheet = "progress_notes"
    sheet_title = gettext_lazy("Progress notes")
    board = _board("action")
    meeting = fields.Field(
        attribute="action__meeting",
        column_name="meeting",
        widget=w.MeetingWidget(required=False),
        readonly=True,
    )
    action = _field("action", w.ActionWidget())
    created_at = _field("created_at", w.IsoDateTimeWidget(required=True))
    author = _person("author")
    people = ("author",)
    kept_timestamps = ("created_at",)

    class Meta(HistoryResource.Meta):
        model = ActionProgressNote
        exclude = ("id",)
        export_order = ("board", "meeting", "action", "created_at", "note", "author")
        import_id_fields = ["action", "created_at"]

    @classmethod
    def history_queryset(cls, boards):
        return ActionProgressNote.objects.filter(action__board__in=boards).order_by(
            "action__board__slug",
            models.F("action__meeting__starts_at").asc(nulls_first=True),
            "action__title",
            "created_at",
        )


# In the order they are imported: each sheet names only rows of the sheets before it.
HISTORY_RESOURCES = [
    BoardResource,
    ServiceResource,
    MembershipResource,
    MeetingResource,
    AgendaItemResource,
    MeetingPaperResource,
    AttendanceResource,
    MinutesResource,
    MinuteItemResource,
    MinutesVersionResource,
    MinutesSendBackResource,
    MinutesCommentResource,
    ThemeReviewDecisionResource,
    PhraseDecisionResource,
    ActionResource,
    ActionProgressNoteResource,
]
RESOURCES = {resource.sheet: resource for resource in HISTORY_RESOURCES}
