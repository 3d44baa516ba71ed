from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def retention_periods():
    """The RETENTION_* settings, so the privacy notice states the periods actually applied."""
    return {
        "free_text_months": settings.RETENTION_FREE_TEXT_MONTHS,
        "free_text_redacted": settings.RETENTION_FREE_TEXT_REDACT,
        "contact_days_after_close": settings.RETENTION_CONTACT_DAYS_AFTER_CLOSE,
        "open_contact_months": settings.RETENTION_OPEN_CONTACT_MONTHS,
        "response_years": settings.RETENTION_RESPONSE_YEARS,
        "export_days": settings.RETENTION_EXPORT_DAYS,
    }
