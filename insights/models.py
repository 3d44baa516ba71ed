from django.db import models
from django.utils.translation import gettext_lazy as _

from insights.choices import QUALITY_STATEMENT_THEME, CqcQualityStatement


class Theme(models.Model):
    """A recurring theme in residents' feedback. Data, edited by staff in the admin."""

    name = models.CharField(max_length=120, unique=True)
    key = models.SlugField(max_length=80, unique=True, help_text=_("Stable identifier."))
    description = models.TextField(_("plain-English description"), blank=True)
    phrases = models.TextField(
        blank=True, help_text=_("Words and phrases that signal this theme, one per line.")
    )
    patterns = models.TextField(
        blank=True, help_text=_("Regular expressions for harder cases, one per line.")
    )
    cqc_quality_statement = models.CharField(
        _("CQC quality statement"), max_length=30, choices=CqcQualityStatement.choices,
        blank=True,
    )
    i_statements = models.TextField(
        _("Making It Real 'I statements'"), blank=True, help_text=_("One per line.")
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def cqc_theme(self):
        return QUALITY_STATEMENT_THEME.get(self.cqc_quality_statement, "")

    def phrase_list(self):
        return [line.strip() for line in self.phrases.splitlines() if line.strip()]

    def pattern_list(self):
        return [line.strip() for line in self.patterns.splitlines() if line.strip()]
