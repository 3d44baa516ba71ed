from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from themes.analysis import redact
from themes.models import Theme
from themes.selectors import safeguarding_open_count
from themes.staff import urls as staff_urls
from themes.staff.forms import ThemeForm


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("themes/", include(staff_urls, namespace="themes_staff"))]


class SafeguardingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("themes.review_safeguardingflag")

    def get_context(self, request):
        context = super().get_context(request)
        count = safeguarding_open_count()
        if count:
            context["label"] = f"{self.label} ({count})"
        return context


@hooks.register("register_admin_menu_item")
def register_safeguarding_menu():
    return SafeguardingMenuItem(
        _("Safeguarding queue"), reverse("themes_staff:flags"), icon_name="warning", order=140
    )


class ThemeViewSet(SnippetViewSet):
    model = Theme
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("key"),
            FieldPanel("description"),
            FieldPanel("phrases"),
            FieldPanel("problem_phrases"),
            FieldPanel("patterns"),
            FieldPanel("negative_only"),
            FieldPanel("cqc_quality_statements"),
            FieldPanel("i_statements"),
            FieldPanel("is_safeguarding"),
            FieldPanel("is_active"),
        ],
        base_form_class=ThemeForm,
    )
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "key", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]


register_snippet(ThemeViewSet)


@hooks.register("redact_comment_text")
def redact_comment_text(text):
    """Staff screens, exports and retention in the surveys app redact through this hook."""
    return redact(text).text


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "themes.safeguarding_outcome",
        _("Safeguarding outcome"),
        _("Recorded a safeguarding outcome"),
    )
    actions.register_action(
        "themes.mention_review", _("Theme tag review"), _("Confirmed or rejected a theme tag")
    )
    actions.register_action(
        "themes.theme.merge", _("Theme merge"), _("Merged a theme into this one")
    )
    actions.register_action(
        "themes.phrase.reopen", _("Phrase reopened"), _("Let a decided phrase be suggested again")
    )
    actions.register_action(
        "themes.theme.narrow",
        _("Theme rule narrowed"),
        _("Removed a phrase staff kept rejecting from this theme"),
    )


class ReviewTagsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("themes.review_thememention")


@hooks.register("register_admin_menu_item")
def register_review_tags_menu():
    return ReviewTagsMenuItem(
        _("Review theme tags"), reverse("themes_staff:mentions"), icon_name="tag", order=145
    )


class DecidedPhrasesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("themes.change_theme")


@hooks.register("register_admin_menu_item")
def register_decided_phrases_menu():
    return DecidedPhrasesMenuItem(
        _("Phrases the boards decided"), reverse("themes_staff:phrases"), icon_name="tag", order=146
    )


@hooks.register("register_admin_menu_item")
def register_rejected_rules_menu():
    return DecidedPhrasesMenuItem(  # the same permission: editing themes
        _("Rules staff keep rejecting"),
        reverse("themes_staff:rejected-triggers"),
        icon_name="tag",
        order=147,
    )
