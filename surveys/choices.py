"""Answer sets with stable codes. Codes are stored; labels are translated for display."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = ("prefer_not", _("Prefer not to say"))


class Channel(models.TextChoices):
    QR = "qr", _("QR code")
    WEB_LINK = "web", _("Web link")
    PAPER = "paper", _("Paper card (freepost)")
    PHONE = "phone", _("Phone")
    EASY_READ = "easy_read", _("Easy read")
    INTERPRETER = "interpreter", _("Interpreter-assisted")
    KIOSK = "kiosk", _("Tablet in a shared space")


class OverallExperience(models.TextChoices):
    """Friends and Family Test style answers."""

    VERY_GOOD = "very_good", _("Very good")
    GOOD = "good", _("Good")
    NEITHER = "neither", _("Neither good nor poor")
    POOR = "poor", _("Poor")
    VERY_POOR = "very_poor", _("Very poor")
    DONT_KNOW = "dont_know", _("Don't know")


POSITIVE_EXPERIENCE = {OverallExperience.VERY_GOOD, OverallExperience.GOOD}
NEGATIVE_EXPERIENCE = {OverallExperience.POOR, OverallExperience.VERY_POOR}


class AscsSatisfaction(models.IntegerChoices):
    """Adult Social Care Survey Q1, for comparison with national figures (7 = best)."""

    EXTREMELY_SATISFIED = 7, _("I am extremely satisfied")
    VERY_SATISFIED = 6, _("I am very satisfied")
    QUITE_SATISFIED = 5, _("I am quite satisfied")
    NEITHER = 4, _("I am neither satisfied nor dissatisfied")
    QUITE_DISSATISFIED = 3, _("I am quite dissatisfied")
    VERY_DISSATISFIED = 2, _("I am very dissatisfied")
    EXTREMELY_DISSATISFIED = 1, _("I am extremely dissatisfied")


class AscsInformation(models.TextChoices):
    """Adult Social Care Survey: ease of finding information and advice."""

    VERY_EASY = "very_easy", _("Very easy to find")
    FAIRLY_EASY = "fairly_easy", _("Fairly easy to find")
    FAIRLY_DIFFICULT = "fairly_difficult", _("Fairly difficult to find")
    VERY_DIFFICULT = "very_difficult", _("Very difficult to find")
    NEVER_TRIED = "never_tried", _("I've never tried to find information or advice")


class HelpedBy(models.TextChoices):
    NO = "no", _("No, I filled it in myself")
    FAMILY = "family", _("Yes, a family member or friend")
    CARER = "carer", _("Yes, a carer")
    ADVOCATE = "advocate", _("Yes, an advocate")
    STAFF = "staff", _("Yes, a member of staff")
    INTERPRETER = "interpreter", _("Yes, an interpreter")


class FreeTextPurpose(models.TextChoices):
    WENT_WELL = "went_well", _("What went well")
    DO_BETTER = "do_better", _("What could be better")
    OTHER = "other", _("Other comment")


class AgeBand(models.TextChoices):
    UNDER_25 = "18_24", _("18 to 24")
    AGE_25_44 = "25_44", _("25 to 44")
    AGE_45_64 = "45_64", _("45 to 64")
    AGE_65_74 = "65_74", _("65 to 74")
    AGE_75_84 = "75_84", _("75 to 84")
    AGE_85_PLUS = "85_plus", _("85 or over")
    PREFER_NOT = PREFER_NOT_TO_SAY


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = PREFER_NOT_TO_SAY


class EthnicGroup(models.TextChoices):
    """The five high-level groups of the 2021 Census for England and Wales."""

    ASIAN = "asian", _("Asian or Asian British")
    BLACK = "black", _("Black, Black British, Caribbean or African")
    MIXED = "mixed", _("Mixed or multiple ethnic groups")
    WHITE = "white", _("White")
    OTHER = "other", _("Other ethnic group")
    PREFER_NOT = PREFER_NOT_TO_SAY


class CarerStatus(models.TextChoices):
    YES = "yes", _("Yes, I look after someone")
    NO = "no", _("No")
    PREFER_NOT = PREFER_NOT_TO_SAY


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT = PREFER_NOT_TO_SAY


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", _("Straight or heterosexual")
    GAY_LESBIAN = "gay_lesbian", _("Gay or lesbian")
    BISEXUAL = "bisexual", _("Bisexual")
    OTHER = "other", _("Another sexual orientation")
    PREFER_NOT = PREFER_NOT_TO_SAY


class Religion(models.TextChoices):
    NONE = "none", _("No religion")
    CHRISTIAN = "christian", _("Christian")
    BUDDHIST = "buddhist", _("Buddhist")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Another religion")
    PREFER_NOT = PREFER_NOT_TO_SAY


# The equality-monitoring fields, in the order the "About you" section asks them.
EQUALITY_FIELDS = {
    "age_band": (_("Age"), AgeBand),
    "disability": (_("Do you consider yourself to be disabled?"), Disability),
    "ethnic_group": (_("Ethnic group"), EthnicGroup),
    "carer_status": (_("Are you an unpaid carer?"), CarerStatus),
    "sex": (_("Sex"), Sex),
    "sexual_orientation": (_("Sexual orientation"), SexualOrientation),
    "religion": (_("Religion or belief"), Religion),
}
