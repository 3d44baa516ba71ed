from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Themes and safeguarding"

    def ready(self):
        from surveys.signals import comments_text_removed, response_submitted
        from themes import receivers

        response_submitted.connect(receivers.queue_tagging, dispatch_uid="themes-queue-tagging")
        comments_text_removed.connect(
            receivers.clear_removed_comment_text, dispatch_uid="themes-clear-removed-text"
        )
