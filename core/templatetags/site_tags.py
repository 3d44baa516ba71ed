from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


def _page_translation_urls(page):
    if page is None or not hasattr(page, "get_translations"):
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.url for translation in translations}


@register.inclusion_tag("components/_language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in every language, so switching never loses your place."""
    request = context.get("request")
    if request is None:
        return {"languages": []}
    page_urls = _page_translation_urls(context.get("page"))
    current = get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        if context.get("page") is not None:
            url = page_urls.get(code) or translate_url("/", code)
        else:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        languages.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
    return {"languages": languages}


@register.filter
def field_widget_type(bound_field):
    return getattr(bound_field, "widget_type", "")
