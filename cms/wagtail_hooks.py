"""Admin set-up for public information: plain-English words, reports, the content checker."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import PlainEnglishTerm
from cms.views import ReadabilityReportView, ReviewDueReportView


class PlainEnglishTermViewSet(SnippetViewSet):
    model = PlainEnglishTerm
    icon = "pilcrow"
    menu_label = _("Plain English words")
    add_to_admin_menu = False
    list_display = ["term", "suggestion"]
    search_fields = ["term", "suggestion"]


register_snippet(PlainEnglishTermViewSet)


class PageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/readability/", ReadabilityReportView.as_view(), name="cms_readability_report"
        ),
        path(
            "reports/readability/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="cms_readability_report_results",
        ),
        path("reports/review-due/", ReviewDueReportView.as_view(), name="cms_review_due_report"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="cms_review_due_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_readability_report_menu_item():
    return PageReportMenuItem(
        _("Readability"), reverse("cms_readability_report"), icon_name="glasses", order=1300
    )


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return PageReportMenuItem(
        _("Pages due for review"), reverse("cms_review_due_report"), icon_name="date", order=1310
    )


class AllRulesContentCheckerItem(ContentCheckerItem):
    """Wagtail's accessibility checker with every axe rule on, not only the default subset."""

    axe_run_only = None


@hooks.register("construct_wagtail_userbar")
def use_every_accessibility_rule(request, items, page):
    items[:] = [
        AllRulesContentCheckerItem(item.in_editor) if type(item) is ContentCheckerItem else item
        for item in items
    ]
