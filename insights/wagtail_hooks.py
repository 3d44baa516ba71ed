from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from insights.selectors import theme_summary_for_meeting


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("insights.view_dashboard")


@hooks.register("register_admin_menu_item")
def register_dashboard_menu():
    return DashboardMenuItem(
        _("Insights dashboard"), reverse("insights:dashboard"), icon_name="table", order=130
    )


@hooks.register("register_admin_menu_item")
def register_digest_menu():
    return DashboardMenuItem(
        _("Weekly digest"), reverse("insights:digests"), icon_name="mail", order=131
    )


@hooks.register("meeting_suggested_phrases")
def suggested_phrases_for_meeting(meeting):
    """The emerging phrases of the summary the board reads at this meeting."""
    summary = theme_summary_for_meeting(meeting=meeting)
    return [item["phrase"] for item in summary.get("emerging_phrases") or []]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("insights.export", _("Insights export"), _("Exported insights"))
