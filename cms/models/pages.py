from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms import readability
from cms.blocks import BodyStreamBlock, EasyReadStreamBlock
from cms.models.base import ContentPage, ReviewedPage
from cms.selectors import public_board_links

INFORMATION_PAGES = ["cms.InformationPage", "cms.EasyReadPage", "cms.ContactPage"]


class HomePage(ContentPage):
    """The front page: what the service is and how to have your say."""

    introduction = models.TextField(blank=True)
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"
    max_count_per_parent = 1

    def readable_text(self):
        return "\n".join(filter(None, [super().readable_text(), self.introduction]))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        context["boards"] = public_board_links()
        return context


class InformationPage(ReviewedPage):
    """Information and advice in plain English."""

    body = StreamField(BodyStreamBlock())
    easy_read_version = models.ForeignKey(
        "cms.EasyReadPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The easy read version of this information, if there is one."),
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("body"),
        PageChooserPanel("easy_read_version"),
        FieldPanel("review_by"),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.InformationPage"]
    subpage_types = INFORMATION_PAGES
    template = "pages/information_page.html"

    class Meta:
        verbose_name = _("information page")


class EasyReadPage(RoutablePageMixin, ReviewedPage):
    """Easy read: a picture beside one or two short sentences, text at 14 point or larger."""

    body = StreamField(EasyReadStreamBlock())

    content_panels = ContentPage.content_panels + [FieldPanel("body"), FieldPanel("review_by")]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.InformationPage"]
    subpage_types = []
    template = "pages/easy_read_page.html"
    long_sentence_words = readability.EASY_READ_SENTENCE_WORDS

    class Meta:
        verbose_name = _("easy read page")

    def block_warnings(self):
        """Easy read blocks that hold more than one idea."""
        return [
            str(_("This block may hold more than one idea: “%(text)s”"))
            % {"text": child.value["text"]}
            for child in self.body
            if child.block_type == "easy_read" and readability.count_ideas(child.value["text"]) > 2
        ]

    @path("text-only/", name="text_only")
    def text_only(self, request):
        """The same words without pictures, for readers who find pictures distracting."""
        return self.render(request, context_overrides={"text_only": True})


class ContactPage(ReviewedPage):
    """Get help to give feedback: phone, text relay, BSL video relay, interpreters, freepost."""

    introduction = models.TextField(blank=True)
    interpreter_text = models.TextField(
        _("how to ask for an interpreter"),
        blank=True,
        default="We can book an interpreter for any language, including British Sign Language. "
        "Call us or email us and tell us which language you need.",
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("interpreter_text"),
        FieldPanel("body"),
        FieldPanel("review_by"),
    ]
    parent_page_types = ["cms.HomePage", "cms.InformationPage"]
    subpage_types = []
    template = "pages/contact_page.html"

    class Meta:
        verbose_name = _("contact and help page")

    def readable_text(self):
        parts = [super().readable_text(), self.introduction, self.interpreter_text]
        return "\n".join(filter(None, parts))
