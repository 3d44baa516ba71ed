import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from core.locales import locale_active, locale_default
from surveys.choices import Channel

# No 0/O, 1/I/L: codes are typed by people reading a printed card.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_touchpoint_code(length=5):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


class LocalizedNameMixin:
    """`localized_name`: the name in the active language when staff have given one."""

    @property
    def localized_name(self):
        locale = locale_active()
        if locale is None or locale == locale_default():
            return self.name
        found = self.translated_names.filter(locale=locale).values_list("name", flat=True)
        return next(iter(found), self.name)


def _names_panel():
    return InlinePanel(
        "translated_names",
        heading=_("Name in other languages"),
        label=_("Name in another language"),
        help_text=_("Shown on the survey page in that language. Leave out to show the name above."),
    )


class Service(LocalizedNameMixin, ClusterableModel):
    """An adult social care service residents give feedback about."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), _names_panel()]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Touchpoint(LocalizedNameMixin, ClusterableModel):
    """Where a How Did We Do card is handed out: a team, service or place with a short code."""

    name = models.CharField(max_length=200)
    code = models.SlugField(
        max_length=12,
        unique=True,
        default=new_touchpoint_code,
        help_text=_("Short code in the card's web address, /f/<code>. Never reuse one."),
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="touchpoints")
    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.PROTECT, related_name="touchpoints"
    )
    default_channel = models.CharField(
        max_length=20,
        choices=Channel.choices,
        default=Channel.WEB_LINK,
        help_text=_("Recorded when someone types the short address."),
    )
    is_active = models.BooleanField(default=True)
    is_demo = models.BooleanField(default=False, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("service"),
        FieldPanel("survey"),
        FieldPanel("default_channel"),
        FieldPanel("is_active"),
        _names_panel(),
    ]

    class Meta:
        ordering = ["service__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return reverse("surveys:touchpoint", kwargs={"code": self.code})

    def qr_path(self):
        return f"{self.get_absolute_url()}?via=qr"


class TranslatedName(models.Model):
    """A service's or touchpoint's name in one other language (a row per language, never a
    field per language)."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)

    panels = [FieldPanel("locale"), FieldPanel("name")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


class ServiceName(TranslatedName):
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="translated_names")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "locale"], name="one_service_name_a_locale")
        ]


class TouchpointName(TranslatedName):
    touchpoint = ParentalKey(Touchpoint, on_delete=models.CASCADE, related_name="translated_names")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["touchpoint", "locale"], name="one_touchpoint_name_a_locale"
            )
        ]
