from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from core.models import CouncilSettings
from core.roles import is_administrator


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "core.roles_changed", _("Roles changed"), _("Changed roles or permissions")
    )


class DemoDataPanel(Component):
    """Tells staff, on the admin dashboard, that everything here is made up."""

    name = "demo_data"
    order = 10
    template_name = "core/admin/demo_data_panel.html"


@hooks.register("construct_homepage_panels")
def add_demo_data_panel(request, panels):

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site and CouncilSettings.for_site(site).is_demo:
        panels.insert(0, DemoDataPanel())


@hooks.register("construct_reports_menu")
def hide_site_history_from_all_but_administrators(request, menu_items):
    if not is_administrator(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
