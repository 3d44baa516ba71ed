from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights and themes"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from insights import signals
        from insights.models import Theme
        from surveys.signals import response_submitted

        response_submitted.connect(signals.queue_tagging, dispatch_uid="insights-queue-tagging")
        post_save.connect(signals.taxonomy_edited, sender=Theme, dispatch_uid="insights-theme-save")
        post_delete.connect(
            signals.taxonomy_edited, sender=Theme, dispatch_uid="insights-theme-del"
        )
