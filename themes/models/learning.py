from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeModelVersion(models.Model):
    """One accepted retrain of the model learned from staff reviews. Every server tags with
    the current row; older rows are kept so `themes retrain --rollback` can go back.

    The payload is JSON weights (`themes.analysis.review_model`), never a pickle: see
    docs/decisions/0013-learned-model-in-the-database.md."""

    created_at = models.DateTimeField(auto_now_add=True)
    is_current = models.BooleanField(default=False)
    format = models.CharField(max_length=40)
    payload = models.BinaryField()
    # Held-back scores before and after, overall and per theme (no comment text).
    scores = models.JSONField(default=dict)
    n_train = models.PositiveIntegerField(default=0)
    n_holdout = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_theme_model",
            )
        ]
        verbose_name = _("learned themes model")

    def __str__(self):
        return f"Themes model {self.pk}{' (current)' if self.is_current else ''}"
