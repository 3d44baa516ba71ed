from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="core.sync_roles")
        self._connect_audit_log()

    def _connect_audit_log(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, pre_save

        from core import audit

        user_model = get_user_model()
        for model in (user_model, Group):
            pre_save.connect(audit.mark_loaded_from_fixture, sender=model, weak=False)
        for through in (user_model.groups.through, user_model.user_permissions.through):
            m2m_changed.connect(audit.user_roles_changed, sender=through, weak=False)
        m2m_changed.connect(
            audit.group_permissions_changed, sender=Group.permissions.through, weak=False
        )
