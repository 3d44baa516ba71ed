from django import template

from surveys.rendering import question_fields_html

register = template.Library()


@register.simple_tag(takes_context=True)
def question_fields(context, form, easy_read=False):
    """`{% question_fields form easy_read %}`: the survey's questions (see surveys.rendering)."""
    request = context.get("request")
    preview = bool(getattr(request, "is_preview", False) or context.get("preview"))
    return question_fields_html(form, easy_read=easy_read, preview=preview)
