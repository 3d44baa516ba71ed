import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduction.models.follow_ups import FOLLOW_UP_COMMENT_MAX_LENGTH, FollowUpAnswer
from core.forms import GovUKFormMixin
from surveys.easy_read import PICTURES

# Easy read words and a face for each answer (the survey's faces, so they read the same way).
EASY_READ_ANSWERS = {
    FollowUpAnswer.BETTER: (_("Better"), "face-good"),
    FollowUpAnswer.SAME: (_("The same"), "face-neither"),
    FollowUpAnswer.WORSE: (_("Worse"), "face-poor"),
}

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

    def __init__(self, *args, action, easy_read=False, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, prefix=f"change-{action.pk}", **kwargs)
        self.action = action
        self.easy_read = easy_read
        if easy_read:
            self._use_easy_read_words()

    def _use_easy_read_words(self):
        """One short sentence per label, a picture by each question and a face by each answer
        (read by surveys/_easy_read_field.html, as on the easy read survey)."""
        answer, comment = self.fields["answer"], self.fields["comment"]
        answer.label = _("Is it better now?")
        answer.choices = [(value, words) for value, (words, _p) in EASY_READ_ANSWERS.items()]
        answer.easy_read_picture = PICTURES["question"]
        answer.option_pictures = {
            str(value): PICTURES[name] for value, (_w, name) in EASY_READ_ANSWERS.items()
        }
        comment.label = _("Do you want to tell us more?")
        comment.help_text = _("You do not have to. Do not write your name.")
        comment.easy_read_picture = PICTURES["talk"]

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
