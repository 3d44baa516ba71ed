from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from coproduction.choices import MinutesStatus, ThemeDecision

MINUTES_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
SPEAKER_HELP = _(
    "Say who spoke by their role ('a carer member', 'the Head of Commissioning'), "
    "not by name, unless they agreed to be named."
)


class Minutes(ClusterableModel):
    """The minutes of one meeting: draft → circulated → approved by the chair → published.

    The status changes only through `coproduction.services` (minutes_circulate, minutes_approve,
    minutes_publish, minutes_send_back, minutes_correct), never by editing the field. Only a
    draft can be edited: what members read and the chair approved stays as it was, frozen in a
    `MinutesVersion`; a correction is a new version that goes round the workflow again
    (docs/decisions/0012-minutes-versions.md).
    """

    meeting = models.OneToOneField(
        "coproduction.Meeting", on_delete=models.CASCADE, related_name="minutes"
    )
    summary = RichTextField(blank=True, features=MINUTES_FEATURES)
    easy_read_summary = models.TextField(
        _("easy read summary"),
        blank=True,
        help_text=_("Short sentences, one idea each. Shown first on the public page."),
    )
    status = models.CharField(
        max_length=20,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
        editable=False,
    )
    circulated_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveSmallIntegerField(_("version"), default=1, editable=False)
    change_note = models.TextField(_("what this version corrects"), blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    panels = [
        FieldPanel("meeting"),
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        InlinePanel("items", heading=_("Minutes by agenda item"), label=_("Item")),
    ]

    class Meta:
        verbose_name_plural = _("minutes")
        ordering = ["-meeting__starts_at"]
        permissions = [("publish_minutes", "Can publish approved minutes")]

    def __str__(self):
        return f"Minutes: {self.meeting}"

    def get_absolute_url(self):
        return reverse(
            "coproduction:minutes-public",
            kwargs={"slug": self.meeting.board.slug, "pk": self.meeting_id},
        )

    @property
    def is_published(self):
        """Some version is on the public site: this one, or an earlier one while it is corrected."""
        if self.status == MinutesStatus.PUBLISHED:
            return True
        return self.version > 1 and self.versions.filter(published_at__isnull=False).exists()

    @property
    def is_locked(self):
        """Only a draft can be edited: members have read anything later, and the chair may have
        approved it."""
        return self.status != MinutesStatus.DRAFT

    def item_list(self):
        return [
            {"heading": i.heading, "discussion": i.discussion, "decisions": i.decisions}
            for i in self.items.all()
        ]


class MinuteItem(Orderable):
    """What was said and decided under one agenda item."""

    minutes = ParentalKey(Minutes, on_delete=models.CASCADE, related_name="items")
    heading = models.CharField(max_length=200)
    discussion = RichTextField(blank=True, features=MINUTES_FEATURES, help_text=SPEAKER_HELP)
    decisions = RichTextField(blank=True, features=MINUTES_FEATURES)

    def __str__(self):
        return self.heading


class MinutesVersion(models.Model):
    """A version of the minutes exactly as the chair approved it: the text, who came, where and
    when, the actions and the theme decisions. Written once, at approval, and never changed; the
    public page shows the latest published one. Attendance keeps seats and roles, not names: a
    name is shown only while its member agrees to be named."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    change_note = models.TextField(_("what this version corrects"), blank=True)
    summary = models.TextField(blank=True)
    easy_read_summary = models.TextField(blank=True)
    meeting_starts_at = models.DateTimeField()
    meeting_ends_at = models.DateTimeField(null=True, blank=True)
    meeting_place = models.TextField(blank=True)
    # Lists of plain dicts: items, attendance (seat, role, status), actions, theme decisions.
    record = models.JSONField(default=dict, blank=True)
    circulated_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.minutes}, version {self.number}"

    def item_list(self):
        return self.record.get("items", [])


class MinutesSendBack(models.Model):
    """The chair (or an officer) sent circulated minutes back to draft, saying why."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="send_backs")
    version = models.PositiveSmallIntegerField()
    note = models.TextField(_("what needs to change"), max_length=2000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at"]

    def __str__(self):
        return f"{self.minutes} sent back to draft"


class MinutesComment(models.Model):
    """A member's comment on circulated minutes, for the chair and the officer writing them.
    What became of it is kept: the minutes went back to draft, or were approved."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("your comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveSmallIntegerField(default=1, editable=False)
    sent_back = models.ForeignKey(
        MinutesSendBack,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="comments",
    )
    approved_in = models.ForeignKey(
        MinutesVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="comments",
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Comment on {self.minutes}"


class ThemeReviewDecision(models.Model):
    """What a meeting decided about a phrase the themes engine suggested as a new theme."""

    meeting = models.ForeignKey(
        "coproduction.Meeting", on_delete=models.CASCADE, related_name="theme_decisions"
    )
    suggested_phrase = models.CharField(max_length=200)
    decision = models.CharField(max_length=20, choices=ThemeDecision.choices)
    new_name = models.CharField(
        _("theme name"),
        max_length=120,
        blank=True,
        help_text=_("For 'accept with a new name'."),
    )
    theme = models.ForeignKey(
        "themes.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The theme it became, or was merged into."),
    )
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at"]

    def __str__(self):
        return f"'{self.suggested_phrase}': {self.get_decision_display()}"
