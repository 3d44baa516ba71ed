"""Stable codes for co-production data. Codes are stored; labels are translated for display."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    RESIDENT = "resident", _("Resident member")
    CARER = "carer", _("Carer member")
    OFFICER = "officer", _("Council officer")
    FACILITATOR = "facilitator", _("Independent facilitator")


CHAIR_ROLES = {BoardRole.CHAIR, BoardRole.CO_CHAIR}


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Sent apologies")
    ABSENT = "absent", _("Absent")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated to members for comment")
    APPROVED = "approved", _("Approved by the chair")
    PUBLISHED = "published", _("Published")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ACTION_STATUSES = {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}


class PaymentKind(models.TextChoices):
    INVOLVEMENT = "involvement", _("Involvement payment")
    EXPENSES = "expenses", _("Expenses claim")


class PaymentStatus(models.TextChoices):
    CLAIMED = "claimed", _("Claimed")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")


class ThemeDecision(models.TextChoices):
    ACCEPT = "accept", _("Accept as a new theme")
    RENAME = "rename", _("Accept with a new name")
    MERGE = "merge", _("Merge into an existing theme")
    REJECT = "reject", _("Reject")
