"""Daily roll-ups: the dashboard adds up these small tables instead of every response.

A row holds the counts for one day and one combination of the dimensions the dashboard filters
on without joins (service, channel, language). `insights.rollups` rebuilds a day's rows after a
response is tagged, and `manage.py insights_rollups` rebuilds any range.
"""

from django.db import models


class _DailyRollup(models.Model):
    day = models.DateField()
    service = models.ForeignKey("surveys.Service", on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=20)
    language = models.CharField(max_length=10)
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class DailyResponseRollup(_DailyRollup):
    """Responses, Friends and Family Test answers and overall sentiment for one day."""

    answered = models.PositiveIntegerField(default=0, help_text="Answered the overall question.")
    positive = models.PositiveIntegerField(default=0, help_text="Very good or good.")
    negative = models.PositiveIntegerField(default=0, help_text="Poor or very poor.")
    ascs_answered = models.PositiveIntegerField(default=0)
    ascs_satisfied = models.PositiveIntegerField(default=0, help_text="Quite satisfied or more.")
    sentiment_positive = models.PositiveIntegerField(default=0)
    sentiment_neutral = models.PositiveIntegerField(default=0)
    sentiment_negative = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["day"], name="insights_drr_day"),
            models.Index(fields=["service", "day"], name="insights_drr_service_day"),
        ]

    def __str__(self):
        return f"{self.day} {self.service_id} {self.channel} {self.language}: {self.responses}"


class DailyThemeRollup(_DailyRollup):
    """Responses mentioning a theme on one day (flagged and rejected mentions left out)."""

    theme = models.ForeignKey("insights.Theme", on_delete=models.CASCADE, related_name="+")
    negative = models.PositiveIntegerField(default=0)
    positive = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["day", "theme"], name="insights_dtr_day_theme"),
            models.Index(fields=["service", "day"], name="insights_dtr_service_day"),
        ]

    def __str__(self):
        return f"{self.day} theme {self.theme_id}: {self.responses}"
