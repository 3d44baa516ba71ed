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
    minutes_publish), never by editing the field.
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
        return self.status == MinutesStatus.PUBLISHED


class MinuteItem(Orderable):
    """What was said and decided under one agenda item."""

    minutes = ParentalKey(Minutes, on_delete=models.CASCADE, related_name="items")
    heading = models.CharField(max_length=200)
    discussion = RichTextField(blank=True, features=MINUTES_FEATURES, help_text=SPEAKER_HELP)
    decisions = RichTextField(blank=True, features=MINUTES_FEATURES)

    def __str__(self):
        return self.heading


class MinutesComment(models.Model):
    """A member's comment on circulated minutes, for the officer writing them."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("your comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

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
