import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.panels import ReadabilityPanel
from cms.text import stream_plain_text

REVIEW_PERIOD = datetime.timedelta(days=183)


def six_months_from_today():
    return timezone.localdate() + REVIEW_PERIOD


class ContentPage(Page):
    """Shared fields of public pages: a short summary and a readability check in the editor."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_(
            "One or two sentences saying what this page is for. Shown in lists and search."
        ),
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    content_panels = Page.content_panels + [ReadabilityPanel(), FieldPanel("summary")]
    long_sentence_words = 25

    class Meta:
        abstract = True

    def readable_text(self):
        """The words a reader meets, as plain text with one sentence or line per line."""
        parts = [self.title, self.summary]
        body = getattr(self, "body", None)
        if body is not None:
            parts.append(stream_plain_text(body))
        return "\n".join(part for part in parts if part)


class ReviewedPage(ContentPage):
    """Care information: it carries a review date so it never goes stale silently."""

    review_by = models.DateField(
        _("review by"),
        default=six_months_from_today,
        help_text=_("Check this page is still right by this date. Overdue pages are reported."),
    )

    class Meta:
        abstract = True

    @property
    def is_review_overdue(self):
        return self.review_by is not None and self.review_by < timezone.localdate()
