"""Admin reports: readability of every page, and care information past its review date."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from cms.models import ContentPage
from cms.selectors import page_readability, plain_english_terms, reviewed_page_models


def _page_types(base):

    models = [m for m in apps.get_app_config("cms").get_models() if issubclass(m, base)]
    return ContentType.objects.get_for_models(*models).values()


class ReadabilityReportView(PageReportView):
    """Reading age, long sentences and jargon for every English page, hardest first."""

    page_title = _("Readability")
    header_icon = "glasses"
    index_url_name = "cms_readability_report"
    index_results_url_name = "cms_readability_report_results"
    results_template_name = "cms/reports/readability_results.html"
    any_permission_required = ["add", "change", "publish"]
    paginate_by = None
    list_export = ["title", "reading_age", "long_sentence_count", "jargon_count", "warning_count"]
    export_headings = {
        "reading_age": _("Reading age"),
        "long_sentence_count": _("Long sentences"),
        "jargon_count": _("Jargon words"),
        "warning_count": _("Warnings"),
    }

    def get_queryset(self):
        return (
            Page.objects.filter(
                content_type__in=_page_types(ContentPage), locale__language_code="en"
            )
            .specific()
            .order_by("path")
        )

    def decorate_paginated_queryset(self, pages):
        terms = plain_english_terms()
        decorated = []
        for page in pages:
            result = page_readability(page, terms=terms)
            page.readability = result
            page.reading_age = result.analysis.reading_age if result.measured else None
            page.long_sentence_count = len(result.analysis.long_sentences) if result.measured else 0
            page.jargon_count = len(result.analysis.jargon) if result.measured else 0
            page.warning_count = result.warning_count
            decorated.append(page)
        return sorted(decorated, key=lambda page: -(page.reading_age or 0))


class ReviewDueReportView(PageReportView):
    """Care information whose review date has passed, oldest first."""

    page_title = _("Pages due for review")
    header_icon = "date"
    index_url_name = "cms_review_due_report"
    index_results_url_name = "cms_review_due_report_results"
    results_template_name = "cms/reports/review_due_results.html"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "review_by", "url"]
    export_headings = {"review_by": _("Review by")}

    def get_queryset(self):

        ids = [
            pk
            for model in reviewed_page_models()
            for pk in model.objects.filter(review_by__lt=timezone.localdate()).values_list(
                "pk", flat=True
            )
        ]
        return Page.objects.filter(pk__in=ids).specific().order_by("path")

    def decorate_paginated_queryset(self, pages):
        return sorted(pages, key=lambda page: page.review_by)
