"""Engagement leads' weekly digest of new responses, one subscription per service."""

from django.conf import settings
from django.db import models


class DigestSubscription(models.Model):
    """A staff member asked for the weekly digest of one service's new responses."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscriptions"
    )
    service = models.ForeignKey(
        "surveys.Service", on_delete=models.CASCADE, related_name="digest_subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The last day of the week last sent: claimed before sending, so a second run sends nothing.
    sent_for_week_ending = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "service"], name="one_digest_per_service")
        ]

    def __str__(self):
        return f"{self.user} – {self.service}"
