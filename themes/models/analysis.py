from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class ResponseAnalysis(models.Model):
    """Whether a response has been through the themes engine, so failures are retried."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed, will retry")

    response = models.OneToOneField(
        "surveys.Response", on_delete=models.CASCADE, related_name="analysis"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices, blank=True)
    compound = models.FloatField(null=True)
    is_flagged = models.BooleanField(default=False)
    # The day only: a time would tie the response to the moment it was sent (web logs).
    analysed_on = models.DateField(null=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        # Moved from the insights app: the table keeps its name (see themes/migrations/0001).
        db_table = "insights_responseanalysis"
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"Analysis of response {self.response_id}: {self.status}"


class CommentAnalysis(models.Model):
    """The engine's reading of one comment: sentiment and the redacted text boards may see."""

    comment = models.OneToOneField(
        "surveys.FreeTextAnswer", on_delete=models.CASCADE, related_name="analysis"
    )
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices)
    compound = models.FloatField()
    redacted_text = models.TextField()
    redactions = models.JSONField(default=dict, blank=True)

    class Meta:
        # Moved from the insights app: the table keeps its name (see themes/migrations/0001).
        db_table = "insights_commentanalysis"

    def __str__(self):
        return f"Analysis of comment {self.comment_id}"


class ThemeMention(models.Model):
    """A theme found in a comment, with its evidence: the sentence and the trigger words."""

    class Source(models.TextChoices):
        RULE = "rule", _("Phrase rules")
        MODEL = "model", _("Learned from staff")
        STAFF = "staff", _("Added by staff")

    class Review(models.TextChoices):
        UNREVIEWED = "", _("Not reviewed")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    comment = models.ForeignKey(
        "surveys.FreeTextAnswer", on_delete=models.CASCADE, related_name="theme_mentions"
    )
    theme = models.ForeignKey("themes.Theme", on_delete=models.CASCADE, related_name="mentions")
    # Copied from the response so summaries filter and group without joins.
    response = models.ForeignKey(
        "surveys.Response", on_delete=models.CASCADE, related_name="theme_mentions"
    )
    service = models.ForeignKey("surveys.Service", on_delete=models.CASCADE, related_name="+")
    submitted_on = models.DateField()
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices)
    compound = models.FloatField(default=0)
    evidence = models.TextField(help_text=_("The sentence that mentions the theme, redacted."))
    sentence_index = models.PositiveSmallIntegerField(default=0)
    matched_words = models.JSONField(default=list)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.RULE)
    confidence = models.FloatField(default=1)
    review = models.CharField(max_length=10, choices=Review.choices, blank=True, default="")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Moved from the insights app: the table keeps its name (see themes/migrations/0001).
        db_table = "insights_thememention"
        constraints = [
            models.UniqueConstraint(fields=["comment", "theme"], name="one_mention_per_theme")
        ]
        indexes = [
            models.Index(fields=["theme", "submitted_on"]),
            models.Index(fields=["service", "submitted_on"]),
            # The odd days at either end of a dashboard's period are read by date alone.
            models.Index(fields=["submitted_on"], name="insights_mention_day"),
            # Quotes are the most negative mentions of a theme: read in this order, then stop.
            # The whole ORDER BY is in the index, or the day index above looks cheaper to
            # the planner and every theme's mentions in the period get sorted.
            models.Index(
                fields=["theme", "compound", "-confidence"], name="insights_mention_quotes"
            ),
        ]
        permissions = [("review_thememention", "Can confirm or reject theme tags")]

    def __str__(self):
        return f"{self.theme} in comment {self.comment_id}"
