"""Roll-ups: the dashboard adds up these small tables instead of every response.

Each row holds the counts for one calendar month (`month` is its first day), one service and one
combination of the other dimensions a table is cut by: channel and language, touchpoint, or the
answers to the 'About you' questions. A period of whole months is answered from
these tables alone; the odd days at either end of any other period are counted from the responses
themselves (see `insights.dashboard.sources`).

Why months: at a million responses over three years a daily row per service, channel and
language held about one response, so adding up rows cost as much as counting responses. Days are
kept too, cut by service alone (`DailyResponseRollup`, `DailyThemeRollup`): about 75 responses a
row in the benchmark, they answer the odd days at either end of a period chosen with any dates.

`insights.rollups` recounts a month after a response is tagged, and `manage.py insights_rollups`
recounts any range (run it nightly: confirming or rejecting a tag changes the counts too).
"""

from django.db import models


class _MonthlyRollup(models.Model):
    month = models.DateField(help_text="The first day of the month counted.")
    service = models.ForeignKey("surveys.Service", on_delete=models.CASCADE, related_name="+")
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class _ExperienceCounts(models.Model):
    """Friends and Family Test style answers to 'overall, how was your experience?'."""

    answered = models.PositiveIntegerField(default=0, help_text="Answered the overall question.")
    positive = models.PositiveIntegerField(default=0, help_text="Very good or good.")
    negative = models.PositiveIntegerField(default=0, help_text="Poor or very poor.")

    class Meta:
        abstract = True


class _ResponseCounts(_ExperienceCounts):
    ascs_answered = models.PositiveIntegerField(default=0)
    ascs_satisfied = models.PositiveIntegerField(default=0, help_text="Quite satisfied or more.")
    sentiment_positive = models.PositiveIntegerField(default=0)
    sentiment_neutral = models.PositiveIntegerField(default=0)
    sentiment_negative = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class _ThemeCounts(models.Model):
    """Responses mentioning a theme (flagged, safeguarding and rejected mentions left out)."""

    theme = models.ForeignKey("themes.Theme", on_delete=models.CASCADE, related_name="+")
    negative = models.PositiveIntegerField(default=0)
    positive = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class _MonthlyThemeCounts(_ThemeCounts):
    first_negative_on = models.DateField(
        null=True, blank=True, help_text="The first day in the month with a negative mention."
    )

    class Meta:
        abstract = True


class MonthlyResponseRollup(_MonthlyRollup, _ResponseCounts):
    """Responses by month, service, channel and language."""

    channel = models.CharField(max_length=20)
    language = models.CharField(max_length=10)

    class Meta:
        indexes = [
            models.Index(fields=["month"], name="insights_mrr_month"),
            models.Index(fields=["service", "month"], name="insights_mrr_service_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.service_id} {self.channel} {self.language}"


class MonthlyThemeRollup(_MonthlyRollup, _MonthlyThemeCounts):
    """Responses mentioning each theme, by month, service, channel and language."""

    channel = models.CharField(max_length=20)
    language = models.CharField(max_length=10)

    class Meta:
        indexes = [
            models.Index(fields=["month", "theme"], name="insights_mtr_month_theme"),
            models.Index(fields=["service", "month"], name="insights_mtr_service_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} theme {self.theme_id}: {self.responses}"


class _ByTouchpoint(models.Model):
    """The team or place that gave out the card (none for some paper and phone feedback)."""

    touchpoint = models.ForeignKey(
        "surveys.Touchpoint", on_delete=models.CASCADE, null=True, related_name="+"
    )

    class Meta:
        abstract = True


class MonthlyTouchpointRollup(_MonthlyRollup, _ByTouchpoint, _ResponseCounts):
    """Responses by month and touchpoint."""

    class Meta:
        indexes = [models.Index(fields=["touchpoint", "month"], name="insights_mtpr_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} touchpoint {self.touchpoint_id}: {self.responses}"


class MonthlyTouchpointThemeRollup(_MonthlyRollup, _ByTouchpoint, _MonthlyThemeCounts):
    """Responses mentioning each theme, by month and touchpoint."""

    class Meta:
        indexes = [models.Index(fields=["touchpoint", "month"], name="insights_mtptr_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} touchpoint {self.touchpoint_id} theme {self.theme_id}"


class MonthlyEqualityRollup(_MonthlyRollup, _ResponseCounts):
    """Responses by month and service for each answer to each 'About you' question.

    `value` is the answer's code, or '' for people who did not answer.
    """

    field = models.CharField(max_length=30)
    value = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["field", "value", "month"], name="insights_mer_field_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.field}={self.value}: {self.responses}"


class MonthlyEqualityPairRollup(_MonthlyRollup, _ExperienceCounts):
    """Responses by month and service for each pair of answers to two 'About you' questions.

    Each pair of questions is stored once, `field` before `other_field` in the order of
    `surveys.choices.EQUALITY_FIELDS`.
    """

    field = models.CharField(max_length=30)
    value = models.CharField(max_length=20, blank=True)
    other_field = models.CharField(max_length=30)
    other_value = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["field", "other_field", "month"], name="insights_mepr_pair_month"),
        ]

    def __str__(self):
        return (
            f"{self.month:%Y-%m} {self.field}={self.value} "
            f"{self.other_field}={self.other_value}: {self.responses}"
        )


class MonthlyEqualityThemeRollup(_MonthlyRollup, _MonthlyThemeCounts):
    """Responses mentioning each theme, by month and service, for each 'About you' answer."""

    field = models.CharField(max_length=30)
    value = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["field", "value", "month"], name="insights_metr_field_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.field}={self.value} theme {self.theme_id}"


class _DailyRollup(models.Model):
    day = models.DateField()
    service = models.ForeignKey("surveys.Service", on_delete=models.CASCADE, related_name="+")
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class DailyResponseRollup(_DailyRollup, _ResponseCounts):
    """Responses by day and service."""

    class Meta:
        indexes = [models.Index(fields=["day", "service"], name="insights_drr_day")]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.service_id}: {self.responses}"


class DailyThemeRollup(_DailyRollup, _ThemeCounts):
    """Responses mentioning each theme, by day and service."""

    class Meta:
        indexes = [models.Index(fields=["day", "service"], name="insights_dtr_day")]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} theme {self.theme_id}: {self.responses}"


DAILY_ROLLUP_MODELS = (DailyResponseRollup, DailyThemeRollup)

MONTHLY_ROLLUP_MODELS = (
    MonthlyResponseRollup,
    MonthlyThemeRollup,
    MonthlyTouchpointRollup,
    MonthlyTouchpointThemeRollup,
    MonthlyEqualityRollup,
    MonthlyEqualityPairRollup,
    MonthlyEqualityThemeRollup,
)

ROLLUP_MODELS = MONTHLY_ROLLUP_MODELS + DAILY_ROLLUP_MODELS


class CountedResponse(models.Model):
    """A response whose counts the roll-ups hold. Its first tagging adds them (a cost that
    doesn't grow with the month); a recount marks every response it counted. Anything later
    (a retag, a staff review, a withdrawal) recounts its month, so nothing is counted twice."""

    response = models.OneToOneField(
        "surveys.Response", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    def __str__(self):
        return f"response {self.response_id} counted"
