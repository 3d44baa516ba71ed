from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights and themes"

    def ready(self):
        from insights import signals
        from surveys.signals import comments_text_removed, response_submitted, retention_due

        response_submitted.connect(signals.queue_tagging, dispatch_uid="insights-queue-tagging")
        comments_text_removed.connect(
            signals.clear_removed_comment_text, dispatch_uid="insights-clear-removed-text"
        )
        retention_due.connect(
            signals.delete_old_export_files, dispatch_uid="insights-delete-old-export-files"
        )
