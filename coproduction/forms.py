from django import forms
from django.utils.translation import gettext_lazy as _

from coproduction import rules
from coproduction.choices import ActionStatus, BoardRole, ThemeDecision
from coproduction.models import Action, MinutesComment
from core.forms import GovUKFormMixin
from surveys.models import Service
from themes.models import Theme


class MinutesCommentForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = MinutesComment
        fields = ["body"]
        help_texts = {
            "body": _("Tell us if anything is wrong or missing. Officers read every comment.")
        }


class InvitationForm(GovUKFormMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role on the board"), choices=BoardRole.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, inviter=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the roles this person may give (an officer's seat makes its holder staff).
        self.fields["role"].choices = [
            (value, label)
            for value, label in BoardRole.choices
            if inviter is None or rules.can_grant_board_role(inviter, value)
        ]


class InvitationAcceptForm(GovUKFormMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. A few unrelated words together work well."),
    )


class ThemeDecisionForm(GovUKFormMixin, forms.Form):
    # Picked from the engine's suggestions, not typed: a typo would make a theme nobody uses.
    suggested_phrase = forms.ChoiceField(label=_("Suggested phrase"), widget=forms.RadioSelect)
    decision = forms.ChoiceField(
        label=_("What did the board decide?"),
        choices=ThemeDecision.choices,
        widget=forms.RadioSelect,
    )
    new_name = forms.CharField(
        label=_("New theme name (if renamed)"), max_length=120, required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Theme to merge into (if merged)"), required=False, queryset=None
    )
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggested_phrase"].choices = [(p, p) for p in suggestions]
        self.fields["theme"].queryset = Theme.objects.filter(is_active=True)


class ThemeAdoptForm(GovUKFormMixin, forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme to adopt as a priority"), queryset=None)
    owner = forms.CharField(label=_("Who will lead it (role or team)"), max_length=200)
    due_on = forms.DateField(
        label=_("Due date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(is_active=True)


class ActionProgressForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        widget=forms.RadioSelect,
        choices=[(s.value, s.label) for s in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)],
    )
    note = forms.CharField(
        label=_("Progress note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ActionCloseForm(GovUKFormMixin, forms.Form):
    you_said = forms.CharField(
        label=_("You said"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What residents told us, in plain English."),
    )
    we_did = forms.CharField(
        label=_("We did"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What changed, in plain English."),
    )


class ActionDropForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is this action being dropped?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class YouSaidWeDidFilterForm(GovUKFormMixin, forms.Form):
    """Filter "You said, we did" by service and theme (GET, by slug and key, so results can be
    bookmarked). Only filters that lead somewhere are offered."""

    service = forms.ModelChoiceField(
        label=_("Service"),
        required=False,
        queryset=Service.objects.none(),
        to_field_name="slug",
        empty_label=_("All services"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        to_field_name="key",
        empty_label=_("All themes"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = Action.objects.you_said_we_did()
        self.fields["service"].queryset = Service.objects.filter(
            board_actions__in=published
        ).distinct()
        self.fields["theme"].queryset = Theme.objects.filter(board_actions__in=published).distinct()
