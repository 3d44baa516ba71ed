from django.db import models
from django.utils.translation import gettext_lazy as _

from themes.analysis import Theme as AnalysisTheme
from themes.choices import QUALITY_STATEMENT_THEME, CqcQualityStatement


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class Theme(models.Model):
    """A recurring theme in residents' feedback. Data, edited by staff in the admin."""

    name = models.CharField(max_length=120, unique=True)
    key = models.SlugField(max_length=80, unique=True, help_text=_("Stable identifier."))
    description = models.TextField(_("plain-English description"), blank=True)
    phrases = models.TextField(
        blank=True, help_text=_("Words and phrases that signal this theme, one per line.")
    )
    problem_phrases = models.TextField(
        blank=True,
        help_text=_("Phrases that describe a problem on their own ('waiting list'), one per line."),
    )
    patterns = models.TextField(
        blank=True, help_text=_("Regular expressions for harder cases, one per line.")
    )
    negative_only = models.BooleanField(
        default=False, help_text=_("Only tag this theme when the comment is critical.")
    )
    cqc_quality_statements = models.JSONField(
        _("CQC quality statements"),
        default=list,
        blank=True,
        help_text=_("Codes from the CQC local authority assessment framework."),
    )
    i_statements = models.TextField(
        _("Making It Real 'I statements'"), blank=True, help_text=_("One per line.")
    )
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_safeguarding = models.BooleanField(
        default=False, help_text=_("Mentions are kept out of board packs and public reports.")
    )

    class Meta:
        # Moved from the insights app: the table keeps its name (see themes/migrations/0001).
        db_table = "insights_theme"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def cqc_themes(self):
        return sorted(
            {
                QUALITY_STATEMENT_THEME[c]
                for c in self.cqc_quality_statements
                if c in QUALITY_STATEMENT_THEME
            }
        )

    def cqc_statement_labels(self):
        return [
            CqcQualityStatement(c).label
            for c in self.cqc_quality_statements
            if c in CqcQualityStatement.values
        ]

    def to_analysis_theme(self):
        """The plain-Python theme the NLTK engine matches with."""

        return AnalysisTheme(
            key=self.key,
            name=self.name,
            phrases=_lines(self.phrases),
            patterns=_lines(self.patterns),
            negative_only=self.negative_only,
            problem_phrases=_lines(self.problem_phrases),
            description=self.description,
        )


class PhraseDecision(models.Model):
    """What a board decided about a phrase the engine suggested. A decided phrase is not
    suggested again (a rejected one stays rejected) until staff reopen it, which deletes this."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Became a theme")
        MERGED = "merged", _("Merged into a theme")
        REJECTED = "rejected", _("Rejected")

    phrase = models.CharField(max_length=200, unique=True, help_text=_("Lower case."))
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL)
    decided_on = models.DateField()

    class Meta:
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase

    @staticmethod
    def normalise(phrase):
        return " ".join(phrase.split()).lower()
