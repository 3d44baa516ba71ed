import secrets
import uuid

from django.db import models


def _receipt_code():
    return secrets.token_hex(4).upper()


class Comment(models.Model):
    """One submission: the only row the baseline writes."""

    token = models.UUIDField(default=uuid.uuid4, unique=True)
    receipt_code = models.CharField(max_length=8, default=_receipt_code)
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.receipt_code
