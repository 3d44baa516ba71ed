"""Audit log of who changed whose roles and permissions.

Entries go to Wagtail's log (Reports → Site history in the admin): administrators can read it,
nobody can edit it. Wagtail already logs who published what; surveys and insights log who
viewed or exported unredacted comments and contact details.

Loading fixtures (`loaddata`, `backup_restore`) changes nobody's roles, so it is not logged. It
saves each row with `raw=True` and then sets that same object's many-to-many fields, but
`m2m_changed` carries no `raw` flag: `mark_loaded_from_fixture` tags the object as it is saved,
and the handlers skip changes made through a tagged object.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.log_actions import log

ROLE_CHANGE_ACTIONS = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}
LOADED_FROM_FIXTURE = "_audit_loaded_from_fixture"


def mark_loaded_from_fixture(sender, instance, raw=False, **kwargs):
    """pre_save: remember that this object is being loaded from a fixture."""
    if raw:
        setattr(instance, LOADED_FROM_FIXTURE, True)


def _is_logged(action, instance):
    return action in ROLE_CHANGE_ACTIONS and not getattr(instance, LOADED_FROM_FIXTURE, False)


def user_roles_changed(sender, instance, action, model, pk_set, reverse, **kwargs):
    """A user's groups or own permissions changed (from either side of the relation)."""
    if not _is_logged(action, instance):
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
    if not _is_logged(action, instance) or reverse or not isinstance(instance, Group):
        return

    names = [str(p) for p in Permission.objects.filter(pk__in=pk_set or [])]
    log(
        instance=instance,
        action="core.roles_changed",
        data={"change": ROLE_CHANGE_ACTIONS[action], "what": names, "relation": "group"},
    )
