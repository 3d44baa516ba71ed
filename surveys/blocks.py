"""Question blocks an engagement lead builds a survey from.

Each question's key is its StreamField block id: generated once, kept through edits and
translations, and used as the key of the stored answer.
"""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from surveys.choices import FreeTextPurpose
from surveys.easy_read import ANSWER_SYMBOL_CHOICES, SYMBOL_CHOICES, wording_errors

FREE_TEXT_MAX_LENGTH = 5000


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255)
    hint = blocks.CharBlock(required=False, max_length=255)
    required = blocks.BooleanBlock(required=False, default=False)
    easy_read_question = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text=_("Short words, one idea. Shown on the easy read version."),
    )
    symbol = blocks.ChoiceBlock(
        choices=SYMBOL_CHOICES,
        required=False,
        label=_("Easy read picture"),
        help_text=_("Shown beside the question on the easy read version, unless you upload one."),
    )
    picture = ImageChooserBlock(
        required=False, help_text=_("Your own picture for the easy read version.")
    )
    picture_alt = blocks.CharBlock(
        required=False, max_length=255, help_text=_("Describe the picture. Required with one.")
    )

    def clean(self, value):
        cleaned = super().clean(value)
        errors = {}
        if cleaned.get("picture") and not cleaned.get("picture_alt"):
            errors["picture_alt"] = ValidationError(
                _("Describe the picture for people who can't see it.")
            )
        wording = wording_errors(cleaned.get("easy_read_question") or "")
        if wording:
            errors["easy_read_question"] = ValidationError(wording)
        if errors:
            raise blocks.StructBlockValidationError(errors)
        return cleaned

    class Meta:
        abstract = True


class OverallExperienceBlock(QuestionBlock):
    """Friends and Family Test style overall question."""

    question = blocks.CharBlock(
        max_length=255, default="Overall, how was your experience of our service?"
    )
    required = blocks.BooleanBlock(required=False, default=True)

    class Meta:
        icon = "pick"
        label = _("Overall experience (Friends and Family Test)")


class FreeTextBlock(QuestionBlock):
    purpose = blocks.ChoiceBlock(choices=FreeTextPurpose.choices, default=FreeTextPurpose.OTHER)

    class Meta:
        icon = "edit"
        label = _("Free text")


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(blocks.CharBlock(max_length=255), min_num=2)
    # By position, not by words: a translated survey keeps its pictures (choices are not
    # translated, so every language's copy shows the same picture by the same answer).
    option_symbols = blocks.ListBlock(
        blocks.ChoiceBlock(choices=ANSWER_SYMBOL_CHOICES, required=False),
        default=[],
        label=_("Easy read pictures for the answers"),
        help_text=_("One for each answer, in the same order as the answers above."),
    )

    def clean(self, value):
        cleaned = super().clean(value)
        if len(cleaned.get("option_symbols") or []) > len(cleaned.get("options") or []):
            raise blocks.StructBlockValidationError(
                {
                    "option_symbols": ValidationError(
                        _("There are more pictures than answers. Remove the extra pictures.")
                    )
                }
            )
        return cleaned

    class Meta:
        abstract = True


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class AscsSatisfactionBlock(QuestionBlock):
    """Adult Social Care Survey satisfaction question (seven answers)."""

    question = blocks.CharBlock(
        max_length=255,
        default=(
            "Overall, how satisfied or dissatisfied are you with the care and support "
            "services you receive?"
        ),
    )

    class Meta:
        icon = "list-ol"
        label = _("Template: ASCS satisfaction")


class AscsInformationBlock(QuestionBlock):
    """Adult Social Care Survey question on finding information and advice."""

    question = blocks.CharBlock(
        max_length=255,
        default=(
            "In the past year, have you generally found it easy or difficult to find "
            "information and advice about support, services or benefits?"
        ),
    )

    class Meta:
        icon = "help"
        label = _("Template: ASCS finding information")


class QuestionStreamBlock(blocks.StreamBlock):
    overall = OverallExperienceBlock()
    free_text = FreeTextBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    ascs_satisfaction = AscsSatisfactionBlock()
    ascs_information = AscsInformationBlock()

    class Meta:
        min_num = 1


def choice_options(*labels):
    """Options in ListBlock's stored form, with ids, for surveys built in code (demo, tests).

    Answers are stored by option id, so ids must be fixed when the survey is first saved.
    """

    return [{"type": "item", "value": label, "id": str(uuid.uuid4())} for label in labels]
