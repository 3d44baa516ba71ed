from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from themes.choices import safeguarding_category_label


class SafeguardingFlag(models.Model):
    """Feedback that may disclose abuse, neglect, self-harm or risk: a person must look at it."""

    class Outcome(models.TextChoices):
        OPEN = "", _("Waiting for review")
        RAISED = "raised", _("Raised as a safeguarding concern")
        NOT_A_CONCERN = "not_a_concern", _("Not a concern")
        SIGNPOSTED = "signposted", _("Signposted to other help")

    comment = models.ForeignKey(
        "surveys.FreeTextAnswer", on_delete=models.CASCADE, related_name="safeguarding_flags"
    )
    response = models.ForeignKey(
        "surveys.Response", on_delete=models.CASCADE, related_name="safeguarding_flags"
    )
    categories = models.JSONField(default=list)
    evidence = models.TextField(help_text=_("The sentences that raised the flag."))
    matched_words = models.JSONField(default=list)
    # Days, not times: a time would tie the flag to the moment its response was sent.
    raised_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField(help_text=_("Due by the end of this day."))
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, default="")
    outcome_notes = models.TextField(blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Moved from the insights app: the table keeps its name (see themes/migrations/0001).
        db_table = "insights_safeguardingflag"
        ordering = ["outcome", "due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["comment"], name="one_flag_per_comment")]
        permissions = [("review_safeguardingflag", "Can review safeguarding flags")]

    def __str__(self):
        return f"Safeguarding flag {self.pk}"

    @classmethod
    def due_from(cls, raised_on):
        return raised_on + timedelta(days=settings.SAFEGUARDING_RESPONSE_DAYS)

    @property
    def category_labels(self):
        """The categories in words ("Physical abuse"), for the queue and reports."""
        return [safeguarding_category_label(code) for code in self.categories]

    @property
    def is_open(self):
        return self.outcome == self.Outcome.OPEN

    @property
    def is_overdue(self):
        return self.is_open and timezone.localdate() > self.due_on
