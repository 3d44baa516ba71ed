"""Redaction for display, pluggable so surveys needn't import the themes engine."""

from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string


def redact_for_display(text):
    """Fallback when no engine is configured: hide the text entirely."""
    return "[comment hidden]"


@lru_cache(maxsize=1)
def _redactor():
    return import_string(settings.SURVEYS_TEXT_REDACTOR)


def visible_text(text, user):
    """The comment as this user may see it."""
    if user.has_perm("surveys.view_unredacted_text"):
        return text
    return _redactor()(text)
