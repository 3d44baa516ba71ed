from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from coproduction import rules, selectors, services
from coproduction.choices import ActionStatus, BoardRole, ThemeDecision
from coproduction.models import Action, BoardMembership, Meeting, MinutesComment
from core.forms import GovUKFormMixin
from surveys.models import Service
from themes.models import Theme


class MinutesCommentForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = MinutesComment
        fields = ["body"]
        help_texts = {
            "body": _(
                "Tell us if anything is wrong or missing. The chair and the officers read "
                "every comment."
            )
        }


class MinutesSendBackForm(GovUKFormMixin, forms.Form):
    note = forms.CharField(
        label=_("What needs to change?"),
        help_text=_("Members who commented will see this note."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MinutesCorrectionForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What needs correcting?"),
        help_text=_(
            "This starts version %(number)s. It goes to members and the chair again, and the "
            "public page says what changed."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, next_version=2, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.help_text = field.help_text % {"number": next_version}


class MinutesAdminForm(WagtailAdminModelForm):
    """The admin's minutes form refuses to save minutes that are no longer a draft."""

    def clean(self):
        try:
            services.minutes_assert_editable(minutes=self.instance)
        except services.MinutesLocked as locked:
            raise forms.ValidationError(str(locked), code="locked") from locked
        return super().clean()


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


OWNER_EMAIL_HINT = _(
    "Reminders go here. If nobody has agreed to lead it yet, leave this blank: the action shows "
    "as needing an owner and the board's officers are reminded each week."
)


class ThemeAdoptForm(GovUKFormMixin, forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme to adopt as a priority"), queryset=None)
    owner = forms.CharField(
        label=_("Who will lead it (role or team)"), max_length=200, required=False
    )
    owner_email = forms.EmailField(
        label=_("Their email address"), required=False, help_text=OWNER_EMAIL_HINT
    )
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


class ActionAssignForm(GovUKFormMixin, forms.Form):
    owner = forms.CharField(
        label=_("Who will lead it (role or team)"), max_length=200, required=False
    )
    owner_email = forms.EmailField(
        label=_("Their email address"), required=False, help_text=OWNER_EMAIL_HINT
    )
    due_on = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ActionLogFilterForm(GovUKFormMixin, forms.Form):
    """Filter the action log (GET, so a filtered log can be bookmarked and exported). Only
    owners and themes that some action has are offered; the board filter only across boards."""

    board = forms.ModelChoiceField(
        label=_("Board"),
        required=False,
        queryset=None,
        to_field_name="slug",
        empty_label=_("All your boards"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *ActionStatus.choices]
    )
    owner = forms.ChoiceField(label=_("Who"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=None,
        to_field_name="key",
        empty_label=_("All themes"),
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    needs_owner = forms.BooleanField(label=_("Needing an owner only"), required=False)

    def __init__(self, *args, boards, single_board=False, **kwargs):
        super().__init__(*args, **kwargs)
        actions = Action.objects.filter(board__in=boards)
        if single_board:
            del self.fields["board"]
        else:
            self.fields["board"].queryset = boards
        owners = actions.exclude(owner="").order_by("owner").values_list("owner", flat=True)
        self.fields["owner"].choices = [("", _("Anyone")), *((o, o) for o in owners.distinct())]
        self.fields["theme"].queryset = Theme.objects.filter(board_actions__in=actions).distinct()


class MemberSupportAdminForm(WagtailAdminModelForm):
    """Admin form for access needs and payments: only members (and meetings) of the boards the
    person supports can be chosen, so a record can't be made or moved onto another board."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        boards = selectors.boards_supported_by(user=self.for_user)
        self.fields["membership"].queryset = BoardMembership.objects.filter(
            board__in=boards
        ).select_related("user", "board")
        self.fields["membership"].label_from_instance = _membership_label
        if "meeting" in self.fields:
            self.fields["meeting"].queryset = Meeting.objects.filter(
                board__in=boards
            ).select_related("board")


def _membership_label(membership):
    return f"{membership} – {membership.board}"


class MeetingAdminForm(WagtailAdminModelForm):
    """The meeting form in the admin: attendance offers, and accepts, only the board's members."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attendance = self.formsets.get("attendance")
        if attendance is not None and self.instance.board_id:
            attendance.form = _members_only(attendance.form, self.instance.board_id)

    def clean(self):
        cleaned = super().clean()
        board = cleaned.get("board")
        attendance = self.formsets.get("attendance")
        if board is None or attendance is None or not attendance.is_valid():
            return cleaned
        strangers = [form for form in attendance.forms if _is_stranger(form, board)]
        for form in strangers:
            form.add_error("membership", _("Choose a member of this meeting's board."))
        if strangers:
            self.add_error(None, _("Attendance lists only members of the meeting's board."))
        return cleaned


def _is_stranger(form, board):
    data = form.cleaned_data
    membership = data.get("membership")
    return not data.get("DELETE") and membership is not None and membership.board_id != board.pk


def _members_only(form_class, board_id):
    members = BoardMembership.objects.filter(board_id=board_id).select_related("user")

    class BoardMembersOnly(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["membership"].queryset = members

    return BoardMembersOnly


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
