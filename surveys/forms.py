"""The resident's survey form, built from the survey's question blocks."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import GovUKFormMixin
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


def _field_for_block(block_type, value, easy_read):
    label = (easy_read and value.get("easy_read_question")) or value["question"]
    common = {
        "label": label,
        "required": bool(value.get("required")),
        "help_text": value.get("hint") or "",
    }
    if block_type == "free_text":
        return forms.CharField(
            max_length=FREE_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    if block_type in {"single_choice", "multiple_choice"}:
        choices = [(option.id, option.value) for option in value["options"].bound_blocks]
        if block_type == "single_choice":
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    choices = {
        "overall": OverallExperience.choices,
        "ascs_satisfaction": AscsSatisfaction.choices,
        "ascs_information": AscsInformation.choices,
    }[block_type]
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)


class SurveyResponseForm(GovUKFormMixin, forms.Form):
    """One short page: the questions, then the optional 'helped by' and 'About you' sections."""

    submission_token = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=_("Leave this blank"))

    def __init__(self, *args, survey, easy_read=False, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.question_specs = survey.question_blocks()
        self.question_names = []
        for key, block_type, value in self.question_specs:
            name = f"q_{key}"
            self.fields[name] = _field_for_block(block_type, value, easy_read)
            self.question_names.append(name)
        self.about_you_names = []
        if survey.include_helper_question:
            self.fields["helped_by"] = forms.ChoiceField(
                label=_("Did someone help you fill this in?"),
                choices=HelpedBy.choices,
                widget=forms.RadioSelect,
                required=False,
            )
        if survey.include_about_you:
            for name, (label, choices) in EQUALITY_FIELDS.items():
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=choices.choices,
                    widget=forms.RadioSelect,
                    required=False,
                )
                self.about_you_names.append(name)

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
            raise forms.ValidationError(
                _("Answer at least one question before sending."), code="empty"
            )
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
