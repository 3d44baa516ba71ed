from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class CouncilSettings(BaseSiteSetting):
    """Contact details every public page shows. Edited by staff under Settings in the admin."""

    council_name = models.CharField(max_length=200, default="Demo Borough Council")
    help_phone = models.CharField(
        _("phone number for help"), max_length=40, default="0300 123 4567"
    )
    text_relay = models.CharField(
        _("Relay UK number"), max_length=60, default="18001 then 0300 123 4567"
    )
    bsl_video_relay_url = models.URLField(_("BSL video relay link"), blank=True)
    help_email = models.EmailField(default="feedback@council.example")
    freepost_address = models.TextField(
        default="Freepost RTXX-ABCD\nAdult Social Care Feedback\nDemo Borough Council",
        help_text=_("As printed on How Did We Do cards, one line per line."),
    )
    safeguarding_phone = models.CharField(
        _("adult safeguarding phone"), max_length=40, default="0300 123 4000"
    )
    out_of_hours_phone = models.CharField(
        _("out-of-hours phone"), max_length=40, default="0300 123 4999"
    )
    safeguarding_email = models.EmailField(
        _("safeguarding contact email"),
        default="safeguarding@council.example",
        help_text=_("Flagged feedback is notified here straight away."),
    )
    is_demo = models.BooleanField(
        _("this site holds demo data"),
        default=False,
        help_text=_("Shows a banner saying everything here is made up."),
    )

    panels = [
        FieldPanel("council_name"),
        MultiFieldPanel(
            [
                FieldPanel("help_phone"),
                FieldPanel("text_relay"),
                FieldPanel("bsl_video_relay_url"),
                FieldPanel("help_email"),
                FieldPanel("freepost_address"),
            ],
            heading=_("Getting help"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("safeguarding_phone"),
                FieldPanel("out_of_hours_phone"),
                FieldPanel("safeguarding_email"),
            ],
            heading=_("Safeguarding"),
        ),
        FieldPanel("is_demo"),
    ]

    class Meta:
        verbose_name = _("council details")

    @property
    def freepost_lines(self):
        return [line for line in self.freepost_address.splitlines() if line.strip()]


class ScheduledRun(models.Model):
    """One run of a scheduled job for one slot (a day, a week): however many servers start it,
    the first to write this row runs it (core.schedule)."""

    job = models.CharField(max_length=80)
    slot = models.CharField(max_length=20, help_text=_("The day (2026-12-01) or week (2026-W49)."))
    host = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="core_scheduledrun_once")
        ]

    def __str__(self):
        return f"{self.job} {self.slot}"
