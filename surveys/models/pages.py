from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from surveys.blocks import QuestionStreamBlock


class SurveyIndexPage(Page):
    """'Give feedback': lists the open How Did We Do surveys."""

    introduction = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count_per_parent = 1
    template = "surveys/survey_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["surveys"] = (
            SurveyPage.objects.child_of(self).live().filter(accepting_responses=True)
        )
        return context


class SurveyPage(Page):
    """A How Did We Do survey, built from question blocks by an engagement lead."""

    service = models.ForeignKey(
        "surveys.Service",
        on_delete=models.PROTECT,
        related_name="surveys",
        help_text=_("The service this survey asks about."),
    )
    invitation = models.CharField(
        max_length=255,
        default="Tell us how we did. It takes 2 minutes and you don't need to give your name.",
        help_text=_("Plain-English invitation, printed on the card."),
    )
    introduction = models.TextField(blank=True)
    easy_read_introduction = models.TextField(
        blank=True, help_text=_("Short sentences. Shown on the easy read version.")
    )
    questions = StreamField(QuestionStreamBlock())
    include_helper_question = models.BooleanField(
        _("ask 'Did someone help you fill this in?'"), default=True
    )
    include_about_you = models.BooleanField(
        _("include the optional 'About you' questions"), default=True
    )
    offer_contact = models.BooleanField(
        _("offer 'Would you like us to contact you?' after sending"), default=True
    )
    accepting_responses = models.BooleanField(default=True)
    thank_you_message = models.TextField(
        default="Thank you. We read every comment. Our co-production board looks at what "
        "people tell us and agrees what to change.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("service"),
        FieldPanel("invitation"),
        FieldPanel("introduction"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("include_helper_question"),
                FieldPanel("include_about_you"),
                FieldPanel("offer_contact"),
                FieldPanel("accepting_responses"),
            ],
            heading=_("Options"),
        ),
        FieldPanel("easy_read_introduction"),
        FieldPanel("thank_you_message"),
    ]
    search_fields = Page.search_fields + [index.SearchField("invitation")]
    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types = []
    template = "surveys/survey_page.html"

    def serve(self, request, *args, **kwargs):
        from surveys.views import survey_respond

        return survey_respond(request, survey=self, touchpoint=None)

    def serve_preview(self, request, mode_name):
        from surveys.views import survey_respond

        return survey_respond(request, survey=self, touchpoint=None, preview=True)

    def question_blocks(self):
        """(key, block type, value) for each question, in order."""
        return [(child.id, child.block_type, child.value) for child in self.questions]
