from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights and reports"

    def ready(self):
        from insights import signals
        from surveys.signals import response_withdrawn, retention_due
        from themes.signals import response_analysed, theme_merged

        response_analysed.connect(signals.refresh_rollups, dispatch_uid="insights-refresh-rollups")
        theme_merged.connect(
            signals.recount_merged_theme, dispatch_uid="insights-recount-merged-theme"
        )
        response_withdrawn.connect(
            signals.drop_withdrawn_response, dispatch_uid="insights-drop-withdrawn-response"
        )
        retention_due.connect(
            signals.delete_old_export_files, dispatch_uid="insights-delete-old-export-files"
        )
