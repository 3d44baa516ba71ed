"""Exports and reports made in the background, kept in the database so any app server can serve
the download (the app servers share nothing but PostgreSQL)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportExport(models.Model):
    """One requested export: what, for whom, how far it has got, and the file when ready."""

    class Kind(models.TextChoices):
        THEMES = "themes", _("Themes by month (counts)")
        SUMMARY = "summary", _("Theme summary (with change and quotes)")
        CQC_PACK = "cqc_pack", _("CQC evidence pack")
        LOCAL_ACCOUNT = "local_account", _("Local Account feedback chapter")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready to download")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Deleted after the days exports are kept: make it again")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    file_format = models.CharField(max_length=10)
    params = models.JSONField(default=dict, blank=True)
    include_free_text = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    rows = models.PositiveIntegerField(default=0)
    filename = models.CharField(max_length=120, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    content = models.BinaryField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("view_dashboard", "Can see the staff insights dashboard and reports"),
            ("export_report", "Can export themes, summaries and reports"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.file_format}) for {self.requested_by_id}"

    @property
    def is_ready(self):
        return self.status == self.Status.DONE
