from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights and themes"

    def ready(self):
        from insights import signals
        from surveys.signals import comments_text_removed, response_submitted

        response_submitted.connect(signals.queue_tagging, dispatch_uid="insights-queue-tagging")
        comments_text_removed.connect(
            signals.clear_removed_comment_text, dispatch_uid="insights-clear-removed-text"
        )
