import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduction.models.follow_ups import FOLLOW_UP_COMMENT_MAX_LENGTH, FollowUpAnswer
from core.forms import GovUKFormMixin

# The survey's honeypot name: a field people never see, that form-filling bots complete.
HONEYPOT_FIELD = "website"


class FollowUpForm(GovUKFormMixin, forms.Form):
    """'Is it better now?' for one 'You said, we did' entry. Prefixed by the entry, so several
    can sit on one page (the receipt page) with ids of their own."""

    answer = forms.ChoiceField(
        label=_("Since this change, has it got better, stayed the same, or got worse for you?"),
        choices=FollowUpAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose better, the same or worse.")},
    )
    comment = forms.CharField(
        label=_("Tell us more (optional)"),
        help_text=_("Do not include your name or anything that could identify you."),
        required=False,
        max_length=FOLLOW_UP_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
    )
    submission_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, prefix=f"change-{action.pk}", **kwargs)
        self.action = action

    def clean_submission_token(self):
        # A missing or mangled token can't dedupe anything, but it mustn't lose the answer.
        try:
            return uuid.UUID(self.cleaned_data["submission_token"])
        except ValueError:
            return uuid.uuid4()

    def is_spam(self):
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD)))

    @property
    def honeypot_name(self):
        return self.add_prefix(HONEYPOT_FIELD)
