from django.db.models import Count, Q
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from surveys.models import Service, SurveyPage, Touchpoint
from surveys.staff import urls as staff_urls


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("feedback/", include(staff_urls, namespace="surveys_staff"))]


class QrLinksColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">SVG</a> · <a href="{}">PNG</a> · <a href="{}?touchpoint={}&output=pdf">'
            "{}</a>",
            reverse("surveys_staff:qr-svg", args=[instance.pk]),
            reverse("surveys_staff:qr-png", args=[instance.pk]),
            reverse("surveys_staff:cards"),
            instance.pk,
            _("Card (PDF)"),
        )


class TouchpointViewSet(SnippetViewSet):
    model = Touchpoint
    icon = "pick"
    menu_label = _("Touchpoints")
    list_display = [
        "name",
        "code",
        "service",
        "is_active",
        Column(
            "responses_this_month", label=_("Responses this month"), sort_key="responses_this_month"
        ),
        Column("responses_total", label=_("Responses in total"), sort_key="responses_total"),
        QrLinksColumn("qr", label=_("QR code")),
    ]
    list_filter = ["service", "is_active"]
    search_fields = ["name", "code"]

    def get_queryset(self, request):
        return touchpoints_with_response_counts(timezone.localdate())


def touchpoints_with_response_counts(today):
    """Touchpoints with `responses_this_month` (since the 1st of `today`'s month) and
    `responses_total`, counted in the listing's own query rather than once per row."""
    since = today.replace(day=1)
    return Touchpoint.objects.select_related("service").annotate(
        responses_this_month=Count("responses", filter=Q(responses__submitted_on__gte=since)),
        responses_total=Count("responses"),
    )


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "group"
    menu_label = _("Services")
    list_display = ["name", "slug"]


register_snippet(TouchpointViewSet)
register_snippet(ServiceViewSet)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_feedback_menu():
    items = [
        (_("Responses"), "surveys_staff:responses", "form", "surveys.view_response"),
        (_("Key in a card"), "surveys_staff:entry-choose", "edit", "surveys.enter_paper_response"),
        (_("Import"), "surveys_staff:import", "upload", "surveys.enter_paper_response"),
        (_("Export"), "surveys_staff:export", "download", "surveys.export_response"),
        (_("Print cards"), "surveys_staff:cards", "doc-full", "surveys.view_touchpoint"),
        (
            _("Contact requests"),
            "surveys_staff:contact-requests",
            "mail",
            "surveys.view_contactrequest",
        ),
    ]

    menu = Menu(
        items=[
            PermissionMenuItem(label, reverse(url), icon_name=icon, permission=perm, order=i)
            for i, (label, url, icon, perm) in enumerate(items)
        ]
    )
    return SubmenuMenuItem(_("Feedback"), menu, icon_name="form", order=150)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "surveys.view_unredacted", _("View unredacted"), _("Viewed comments before redaction")
    )
    actions.register_action("surveys.export", _("Export"), _("Exported responses"))
    actions.register_action(
        "surveys.view_contact_details", _("View contact details"), _("Viewed contact requests")
    )


@hooks.register("register_page_header_buttons")
def survey_print_buttons(page, user, view_name, next_url=None):

    if page.specific_class is SurveyPage and user.has_perm("surveys.view_touchpoint"):
        yield Button(
            _("Large print version"),
            reverse("surveys_staff:large-print", args=[page.pk]),
            icon_name="doc-full",
            priority=60,
        )
        yield Button(
            _("Large print version (PDF)"),
            reverse("surveys_staff:large-print", args=[page.pk]) + "?output=pdf",
            icon_name="download",
            priority=61,
        )


@hooks.register("after_create_page")
def offer_survey_translation(request, page):
    """A new survey is offered for translation straight away: until it is, residents who chose
    another language answer it in this one, with a note in theirs."""
    if page.specific_class is not SurveyPage:
        return
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        return
    missing = Locale.objects.exclude(pk__in=page.get_translations(inclusive=True).values("locale"))
    if missing.exists():
        names = ", ".join(str(locale.get_display_name()) for locale in missing)
        messages.info(
            request,
            _(
                "This survey is not in %(languages)s yet. Translate it so everyone can "
                "answer it in their language."
            )
            % {"languages": names},
            buttons=[
                messages.button(
                    reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                    _("Translate this survey"),
                )
            ],
        )
