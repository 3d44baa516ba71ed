"""The CQC local authority assessment framework: 4 themes and 9 quality statements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CqcTheme(models.TextChoices):
    WORKING_WITH_PEOPLE = "working_with_people", _("Working with people")
    PROVIDING_SUPPORT = "providing_support", _("Providing support")
    ENSURING_SAFETY = (
        "ensuring_safety",
        _("How the local authority ensures safety within the system"),
    )
    LEADERSHIP = "leadership", _("Leadership")


class CqcQualityStatement(models.TextChoices):
    ASSESSING_NEEDS = "assessing_needs", _("Assessing needs")
    HEALTHIER_LIVES = "healthier_lives", _("Supporting people to live healthier lives")
    EQUITY = "equity", _("Equity in experience and outcomes")
    CARE_PROVISION = "care_provision", _("Care provision, integration and continuity")
    PARTNERSHIPS = "partnerships", _("Partnerships and communities")
    SAFE_PATHWAYS = "safe_pathways", _("Safe pathways, systems and transitions")
    SAFEGUARDING = "safeguarding", _("Safeguarding")
    GOVERNANCE = "governance", _("Governance, management and sustainability")
    LEARNING = "learning", _("Learning, improvement and innovation")


QUALITY_STATEMENT_THEME = {
    CqcQualityStatement.ASSESSING_NEEDS: CqcTheme.WORKING_WITH_PEOPLE,
    CqcQualityStatement.HEALTHIER_LIVES: CqcTheme.WORKING_WITH_PEOPLE,
    CqcQualityStatement.EQUITY: CqcTheme.WORKING_WITH_PEOPLE,
    CqcQualityStatement.CARE_PROVISION: CqcTheme.PROVIDING_SUPPORT,
    CqcQualityStatement.PARTNERSHIPS: CqcTheme.PROVIDING_SUPPORT,
    CqcQualityStatement.SAFE_PATHWAYS: CqcTheme.ENSURING_SAFETY,
    CqcQualityStatement.SAFEGUARDING: CqcTheme.ENSURING_SAFETY,
    CqcQualityStatement.GOVERNANCE: CqcTheme.LEADERSHIP,
    CqcQualityStatement.LEARNING: CqcTheme.LEADERSHIP,
}


class SafeguardingCategory(models.TextChoices):
    """The engine's safeguarding categories: the Care Act 2014 types of abuse and neglect, plus
    risk to self and other risk (``themes/analysis/data/safeguarding.json``)."""

    PHYSICAL = "physical_abuse", _("Physical abuse")
    SEXUAL = "sexual_abuse", _("Sexual abuse")
    PSYCHOLOGICAL = "psychological_abuse", _("Psychological or emotional abuse")
    FINANCIAL = "financial_abuse", _("Financial or material abuse")
    NEGLECT = "neglect", _("Neglect or acts of omission")
    SELF_NEGLECT = "self_neglect", _("Self-neglect")
    DISCRIMINATORY = "discriminatory_abuse", _("Discriminatory abuse")
    ORGANISATIONAL = "organisational_abuse", _("Organisational abuse")
    DOMESTIC = "domestic_abuse", _("Domestic abuse")
    MODERN_SLAVERY = "modern_slavery", _("Modern slavery")
    SELF_HARM = "self_harm_suicide", _("Suicidal thoughts or self-harm")
    ABUSE = "abuse", _("Abuse (type not stated)")
    RISK = "risk_of_harm", _("Other risk of harm")


def safeguarding_category_label(code):
    """The category in words; a code the list does not know yet is shown readably, not raw."""
    try:
        return SafeguardingCategory(code).label
    except ValueError:
        return code.replace("_", " ").capitalize()
