from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from themes.models import SafeguardingFlag

FOLLOW_UP_COMMENT_MAX_LENGTH = 500


class FollowUpAnswer(models.TextChoices):
    BETTER = "better", _("It has got better")
    SAME = "same", _("It has stayed the same")
    WORSE = "worse", _("It has got worse")


class FollowUp(models.Model):
    """One resident's anonymous answer to "Is it better now?" about a published 'You said, we
    did' entry.

    Like a survey response it holds no IP address, user agent, session or receipt code, and
    only the day (not the time) it was given. Created only by `follow_up_submit`. It is not a
    survey response: it never counts in the dashboard's or roll-ups' response figures.
    """

    action = models.ForeignKey(
        "coproduction.Action", on_delete=models.CASCADE, related_name="follow_ups"
    )
    answer = models.CharField(max_length=10, choices=FollowUpAnswer.choices)
    given_on = models.DateField()
    submission_token = models.UUIDField(unique=True)
    comment = models.TextField(blank=True, max_length=FOLLOW_UP_COMMENT_MAX_LENGTH)
    # The themes engine's results for the comment: the same tagger, redaction and safeguarding
    # checks as survey comments (see docs/decisions/0014-follow-up-answers.md).
    redacted_comment = models.TextField(blank=True, editable=False)
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="+")
    safeguarding_categories = models.JSONField(default=list, blank=True, editable=False)
    text_removed_on = models.DateField(null=True, blank=True, editable=False)
    # A flagged comment waits in the safeguarding queue with the survey comments' flags: due by
    # the same rule, decided with the same outcomes (coproduction/safeguarding.py).
    safeguarding_due_on = models.DateField(null=True, blank=True, editable=False)
    safeguarding_outcome = models.CharField(
        max_length=20, choices=SafeguardingFlag.Outcome.choices, blank=True, default=""
    )
    safeguarding_outcome_notes = models.TextField(blank=True)
    safeguarding_outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The day only, as for the answer itself: the audit log keeps when a lead decided.
    safeguarding_outcome_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["action", "answer"])]

    def __str__(self):
        return f"Follow-up on {self.action_id}: {self.get_answer_display()}"

    @property
    def is_flagged(self):
        return bool(self.safeguarding_categories)

    @property
    def safeguarding_is_open(self):
        return self.is_flagged and not self.safeguarding_outcome

    @property
    def safeguarding_is_overdue(self):
        due = self.safeguarding_due_on
        return self.safeguarding_is_open and due is not None and timezone.localdate() > due


class DoneNotice(models.Model):
    """That a resident who asked to be told has been emailed about an action: so each gets one
    email per action and kind, however often the action is saved. Goes with the contact request
    when retention deletes it."""

    class Kind(models.TextChoices):
        DONE = "done", _("Action done")
        PUBLISHED = "published", _("'You said, we did' published")

    contact_request = models.ForeignKey(
        "surveys.ContactRequest", on_delete=models.CASCADE, related_name="+"
    )
    action = models.ForeignKey("coproduction.Action", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["contact_request", "action", "kind"], name="one_notice_per_action_kind"
            )
        ]

    def __str__(self):
        return f"Notice {self.kind} for action {self.action_id}"
