from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.models.base import ContentPage
from cms.selectors import public_board_links, you_said_we_did_listing


class NewsIndexPage(ContentPage):
    """News and updates, newest first."""

    content_panels = ContentPage.content_panels
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    template = "pages/news_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        )
        return context


class NewsPage(ContentPage):
    """A news item or update."""

    date = models.DateField(_("date"), default=timezone.localdate)
    body = StreamField(BodyStreamBlock())

    content_panels = ContentPage.content_panels + [FieldPanel("date"), FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "pages/news_page.html"

    class Meta:
        verbose_name = _("news page")


class YouSaidWeDidIndexPage(ContentPage):
    """What residents told us and what changed, filterable by service and theme.

    The entries and their filter form come from the app that registers the
    `you_said_we_did_listing` hook (the co-production app): cms sits below it and never imports it.
    """

    introduction = models.TextField(blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    template = "pages/you_said_we_did_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("“You said, we did” index page")

    def readable_text(self):
        return "\n".join(filter(None, [super().readable_text(), self.introduction]))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(you_said_we_did_listing(request))
        context["boards"] = public_board_links()
        return context
