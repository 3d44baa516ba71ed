from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from coproduction.choices import OPEN_ACTION_STATUSES, ActionStatus


class ActionQuerySet(models.QuerySet):
    def still_open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self, today=None):
        return self.still_open().filter(due_on__lt=today or timezone.localdate())

    def needing_owner(self):
        """Open actions with nobody to remind: no owner's email address."""
        return self.still_open().filter(owner_email="")

    def you_said_we_did(self):
        return self.filter(status=ActionStatus.DONE, published_at__isnull=False)


class Action(models.Model):
    """Something a board asked to be done: an '(ACTION)' line in the minutes, followed up.

    When it is done, staff write 'You said, we did' in plain English and publish it.
    Status changes go through `coproduction.services` (action_update_status, action_close…).
    """

    board = models.ForeignKey(
        "coproduction.Board", on_delete=models.CASCADE, related_name="actions"
    )
    meeting = models.ForeignKey(
        "coproduction.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        help_text=_("The meeting that raised it."),
    )
    title = models.CharField(_("what will be done"), max_length=255)
    details = models.TextField(blank=True)
    owner = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("A role or team, for example 'Head of Commissioning'."),
    )
    owner_email = models.EmailField(
        blank=True,
        help_text=_(
            "Reminders go here. Without one the action shows as needing an owner and the "
            "board's officers are reminded each week."
        ),
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN, editable=False
    )
    dropped_reason = models.TextField(blank=True, editable=False)
    completed_on = models.DateField(null=True, blank=True, editable=False)
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="board_actions")
    service = models.ForeignKey(
        "surveys.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_actions",
    )
    evidence_summary = models.TextField(
        blank=True, help_text=_("The redacted evidence that prompted it, as the board saw it.")
    )
    you_said = models.TextField(
        _("you said"), blank=True, help_text=_("What residents told us, in plain English.")
    )
    we_did = models.TextField(
        _("we did"), blank=True, help_text=_("What changed, in plain English.")
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_for = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("The due date a reminder was last sent for."),
    )
    overdue_reminded_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the owner was last chased about it being overdue."),
    )
    owner_digest_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the board's officers were last told it needs an owner."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = ActionQuerySet.as_manager()

    panels = [
        FieldPanel("board"),
        FieldPanel("meeting"),
        FieldPanel("title"),
        FieldPanel("details"),
        FieldPanel("owner"),
        FieldPanel("owner_email"),
        FieldPanel("due_on"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("service"), FieldPanel("evidence_summary")],
            heading=_("What prompted it"),
        ),
        MultiFieldPanel(
            [FieldPanel("you_said"), FieldPanel("we_did")], heading=_("You said, we did")
        ),
    ]

    class Meta:
        ordering = ["due_on", "id"]
        permissions = [("publish_action", "Can publish 'You said, we did'")]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in OPEN_ACTION_STATUSES

    def is_overdue(self, today=None):
        return bool(self.is_open and self.due_on and self.due_on < (today or timezone.localdate()))

    @property
    def needs_owner(self):
        return self.is_open and not self.owner_email

    @property
    def raised_on(self):
        """The day the board raised it: its meeting's date. Rows imported or seeded later than
        the meeting keep the meeting's day, not the day the row was written."""
        if self.meeting_id:
            return timezone.localdate(self.meeting.starts_at)
        return timezone.localdate(self.created_at)

    @property
    def is_published(self):
        return self.published_at is not None


class ActionProgressNote(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_notes")
    note = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Progress on {self.action}"
