"""Staff admin for co-production: boards, meetings, minutes, actions, invitations, support."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.actions import CreateAction, DeleteAction, EditAction
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents import get_document_model
from wagtail.permissions import register_permission_policy

from coproduction import papers, receipts, rules, safeguarding
from coproduction.forms import MeetingAdminForm, MinutesAdminForm, YouSaidWeDidFilterForm
from coproduction.models import (
    AccessNeeds,
    Action,
    Board,
    BoardMembership,
    InvolvementPayment,
    Meeting,
    Minutes,
)
from coproduction.panels import AttendeeNeedsPanel
from coproduction.permissions import MemberSupportPermissionPolicy
from coproduction.selectors import you_said_we_did_published
from coproduction.services import membership_groups_sync
from coproduction.views.follow_up_safeguarding import follow_up_flag
from coproduction.views.follow_ups_admin import FollowUpViewSet
from coproduction.views.minutes_admin import MINUTES_ACTIONS, MinutesEditView
from coproduction.views.support_admin import SUPPORT_ACTIONS, AccessNeedsViewSet, PaymentViewSet

# Before any viewset asks for a policy: a member's needs and payments stay with their board.
for _model in (AccessNeeds, InvolvementPayment):
    register_permission_policy(_model, MemberSupportPermissionPolicy(_model))
# Instead of Wagtail's own document policy: officers and engagement leads upload and choose
# papers, never another board's. `exact_class` wins over the one wagtail.documents registers in
# its AppConfig.ready, whichever runs first.
register_permission_policy(
    get_document_model(),
    papers.BoardPapersPermissionPolicy(
        get_document_model(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)

LOG_ACTIONS = [
    ("coproduction.minutes.circulate", _("Circulate minutes"), _("Minutes circulated to members")),
    ("coproduction.minutes.approve", _("Approve minutes"), _("Minutes approved by the chair")),
    ("coproduction.minutes.publish", _("Publish minutes"), _("Minutes published")),
    (
        "coproduction.minutes.send_back",
        _("Send minutes back to draft"),
        _("Minutes sent back to draft"),
    ),
    ("coproduction.minutes.correct", _("Correct minutes"), _("Correction of minutes started")),
    ("coproduction.action.close", _("Close action"), _("Action marked as done")),
    ("coproduction.action.drop", _("Drop action"), _("Action dropped")),
    ("coproduction.theme.adopt", _("Adopt theme"), _("Theme adopted as a priority")),
    ("coproduction.theme.decide", _("Theme decision"), _("Theme review decision recorded")),
    ("coproduction.minutes.comment", _("Comment on minutes"), _("Comment added to minutes")),
    ("coproduction.invitation.send", _("Send invitation"), _("Invitation sent")),
    ("coproduction.payment.approve", _("Approve payment"), _("Involvement payment approved")),
    (
        "coproduction.follow_up.view_unredacted",
        _("Read a flagged follow-up comment"),
        _("Flagged 'Is it better now?' comment read as typed"),
    ),
    (
        "coproduction.follow_up.safeguarding_outcome",
        _("Follow-up safeguarding outcome"),
        _("Outcome recorded for a flagged 'Is it better now?' comment"),
    ),
]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


class MembershipActionMixin:
    """Adding, changing or removing a seat in the admin also brings the person's role groups up
    to date (and those of the person it was taken from, if the seat changed hands)."""

    def execute(self, skip_permission_checks=False):
        # Checked even when the admin view has checked its own permissions: a model permission
        # can't say that only some roles may give an officer's seat.
        if self.user is not None and not rules.can_grant_board_role(self.user, self.instance.role):
            raise PermissionDenied("Only engagement leads and administrators can seat officers.")
        seat = BoardMembership.objects.filter(pk=self.instance.pk or None)
        user_ids = {*seat.values_list("user_id", flat=True), self.instance.user_id}
        with transaction.atomic():
            result = super().execute(skip_permission_checks=skip_permission_checks)
            for user in get_user_model().objects.filter(pk__in=user_ids):
                membership_groups_sync(user=user)
        return result


class MembershipCreateAction(MembershipActionMixin, CreateAction):
    pass


class MembershipEditAction(MembershipActionMixin, EditAction):
    pass


class MembershipDeleteAction(MembershipActionMixin, DeleteAction):
    pass


@hooks.register("register_actions")
def register_membership_actions(registry):
    for action_class in (MembershipCreateAction, MembershipEditAction, MembershipDeleteAction):
        registry.register(BoardMembership, action_class)


@hooks.register("register_actions")
def register_member_support_actions(registry):
    for model, action_classes in SUPPORT_ACTIONS.items():
        for action_class in action_classes:
            registry.register(model, action_class)


class BoardViewSet(ModelViewSet):
    model = Board
    url_prefix = "coproduction/board"
    url_namespace = "coproduction_board"
    icon = "group"
    form_fields = ["name", "slug", "purpose", "who_can_join"]
    list_display = ["name", "is_demo"]


class MembershipViewSet(ModelViewSet):
    model = BoardMembership
    url_prefix = "coproduction/boardmembership"
    url_namespace = "coproduction_boardmembership"
    icon = "user"
    # New members join by invitation (/board/<board>/invite/), which also gives them their role;
    # seats added, changed or removed here keep role groups in step (MembershipActionMixin).
    form_fields = ["board", "user", "role", "named_in_minutes", "left_on"]
    list_display = ["user", "board", "role", "is_demo"]
    list_filter = ["board", "role"]
    add_to_admin_menu = False
    menu_label = _("Members")


class ListSelectRelatedMixin:
    """`list_select_related` for a ModelViewSet's listing, so a column showing a related object
    doesn't cost a query per row."""

    list_select_related = []

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class MeetingViewSet(ListSelectRelatedMixin, ModelViewSet):
    model = Meeting
    url_prefix = "coproduction/meeting"
    url_namespace = "coproduction_meeting"
    icon = "date"
    list_display = ["title", "board", "starts_at", "is_demo"]
    list_filter = ["board"]
    list_select_related = ["board"]

    def get_edit_handler(self):
        # The meeting's own panels, with the attendees' needs before attendance, and a form
        # whose attendance offers only the board's members (MeetingAdminForm).
        panels = list(Meeting.panels)
        at = next(
            (i for i, p in enumerate(panels) if getattr(p, "relation_name", "") == "attendance"),
            len(panels),
        )
        panels.insert(at, AttendeeNeedsPanel(heading=_("Access needs of the people coming")))
        return ObjectList(panels, base_form_class=MeetingAdminForm).bind_to_model(Meeting)


@hooks.register("register_actions")
def register_minutes_actions(registry):
    for action_class in MINUTES_ACTIONS:
        registry.register(Minutes, action_class)


class MinutesViewSet(ListSelectRelatedMixin, ModelViewSet):
    """Only drafts save (MinutesAdminForm, MinutesEditAction); see views/minutes_admin.py."""

    model = Minutes
    url_prefix = "coproduction/minutes"
    url_namespace = "coproduction_minutes"
    icon = "doc-full"
    list_display = ["meeting", "status", "version", "is_demo"]
    list_filter = ["status"]
    list_select_related = ["meeting__board"]
    edit_view_class = MinutesEditView
    edit_handler = ObjectList(Minutes.panels, base_form_class=MinutesAdminForm)


class ActionViewSet(ListSelectRelatedMixin, ModelViewSet):
    model = Action
    url_prefix = "coproduction/action"
    url_namespace = "coproduction_action"
    icon = "tasks"
    list_display = ["title", "board", "owner", "due_on", "status", "is_demo"]
    list_filter = ["board", "status"]
    search_fields = ["title", "owner"]
    list_select_related = ["board"]


class CoproductionViewSetGroup(ViewSetGroup):
    menu_label = _("Co-production")
    menu_icon = "group"
    items = (
        BoardViewSet,
        MeetingViewSet,
        MinutesViewSet,
        ActionViewSet,
        MembershipViewSet,
        AccessNeedsViewSet,
        PaymentViewSet,
        FollowUpViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CoproductionViewSetGroup()


@hooks.register("you_said_we_did_listing")
def you_said_we_did_listing(request):
    """Fills the cms "You said, we did" page (cms sits below coproduction and can't import it)."""
    form = YouSaidWeDidFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return {
        "filter_form": form,
        "entries": you_said_we_did_published(**filters),
        "is_filtered": any(filters.values()),
    }


@hooks.register("public_board_links")
def public_board_links():
    """Each board's public page, for the cms home and "You said, we did" pages."""
    return [
        {
            "name": board.name,
            "purpose": board.purpose,
            "url": reverse("coproduction:board-public", kwargs={"slug": board.slug}),
        }
        for board in Board.objects.order_by("name")
    ]


@hooks.register("before_serve_document")
def keep_meeting_papers_to_their_board(document, request):
    """Meeting papers are served only to those who may read them (404 to anyone else, so
    nobody learns a paper exists); other documents stay public."""
    if not papers.paper_readable_by(request.user, document):
        raise Http404


@hooks.register("receipt_outcome")
def receipt_outcome(response):
    """Fills the receipt page's "What happened" (surveys sits below coproduction)."""
    return receipts.receipt_outcome(response)


@hooks.register("safeguarding_queue_items")
def follow_up_flags_in_the_queue():
    """Flagged 'Is it better now?' comments wait in the one safeguarding queue (themes)."""
    return safeguarding.follow_up_queue_items()


@hooks.register("safeguarding_open_count")
def follow_up_flags_waiting():
    return safeguarding.follow_up_open_count()


@hooks.register("register_admin_urls")
def register_follow_up_safeguarding_urls():
    urls = [path("follow-ups/<int:pk>/", follow_up_flag, name="follow-up")]
    return [path("safeguarding/", include((urls, "coproduction_safeguarding")))]
