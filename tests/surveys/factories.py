"""Services, surveys, touchpoints and responses for the tests, without the resident's journey.

Responses made here skip `response_submit` (no audit entry, no signal, so no tagging): use the
service when the journey itself is under test.
"""

import copy

import factory
from django.utils import timezone
from wagtail.models import Page, Site

from cms.models import HomePage
from surveys.choices import Channel, FreeTextPurpose
from surveys.models import (
    ContactRequest,
    FreeTextAnswer,
    Response,
    Service,
    SurveyIndexPage,
    SurveyPage,
    Touchpoint,
)
from tests.surveys.conftest import QUESTIONS


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Test service {n}")
    slug = factory.Sequence(lambda n: f"test-service-{n}")


def site_home():
    """The default site's home page, made (as the `home` fixture makes it) if there is none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage(title="Home", slug="test-home")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def survey_index():
    """'Give feedback' under the home page: there is one per home, so it is found or made."""
    home = site_home()
    index = SurveyIndexPage.objects.child_of(home).first()
    if index is None:
        index = SurveyIndexPage(title="Give feedback", slug="give-feedback")
        home.add_child(instance=index)
    return index


class SurveyPageFactory(factory.django.DjangoModelFactory):
    """A published survey under 'Give feedback', with the questions of the `survey` fixture."""

    class Meta:
        model = SurveyPage

    title = "How did we do?"
    slug = factory.Sequence(lambda n: f"how-did-we-do-{n}")
    service = factory.SubFactory(ServiceFactory)
    questions = factory.LazyFunction(lambda: copy.deepcopy(QUESTIONS))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = model_class(*args, **kwargs)
        survey_index().add_child(instance=page)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


def survey_for(service):
    """The service's live survey, published first if it has none."""
    return SurveyPage.objects.live().filter(service=service).first() or SurveyPageFactory(
        service=service
    )


class TouchpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Touchpoint

    name = factory.Sequence(lambda n: f"Test team {n}")
    service = factory.SubFactory(ServiceFactory)
    survey = factory.LazyAttribute(lambda o: survey_for(o.service))


class ResponseFactory(factory.django.DjangoModelFactory):
    """A response given today at a touchpoint, with its survey and service."""

    class Meta:
        model = Response

    touchpoint = factory.SubFactory(TouchpointFactory)
    survey = factory.LazyAttribute(lambda o: o.touchpoint.survey if o.touchpoint else None)
    service = factory.LazyAttribute(
        lambda o: o.touchpoint.service if o.touchpoint else ServiceFactory()
    )
    channel = Channel.QR
    submitted_on = factory.LazyFunction(timezone.localdate)
    receipt_code = factory.Sequence(lambda n: f"T{n:09d}")


class FreeTextAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FreeTextAnswer

    response = factory.SubFactory(ResponseFactory)
    question_key = factory.Sequence(lambda n: f"q{n}")
    purpose = FreeTextPurpose.DO_BETTER
    text = "Comment."


class ContactRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRequest

    response = factory.SubFactory(ResponseFactory)
    name = factory.Sequence(lambda n: f"Resident {n}")
    phone = "07700 900123"
    preferred_contact = ContactRequest.PreferredContact.PHONE
    created_on = factory.LazyFunction(timezone.localdate)
