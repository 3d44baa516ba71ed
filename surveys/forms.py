"""The resident's survey form, built from the survey's question blocks."""

import copy
import uuid
from dataclasses import dataclass

from django import forms
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.forms import GovUKFormMixin
from surveys import easy_read as easy_read_words
from surveys.blocks import FREE_TEXT_MAX_LENGTH
from surveys.choices import (
    EQUALITY_FIELDS,
    AscsInformation,
    AscsSatisfaction,
    Channel,
    HelpedBy,
    OverallExperience,
)
from surveys.models import ContactRequest
from surveys.submission import Comment, Submission

HONEYPOT_FIELD = "website"


def _limit():
    return formats.number_format(FREE_TEXT_MAX_LENGTH, force_grouping=True)


# GOV.UK error messages say what to do; the standard survey names the question in them.
REQUIRED_MESSAGES = {
    "overall": _("Select how your experience was"),
    "ascs_satisfaction": _("Select how satisfied or dissatisfied you are"),
    "ascs_information": _("Select how easy or difficult it was to find information and advice"),
    "went_well": _("Enter what went well"),
    "do_better": _("Enter what could be better"),
}
EASY_READ_REQUIRED_MESSAGES = {
    "overall": _("Please choose a face."),
    "ascs_satisfaction": _("Please choose a face."),
    "ascs_information": _("Please choose an answer."),
    "single_choice": _("Please choose an answer."),
    "multiple_choice": _("Please choose one or more answers."),
    "free_text": _("Please write your answer."),
}


def _error_messages(kind, block_type, question, easy_read):
    """Django's defaults ("This field is required.") replaced with what to do, per question."""
    # Django %-formats the messages that have params (max_length, invalid_choice): escape a %.
    plain, named = {"question": question}, {"question": question.replace("%", "%%")}
    if easy_read:
        required = EASY_READ_REQUIRED_MESSAGES[block_type]
        too_long = _("Please write less. Use %(limit)s letters or fewer.")
        invalid = _("Please choose an answer.")
    else:
        required = (
            REQUIRED_MESSAGES.get(kind)
            or {
                "free_text": _("Enter your answer to ‘%(question)s’"),
                "multiple_choice": _("Select at least one answer to ‘%(question)s’"),
            }.get(block_type, _("Select an answer to ‘%(question)s’"))
            % plain
        )
        too_long = _("Your answer to ‘%(question)s’ must be %(limit)s characters or fewer")
        invalid = _("Select one of the answers to ‘%(question)s’") % named
    return {
        "required": required,
        "max_length": lazy(lambda: too_long % {**named, "limit": _limit()}, str)(),
        "invalid_choice": invalid,
        "invalid_list": invalid,
    }


def _field_for_block(block_type, value, easy_read):
    kind = easy_read_words.question_kind(block_type, value)
    label = easy_read_words.question_words(block_type, value) if easy_read else value["question"]
    common = {
        "label": label,
        "required": bool(value.get("required")),
        "help_text": value.get("hint") or "",
        "error_messages": _error_messages(kind, block_type, value["question"], easy_read),
    }
    if block_type == "free_text":
        field = forms.CharField(
            max_length=FREE_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    elif block_type in {"single_choice", "multiple_choice"}:
        choices = [(option.id, option.value) for option in value["options"].bound_blocks]
        if block_type == "single_choice":
            field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        else:
            field = forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
    else:
        choices = {
            "overall": OverallExperience.choices,
            "ascs_satisfaction": AscsSatisfaction.choices,
            "ascs_information": AscsInformation.choices,
        }[block_type]
        field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if easy_read:
        picture = easy_read_words.question_picture(block_type, value)
        _make_easy_read(field, kind, picture, list(value.get("option_symbols") or []))
    return field


def _make_easy_read(field, kind, picture, symbols=()):
    """Easy read answer words, and the pictures the easy read template shows."""
    field.easy_read_picture = picture
    field.option_pictures = {}
    if hasattr(field, "choices"):
        field.choices, field.option_pictures = easy_read_words.answer_choices(
            kind, field.choices, symbols
        )


class SurveyResponseForm(GovUKFormMixin, forms.Form):
    """One short page: the questions, then the optional 'helped by' and 'About you' sections."""

    submission_token = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=_("Leave this blank"))

    def __init__(self, *args, survey, easy_read=False, questions=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.easy_read = easy_read
        if questions is None:
            questions = survey_questions(survey, easy_read)
            self.fields.update(questions.fields)
        else:  # kept by the caller
            self.fields.update({name: _own_copy(f) for name, f in questions.fields.items()})
        self.question_specs = questions.specs
        self.question_names = questions.names
        self.about_you_names = questions.about_you_names

    @staticmethod
    def _optional_choice(kind, label, choices, easy_read):
        field = forms.ChoiceField(
            label=label,
            choices=getattr(choices, "choices", choices),
            widget=forms.RadioSelect,
            required=False,
            error_messages={
                "invalid_choice": _("Select one of the answers to ‘%(question)s’")
                % {"question": str(label).replace("%", "%%")}
            },
        )
        if easy_read:
            label = easy_read_words.DEFAULT_QUESTION.get(kind, label)
            field.label = label
            _make_easy_read(
                field, kind, easy_read_words.PICTURES[easy_read_words.DEFAULT_SYMBOL[kind]]
            )
        return field

    def question_fields(self):
        """(bound field, block value) pairs, so templates can show easy read pictures."""
        return [
            (self[name], value)
            for name, (_key, _type, value) in zip(
                self.question_names, self.question_specs, strict=True
            )
        ]

    def about_you_fields(self):
        return [self[name] for name in self.about_you_names]

    def clean_submission_token(self):
        # A missing or mangled token can't dedupe anything, but it mustn't lose the answers.
        try:
            return uuid.UUID(self.cleaned_data["submission_token"])
        except ValueError:
            return uuid.uuid4()

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and self.to_submission().is_empty():
            message = (
                _("Please answer at least one question.")
                if self.easy_read
                else _("Answer at least one question before sending.")
            )
            raise forms.ValidationError(message, code="empty")
        return cleaned

    def to_submission(self):
        data = self.cleaned_data
        submission = Submission(
            helped_by=data.get("helped_by") or "",
            equality={name: data.get(name) or "" for name in self.about_you_names},
        )
        for (key, block_type, value), name in zip(
            self.question_specs, self.question_names, strict=True
        ):
            answer = data.get(name)
            if answer in (None, "", []):
                continue
            if block_type == "free_text":
                submission.comments.append(Comment(key, value["purpose"], answer))
            elif block_type == "overall" and not submission.overall:
                submission.overall = answer
            elif block_type == "ascs_satisfaction" and submission.ascs_satisfaction is None:
                submission.ascs_satisfaction = int(answer)
            elif block_type == "ascs_information" and not submission.ascs_information:
                submission.ascs_information = answer
            else:
                submission.answers[key] = answer
        return submission


def _own_copy(field):
    """A kept field for one form: its own widget attributes (errors change them), its choices
    shared (never changed once built). A deep copy spent most of its time copying choices."""
    copied = copy.copy(field)
    copied.widget = copy.copy(field.widget)
    copied.widget.attrs = dict(field.widget.attrs)
    copied.error_messages = dict(field.error_messages)
    copied.validators = list(field.validators)
    return copied


@dataclass(frozen=True)
class SurveyQuestions:
    """A survey's fields as `survey_questions` builds them, which a caller may keep and hand to
    each new form (surveys.rendering keeps the published version's): each form gets copies."""

    fields: dict
    specs: list
    names: list
    about_you_names: list


def survey_questions(survey, easy_read=False):
    """The fields for `survey`'s questions, 'helped by' and 'About you', in the active language."""
    fields, names, about_you_names = {}, [], []
    specs = survey.question_blocks()
    for key, block_type, value in specs:
        name = f"q_{key}"
        fields[name] = _field_for_block(block_type, value, easy_read)
        names.append(name)
    optional_choice = SurveyResponseForm._optional_choice
    if survey.include_helper_question:
        fields["helped_by"] = optional_choice(
            "helped_by", _("Did someone help you fill this in?"), HelpedBy.choices, easy_read
        )
    if survey.include_about_you:
        for name, (label, choices) in EQUALITY_FIELDS.items():
            if easy_read:
                label = easy_read_words.ABOUT_YOU_QUESTIONS[name]
            fields[name] = optional_choice("about_you", label, choices, easy_read)
            about_you_names.append(name)
    return SurveyQuestions(fields, specs, names, about_you_names)


class ContactRequestForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = ContactRequest
        fields = [
            *("name", "preferred_contact", "phone", "email", "postal_address", "needs"),
            "notify_when_done",
        ]
        widgets = {
            "preferred_contact": forms.RadioSelect,
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "name": _("Your name"),
            "preferred_contact": _("How should we contact you?"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "postal_address": _("Postal address"),
            "notify_when_done": _("Tell me when something is done about what I raised"),
        }
        help_texts = {
            "needs": _("For example, an interpreter, BSL, or a time that suits you."),
            "notify_when_done": _(
                "We will send a short email to the address above. It will not include what "
                "you wrote."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("preferred_contact")
        needed = {"phone": "phone", "text": "phone", "email": "email", "letter": "postal_address"}
        field = needed.get(method)
        if field and not cleaned.get(field):
            self.add_error(field, _("Enter how we can reach you, or choose another way."))
        if cleaned.get("notify_when_done") and not cleaned.get("email") and field != "email":
            self.add_error("email", _("Enter an email address so we can tell you."))
        return cleaned


class ReceiptLookupForm(GovUKFormMixin, forms.Form):
    receipt_code = forms.CharField(
        label=_("Your receipt code"),
        help_text=_("It is on your confirmation page and looks like K7QM-2XRD-PT."),
        max_length=20,
    )

    def clean_receipt_code(self):
        raw = self.cleaned_data["receipt_code"].upper().replace(" ", "").replace("-", "")
        if len(raw) != 10:
            raise forms.ValidationError(_("Enter the 10 letters and numbers of your receipt code."))
        return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


STAFF_CHANNELS = [
    (value, label)
    for value, label in Channel.choices
    if value in {Channel.PAPER, Channel.PHONE, Channel.EASY_READ, Channel.INTERPRETER}
]


class StaffEntryForm(SurveyResponseForm):
    """A paper card or phone call, keyed in by staff: adds the channel and the date given."""

    channel = forms.ChoiceField(label=_("Channel"), choices=STAFF_CHANNELS, initial=Channel.PAPER)
    date_given = forms.DateField(
        label=_("Date on the card, or of the call"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_date_given(self):
        value = self.cleaned_data["date_given"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date can't be in the future."))
        return value
