from django import template

from core.locales import locale_active
from surveys.models import SurveyIndexPage
from surveys.rendering import question_fields_html

register = template.Library()


@register.simple_tag(takes_context=True)
def question_fields(context, form, easy_read=False):
    """`{% question_fields form easy_read %}`: the survey's questions (see surveys.rendering)."""
    request = context.get("request")
    preview = bool(getattr(request, "is_preview", False) or context.get("preview"))
    return question_fields_html(form, easy_read=easy_read, preview=preview)


@register.simple_tag(takes_context=True)
def give_feedback_url(context):
    """The 'Give feedback' page in the visitor's language (else the site's first), or ""."""
    live = SurveyIndexPage.objects.live()
    page = live.filter(locale=locale_active()).first() or live.order_by("pk").first()
    return page.get_url(context.get("request")) if page else ""
