"""Wagtail's Locale rows, remembered by each process for a minute: every page view and submission
needs them, and they change only when an administrator adds a language (which clears this
process's copy at once, see core.apps; other servers notice within LOCALE_SECONDS)."""

import time

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.users.models import UserProfile

LOCALE_SECONDS = 60
_by_language = {}


def locale_for(language_code):
    """The Locale for a language code, or None if the site has no such locale."""
    code = get_supported_content_language_variant(language_code)
    found = _by_language.get(code)
    if found is None or found[1] < time.monotonic():
        found = (
            Locale.objects.filter(language_code=code).first(),
            time.monotonic() + LOCALE_SECONDS,
        )
        _by_language[code] = found
    return found[0]


def language_of(page):
    """The language code of a page's locale, without a query for the Locale row."""
    for locale, _expires in list(_by_language.values()):
        if locale is not None and locale.pk == page.locale_id:
            return locale.language_code
    return page.locale.language_code


def locale_default():
    return locale_for(settings.LANGUAGE_CODE)


def locale_active():
    return locale_for(get_language() or settings.LANGUAGE_CODE) or locale_default()


def localized(page):
    """`page.localized` (the translation in the active language, else the page), without
    looking the Locale up again on every call."""
    active = locale_active()
    if active is None or page.locale_id == active.pk:
        return page
    return page.get_translation_or_none(active) or page


def forget_locales(**kwargs):
    _by_language.clear()


def user_language(user):
    """The language a member of staff chose in their Wagtail account settings, for emails sent
    to them one by one; the site's default language when they chose none."""
    profile = UserProfile.objects.filter(user=user).only("preferred_language").first()
    chosen = profile.preferred_language if profile else ""
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
