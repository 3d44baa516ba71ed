"""The admin's access needs and payments: each officer sees and changes only the records of
the boards they sit on as officer (coproduction.permissions), in listings, exports, every page
of one record, and the create and edit forms; saving goes through the services."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.actions import CreateAction, DeleteAction, EditAction
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from coproduction import exports, services
from coproduction.forms import MemberSupportAdminForm
from coproduction.models import AccessNeeds, InvolvementPayment


class OwnBoardsIndexView(generic.IndexView):
    list_select_related = ["membership__user", "membership__board"]

    def get_base_queryset(self):
        records = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )
        return records.select_related(*self.list_select_related)


class OwnBoardsObjectMixin:
    """One record's pages answer 404 for another board's record, so nobody learns it exists."""

    def get_object(self, *args, **kwargs):
        record = super().get_object(*args, **kwargs)
        allowed = self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["view", "change"], record
        )
        if not allowed:
            raise Http404
        return record


class ServiceErrorsMixin:
    """A service's ValidationError (say, a payment sent back a stage) goes back on the form."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class SupportCreateView(ServiceErrorsMixin, generic.CreateView):
    pass


class SupportEditView(ServiceErrorsMixin, OwnBoardsObjectMixin, generic.EditView):
    pass


class SupportDeleteView(OwnBoardsObjectMixin, generic.DeleteView):
    pass


class SupportHistoryView(OwnBoardsObjectMixin, history.HistoryView):
    pass


class SupportUsageView(OwnBoardsObjectMixin, usage.UsageView):
    pass


class PaymentIndexView(OwnBoardsIndexView):
    list_select_related = [*OwnBoardsIndexView.list_select_related, "meeting", "approved_by"]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Our columns and words, through core.spreadsheets (Wagtail's own export writes cells
        # as they are, formulas included).
        dataset = exports.payments_dataset(queryset)
        return exports.spreadsheet_response(dataset, spreadsheet_format, self.get_filename())


class MemberSupportViewSet(ModelViewSet):
    index_view_class = OwnBoardsIndexView
    add_view_class = SupportCreateView
    edit_view_class = SupportEditView
    delete_view_class = SupportDeleteView
    history_view_class = SupportHistoryView
    usage_view_class = SupportUsageView
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return type(
            f"{self.model.__name__}AdminForm",
            (MemberSupportAdminForm,),
            {"Meta": type("Meta", (), {"model": self.model, "fields": self.form_fields})},
        )


class AccessNeedsViewSet(MemberSupportViewSet):
    model = AccessNeeds
    url_prefix = "coproduction/accessneeds"
    url_namespace = "coproduction_accessneeds"
    icon = "help"
    form_fields = ["membership", *AccessNeeds.NEED_FIELDS, "other_needs"]
    list_display = ["membership", "bsl_interpreter", "easy_read_papers", "hearing_loop"]


class PaymentViewSet(MemberSupportViewSet):
    model = InvolvementPayment
    url_prefix = "coproduction/involvementpayment"
    url_namespace = "coproduction_involvementpayment"
    index_view_class = PaymentIndexView
    icon = "pick"
    form_fields = [
        "membership",
        "meeting",
        "kind",
        "amount",
        "description",
        "status",
        "claimed_on",
        "paid_on",
    ]
    list_display = ["membership", "kind", "amount", "status", "claimed_on", "approved_by"]
    list_filter = ["kind", "status"]
    # The export itself is PaymentIndexView.as_spreadsheet; these only switch its buttons on.
    list_export = ["membership", "kind", "amount", "status", "claimed_on", "paid_on"]
    export_filename = "involvement-payments"


# Wagtail's create and edit actions for these records hand over to the services, which check
# the member's board whoever calls (the admin views skip the actions' own checks).
class AccessNeedsActionMixin:
    def execute(self, skip_permission_checks=False):
        return services.access_needs_record(needs=self.instance, by=self.user)


class PaymentActionMixin:
    def execute(self, skip_permission_checks=False):
        return services.payment_record(payment=self.instance, by=self.user)


class AccessNeedsCreateAction(AccessNeedsActionMixin, CreateAction):
    pass


class AccessNeedsEditAction(AccessNeedsActionMixin, EditAction):
    pass


class PaymentCreateAction(PaymentActionMixin, CreateAction):
    pass


class PaymentEditAction(PaymentActionMixin, EditAction):
    pass


class SupportDeleteAction(DeleteAction):
    def execute(self, skip_permission_checks=False):
        if self.user is not None and not self.user_has_permission():
            raise PermissionDenied(_("Only the officers of the member's board can do that."))
        return super().execute(skip_permission_checks=skip_permission_checks)


SUPPORT_ACTIONS = {
    AccessNeeds: [AccessNeedsCreateAction, AccessNeedsEditAction, SupportDeleteAction],
    InvolvementPayment: [PaymentCreateAction, PaymentEditAction, SupportDeleteAction],
}
