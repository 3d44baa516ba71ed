from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="core.sync_roles")
        self._connect_audit_log()
        self._forget_locales_when_they_change()
        self._reload_site_settings_when_they_change()

    def _forget_locales_when_they_change(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from core.locales import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="core.forget_locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="core.forget_locales_d")

    def _reload_site_settings_when_they_change(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from core.models import CouncilSettings
        from core.site_memo import site_settings_changed

        for model in (Site, CouncilSettings):
            for signal in (post_save, post_delete):
                signal.connect(site_settings_changed, sender=model, weak=False)

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
