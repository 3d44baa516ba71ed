from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "core.roles_changed", _("Roles changed"), _("Changed roles or permissions")
    )
