from django.db import models


class ReviewReminder(models.Model):
    """A reminder sent that a page's review date is near: one per page and review date, so
    moving the date on (after checking the page) starts the reminders again."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    review_by = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "review_by"], name="one_review_reminder_per_date"
            )
        ]

    def __str__(self):
        return f"Review reminder: page {self.page_id}, review by {self.review_by}"
