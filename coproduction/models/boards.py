import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduction.choices import CHAIR_ROLES, BoardRole, PaymentKind, PaymentStatus


class Board(models.Model):
    """A co-production board, forum or partnership board."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    purpose = models.TextField(
        _("what the board does"), blank=True, help_text=_("Plain English. Shown publicly.")
    )
    who_can_join = models.TextField(
        _("who can join"),
        blank=True,
        help_text=_("Who can join and how to ask. Plain English. Shown publicly."),
    )
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("coproduction:board-detail", kwargs={"slug": self.slug})


class BoardMembership(models.Model):
    """Someone's seat on a board, and the role they hold there."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_memberships"
    )
    role = models.CharField(max_length=20, choices=BoardRole.choices)
    named_in_minutes = models.BooleanField(
        _("agrees to be named in published minutes"),
        default=False,
        help_text=_("Otherwise minutes record what people said by their role only."),
    )
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["board", "role", "user__first_name"]
        constraints = [models.UniqueConstraint(fields=["board", "user"], name="one_seat_per_board")]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.email} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.left_on is None

    @property
    def is_chair(self):
        return self.role in CHAIR_ROLES


class AccessNeeds(models.Model):
    """What a member needs to take part. Seen only by the officers who arrange it."""

    membership = models.OneToOneField(
        BoardMembership, on_delete=models.CASCADE, related_name="access_needs"
    )
    bsl_interpreter = models.BooleanField(_("BSL interpreter"), default=False)
    easy_read_papers = models.BooleanField(_("easy read papers"), default=False)
    large_print = models.BooleanField(_("large print papers"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    regular_breaks = models.BooleanField(_("regular breaks"), default=False)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    other_needs = models.TextField(_("anything else"), blank=True)

    # The yes/no needs, in the order a meeting's arrangements are checked.
    NEED_FIELDS = [
        "bsl_interpreter",
        "easy_read_papers",
        "large_print",
        "hearing_loop",
        "step_free_access",
        "regular_breaks",
    ]

    class Meta:
        verbose_name = _("access needs")
        verbose_name_plural = _("access needs")

    def __str__(self):
        return f"Access needs: {self.membership}"

    def needs(self):
        """The codes of the yes/no needs this member has."""
        return [name for name in self.NEED_FIELDS if getattr(self, name)]


class InvolvementPayment(models.Model):
    """An involvement payment or expenses claim for a member. Officers only."""

    membership = models.ForeignKey(
        BoardMembership, on_delete=models.PROTECT, related_name="payments"
    )
    meeting = models.ForeignKey(
        "coproduction.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payments",
    )
    kind = models.CharField(max_length=20, choices=PaymentKind.choices)
    amount = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), _("Enter an amount of at least £0.01."))],
    )
    description = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.CLAIMED
    )
    claimed_on = models.DateField(default=timezone.localdate)
    paid_on = models.DateField(null=True, blank=True)
    # Who approved it, and when; the audit log keeps the same should the account go.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-claimed_on"]

    def __str__(self):
        return f"{self.get_kind_display()} £{self.amount} ({self.membership})"

    def clean(self):
        today = timezone.localdate()
        errors = {}
        if self.claimed_on and self.claimed_on > today:
            errors["claimed_on"] = _("A claim cannot be dated in the future.")
        if self.status == PaymentStatus.PAID and not self.paid_on:
            errors["paid_on"] = _("Give the date it was paid.")
        elif self.paid_on and self.status != PaymentStatus.PAID:
            errors["paid_on"] = _("Only a paid payment has a date paid.")
        elif self.paid_on and self.paid_on > today:
            errors["paid_on"] = _("The date paid cannot be in the future.")
        elif self.paid_on and self.claimed_on and self.paid_on < self.claimed_on:
            errors["paid_on"] = _("The date paid cannot be before the date claimed.")
        other_board = (
            self.meeting_id
            and self.membership_id
            and (self.meeting.board_id != self.membership.board_id)
        )
        if other_board:
            errors["meeting"] = _("Choose a meeting of the member's own board.")
        if errors:
            raise ValidationError(errors)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class BoardInvitation(models.Model):
    """An invitation by email to join a board in a role. Only the token's hash is stored."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=BoardRole.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email} to {self.board}"

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)

    @property
    def is_usable(self):
        return self.accepted_at is None and timezone.now() < self.expires_at
