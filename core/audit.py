"""Audit log of who changed whose roles and permissions.

Entries go to Wagtail's log (Reports → Site history in the admin): administrators can read it,
nobody can edit it. Wagtail already logs who published what; surveys and insights log who
viewed or exported unredacted comments and contact details.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.log_actions import log

ROLE_CHANGE_ACTIONS = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}


def user_roles_changed(sender, instance, action, model, pk_set, reverse, **kwargs):
    """A user's groups or own permissions changed (from either side of the relation)."""
    if action not in ROLE_CHANGE_ACTIONS:
        return
    users = [instance] if not reverse else get_user_model().objects.filter(pk__in=pk_set or [])
    changed = [] if not reverse else [instance]
    if not reverse:
        changed = list(model.objects.filter(pk__in=pk_set or []))
    for user in users:
        log(
            instance=user,
            action="core.roles_changed",
            data={
                "change": ROLE_CHANGE_ACTIONS[action],
                "what": [str(item) for item in changed],
                "relation": sender._meta.model_name,
            },
        )


def group_permissions_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ROLE_CHANGE_ACTIONS or reverse or not isinstance(instance, Group):
        return
    from django.contrib.auth.models import Permission

    names = [str(p) for p in Permission.objects.filter(pk__in=pk_set or [])]
    log(
        instance=instance,
        action="core.roles_changed",
        data={"change": ROLE_CHANGE_ACTIONS[action], "what": names, "relation": "group"},
    )
