import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.blocks import FREE_TEXT_MAX_LENGTH
from surveys.choices import (
    AgeBand,
    AscsInformation,
    AscsSatisfaction,
    CarerStatus,
    Channel,
    Disability,
    EthnicGroup,
    FreeTextPurpose,
    HelpedBy,
    OverallExperience,
    Religion,
    Sex,
    SexualOrientation,
)

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_receipt_code():
    """Ten characters in groups, e.g. 'K7QM-2XRD-PT': printable, and tied to nobody."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(10))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _equality_field(choices):
    return models.CharField(max_length=20, choices=choices.choices, blank=True)


class Response(models.Model):
    """One anonymous How Did We Do response.

    Deliberately holds no IP address, user agent, session or account, and only the day it was
    given, so it can't be matched to visit logs. Created only by `surveys.services.response_submit`.
    """

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.SET_NULL, null=True, related_name="responses"
    )
    service = models.ForeignKey(
        "surveys.Service", on_delete=models.PROTECT, related_name="responses"
    )
    touchpoint = models.ForeignKey(
        "surveys.Touchpoint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    language = models.CharField(max_length=10, default="en")
    submitted_on = models.DateField(_("date given"), db_index=True)

    overall = models.CharField(max_length=20, choices=OverallExperience.choices, blank=True)
    ascs_satisfaction = models.PositiveSmallIntegerField(
        choices=AscsSatisfaction.choices, null=True, blank=True
    )
    ascs_information = models.CharField(max_length=20, choices=AscsInformation.choices, blank=True)
    answers = models.JSONField(
        default=dict, blank=True, help_text="Choice answers by question key."
    )
    helped_by = models.CharField(max_length=20, choices=HelpedBy.choices, blank=True)

    age_band = _equality_field(AgeBand)
    disability = _equality_field(Disability)
    ethnic_group = _equality_field(EthnicGroup)
    carer_status = _equality_field(CarerStatus)
    sex = _equality_field(Sex)
    sexual_orientation = _equality_field(SexualOrientation)
    religion = _equality_field(Religion)

    receipt_code = models.CharField(max_length=12, unique=True, default=new_receipt_code)
    # A random token from the form itself, so a double click or resubmission saves once.
    submission_token = models.UUIDField(unique=True, null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-submitted_on", "-id"]
        indexes = [
            models.Index(fields=["service", "submitted_on"]),
            models.Index(fields=["touchpoint", "submitted_on"]),
            models.Index(fields=["channel", "submitted_on"]),
        ]
        permissions = [
            ("view_unredacted_text", "Can see comments before personal data is redacted"),
            ("enter_paper_response", "Can key in paper and phone feedback"),
            ("export_response", "Can export responses"),
        ]

    def __str__(self):
        return f"Response {self.receipt_code} ({self.submitted_on:%d %b %Y})"


class FreeTextAnswer(models.Model):
    """A comment, kept apart from choice answers so retention can redact or delete it alone."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    question_key = models.CharField(max_length=64)
    purpose = models.CharField(max_length=20, choices=FreeTextPurpose.choices)
    text = models.TextField(max_length=FREE_TEXT_MAX_LENGTH)
    text_removed_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["response", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key"], name="one_comment_per_question"
            )
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.response.receipt_code})"


class ContactRequest(models.Model):
    """'Please contact me': personal details, stored apart and deletable on their own."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for contact")
        CLOSED = "closed", _("Closed")

    class PreferredContact(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")
        TEXT = "text", _("Text message")
        LETTER = "letter", _("Letter")

    response = models.OneToOneField(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="contact_request"
    )
    name = models.CharField(max_length=200)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    postal_address = models.TextField(blank=True)
    preferred_contact = models.CharField(max_length=10, choices=PreferredContact.choices)
    needs = models.TextField(
        _("anything that would help us contact you"), blank=True, max_length=1000
    )
    notify_when_done = models.BooleanField(
        _("tell me when something is done about what I raised"), default=False
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["status", "created_on"]

    def __str__(self):
        return f"Contact request {self.pk} ({self.get_status_display()})"
