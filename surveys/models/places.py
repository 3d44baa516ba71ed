import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from surveys.choices import Channel

# No 0/O, 1/I/L: codes are typed by people reading a printed card.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_touchpoint_code(length=5):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


class Service(models.Model):
    """An adult social care service residents give feedback about."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Touchpoint(models.Model):
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

    class Meta:
        ordering = ["service__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return reverse("surveys:touchpoint", kwargs={"code": self.code})

    def qr_path(self):
        return f"{self.get_absolute_url()}?via=qr"
