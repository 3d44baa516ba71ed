from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.locales import locale_default
from surveys.blocks import QuestionStreamBlock
from surveys.page_forms import SurveyPageForm


def open_on(day):
    """The survey pages taking answers on `day`: switched on, and within their dates."""
    return (
        Q(accepting_responses=True)
        & (Q(opens_on__isnull=True) | Q(opens_on__lte=day))
        & (Q(closes_on__isnull=True) | Q(closes_on__gte=day))
    )


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
            SurveyPage.objects.child_of(self).live().filter(open_on(timezone.localdate()))
        )
        return context

    def route(self, request, path_components):
        """A survey not translated into this index's language yet is still answered at its
        address here (/pl/give-feedback/<survey>/): in its own language, with a note in the
        resident's (see surveys.views), never a 404."""
        try:
            return super().route(request, path_components)
        except Http404:
            untranslated = self._untranslated_survey(path_components[:1])
            if untranslated is None:
                raise
            return untranslated.route(request, path_components[1:])

    def _untranslated_survey(self, slugs):
        """The survey with this address in another language's index, the site's own first."""
        if not slugs:
            return None
        default = locale_default()
        indexes = sorted(
            SurveyIndexPage.objects.filter(translation_key=self.translation_key).exclude(
                pk=self.pk
            ),
            key=lambda page: (page.locale_id != getattr(default, "pk", None), page.pk),
        )
        for other in indexes:
            survey = SurveyPage.objects.child_of(other).live().filter(slug=slugs[0]).first()
            if survey is not None:
                return survey
        return None


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
    accepting_responses = models.BooleanField(
        _("accepting responses"),
        default=True,
        help_text=_("Untick to close the survey now, whatever its dates say."),
    )
    # Dates, not Wagtail's go-live/expiry: an expired page is unpublished, and its short
    # address would answer 404. A closed survey stays published and says it has closed.
    opens_on = models.DateField(
        _("opens on"), null=True, blank=True, help_text=_("Leave blank to open when published.")
    )
    closes_on = models.DateField(
        _("closes on"),
        null=True,
        blank=True,
        help_text=_("The last day it takes answers. Leave blank to keep it open."),
    )
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
                FieldPanel("opens_on"),
                FieldPanel("closes_on"),
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
    base_form_class = SurveyPageForm

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date must be after it opens.")})

    def is_open_on(self, day=None):
        """Whether it takes answers on `day` (today in London by default)."""
        day = day or timezone.localdate()
        return (
            self.accepting_responses
            and (self.opens_on is None or self.opens_on <= day)
            and (self.closes_on is None or day <= self.closes_on)
        )

    def not_open_yet(self, day=None):
        day = day or timezone.localdate()
        return self.accepting_responses and self.opens_on is not None and day < self.opens_on

    def closed_on(self, day=None):
        """The closing date, once it has passed (None before, or without one)."""
        day = day or timezone.localdate()
        return self.closes_on if self.closes_on and self.closes_on < day else None

    def serve(self, request, *args, **kwargs):
        from surveys.views import survey_respond

        return survey_respond(request, survey=self, touchpoint=None)

    def serve_preview(self, request, mode_name):
        from surveys.views import survey_respond

        return survey_respond(request, survey=self, touchpoint=None, preview=True)

    def question_blocks(self):
        """(key, block type, value) for each question, in order."""
        return [(child.id, child.block_type, child.value) for child in self.questions]
