from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def receipt_digest(receipt_code):
    """A keyed hash of a receipt code: enough to recognise the code again, useless without the
    site's secret key, and tied to no answers (those are gone)."""
    return salted_hmac("surveys.closed-receipt", receipt_code).hexdigest()


class ClosedReceipt(models.Model):
    """A receipt whose feedback no longer exists, so its page can say why rather than 'not
    found'. Keeps only the code's hash, why it closed and the day."""

    class Reason(models.TextChoices):
        WITHDRAWN = "withdrawn", _("Taken back by the resident")
        RETENTION = "retention", _("Deleted when its keeping period ended")

    code_digest = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    closed_on = models.DateField()

    def __str__(self):
        return f"Closed receipt ({self.get_reason_display()}, {self.closed_on})"

    @classmethod
    def for_code(cls, receipt_code):
        return cls.objects.filter(code_digest=receipt_digest(receipt_code)).first()
