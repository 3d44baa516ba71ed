"""The staff dashboard and the board's redacted dashboard."""

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from insights.dashboard import BOARD, STAFF
from insights.forms import DashboardFilterForm
from insights.views.rendering import dashboard_panels_context


class _DashboardView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "insights/dashboard.html"
    audience = STAFF
    raise_exception = False

    def handle_no_permission(self):

        if self.request.user.is_authenticated:
            raise PermissionDenied
        return super().handle_no_permission()

    def get_context_data(self, **kwargs):
        form = DashboardFilterForm(self.request.GET or None)
        context = super().get_context_data(form=form, **kwargs)
        if form.errors:
            return context  # the page shows what to correct, not another period's figures
        context.update(
            dashboard_panels_context(
                form.feedback_filter(), audience=self.audience, pair=form.pair()
            )
        )
        return context


class StaffDashboardView(_DashboardView):
    """Everything, for managers and officers: safeguarding count, exports and reports."""

    permission_required = "insights.view_dashboard"


class BoardDashboardView(_DashboardView):
    """The redacted dashboard for co-production board members."""

    permission_required = "themes.view_theme"
    audience = BOARD
