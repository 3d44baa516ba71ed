from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from coproduction.choices import AttendanceStatus


class Meeting(ClusterableModel):
    """A board meeting: when, where, how it is made accessible, its agenda and papers."""

    board = models.ForeignKey(
        "coproduction.Board", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    place = models.TextField(_("place"), blank=True, help_text=_("Address and room."))
    online_link = models.URLField(_("online joining link"), blank=True)
    bsl_interpreter = models.BooleanField(_("BSL interpreter booked"), default=False)
    easy_read_agenda = models.BooleanField(_("easy read agenda"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessibility_notes = models.TextField(_("other arrangements"), blank=True)
    # The start time each reminder was sent for: a daily run sends each once, and a meeting
    # moved to another day is reminded about again.
    week_reminder_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    day_reminder_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    panels = [
        FieldPanel("board"),
        FieldPanel("title"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("place"),
        FieldPanel("online_link"),
        MultiFieldPanel(
            [
                FieldPanel("bsl_interpreter"),
                FieldPanel("easy_read_agenda"),
                FieldPanel("hearing_loop"),
                FieldPanel("step_free_access"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility arrangements"),
        ),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        InlinePanel("papers", heading=_("Papers"), label=_("Paper")),
        InlinePanel("attendance", heading=_("Attendance and apologies"), label=_("Person")),
    ]

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.board}: {self.title} ({self.starts_at:%d %b %Y})"

    def get_absolute_url(self):
        return reverse(
            "coproduction:meeting-detail", kwargs={"slug": self.board.slug, "pk": self.pk}
        )

    def arrangements(self):
        """Labels of the accessibility arrangements in place, for display."""
        names = ["bsl_interpreter", "easy_read_agenda", "hearing_loop", "step_free_access"]
        return [self._meta.get_field(n).verbose_name for n in names if getattr(self, n)]


class AgendaItem(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    led_by_role = models.CharField(
        _("led by (role)"), max_length=100, blank=True, help_text=_("For example 'Chair'.")
    )

    def __str__(self):
        return self.title


class MeetingPaper(Orderable):
    """A paper for a meeting, shared with members only until minutes are published."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_easy_read = models.BooleanField(_("easy read version"), default=False)

    def __str__(self):
        return self.title


class BoardPapersCollection(models.Model):
    """The private Wagtail collection a board's meeting papers are uploaded into
    (coproduction/papers.py); served only to those who may read the board's papers."""

    board = models.OneToOneField(
        "coproduction.Board", on_delete=models.CASCADE, related_name="papers_collection"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self):
        return f"Papers: {self.board}"


class Attendance(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(
        "coproduction.BoardMembership", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(
        max_length=20, choices=AttendanceStatus.choices, default=AttendanceStatus.PRESENT
    )

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attend_once")
        ]

    def __str__(self):
        return f"{self.membership}: {self.get_status_display()}"
