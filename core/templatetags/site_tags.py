from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import (
    get_language,
    get_language_info,
    gettext,
    ngettext,
    override,
)

from core.locales import locale_for

register = template.Library()


def _page_translation_urls(page):
    if page is None or not hasattr(page, "get_translations"):
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.url for translation in translations}


def _nearest_translated_url(page, code):
    """For a page with no version in `code`: its nearest ancestor that has one (a page made
    only in Polish leads an Urdu reader to the Urdu section or home, never the English home)."""
    locale = locale_for(code)
    if locale is not None and hasattr(page, "get_ancestors"):
        ancestors = page.get_ancestors().filter(depth__gt=1).order_by("-depth")
        for ancestor in ancestors:
            translated = ancestor.get_translation_or_none(locale)
            if translated is not None and translated.live:
                return translated.url
    return _home_url(code)


def _home_url(code):
    # Not translate_url("/", code): "/" only resolves in the default language, so from a
    # Polish page it came back unchanged, the English home.
    with override(code):
        return reverse("wagtail_serve", args=[""])


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
            url = page_urls.get(code) or _nearest_translated_url(context["page"], code)
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


@register.filter
def phone(number):
    """A phone number kept left to right and on one line, in Urdu sentences too (unwrapped,
    the bidi algorithm reverses its space-separated groups)."""
    return format_html('<span class="app-phone" dir="ltr">{}</span>', number)


# A number in each CLDR plural category GOV.UK Frontend asks for (Polish has one, few and many;
# English and Urdu one and other), so gettext picks the right form for each.
PLURAL_EXAMPLES = {"one": 1, "few": 2, "many": 5, "other": 5}
JS_COUNT = "%{count}"


def _plurals(key, message):
    """`message(n)` (an ngettext call with the strings written out, so makemessages finds
    them) for each plural category."""
    return [
        (f"{key}.{rule}", message(n) % {"count": JS_COUNT}) for rule, n in PLURAL_EXAMPLES.items()
    ]


@register.simple_tag
def character_count_messages():
    """GOV.UK Frontend's character count messages in the active language, as
    (data-i18n attribute suffix, text) pairs; the script puts the number in for %{count}."""
    return [
        *_plurals(
            "characters-under-limit",
            lambda n: ngettext(
                "You have %(count)s character remaining",
                "You have %(count)s characters remaining",
                n,
            ),
        ),
        ("characters-at-limit", gettext("You have 0 characters remaining")),
        *_plurals(
            "characters-over-limit",
            lambda n: ngettext(
                "You have %(count)s character too many", "You have %(count)s characters too many", n
            ),
        ),
        (
            "textarea-description.other",
            gettext("You can enter up to %(limit)s characters") % {"limit": JS_COUNT},
        ),
    ]
