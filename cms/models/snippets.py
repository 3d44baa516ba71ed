from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PlainEnglishTerm(index.Indexed, models.Model):
    """A word residents find hard, and the plain words to use instead. Editors keep the list."""

    term = models.CharField(
        _("word or phrase to avoid"),
        max_length=100,
        unique=True,
        help_text=_("For example: reablement"),
    )
    suggestion = models.CharField(
        _("plain English instead"),
        max_length=250,
        help_text=_("For example: support to get back on your feet"),
    )

    panels = [FieldPanel("term"), FieldPanel("suggestion")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("plain English term")
        verbose_name_plural = _("plain English terms")

    def __str__(self):
        return f"{self.term} → {self.suggestion}"

    def save(self, *args, **kwargs):
        self.term = self.term.strip().lower()
        super().save(*args, **kwargs)

    @classmethod
    def as_dict(cls):
        return dict(cls.objects.values_list("term", "suggestion"))
