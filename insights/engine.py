"""One shared NLTK tagger per process, rebuilt when staff edit the themes.

The taxonomy version lives in the shared cache, so every app server notices an edit.
"""

from django.core.cache import cache

from insights.analysis import Tagger
from insights.models import Theme

VERSION_KEY = "insights:taxonomy-version"
_state = {"version": None, "tagger": None}


def taxonomy_changed():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def current_tagger():
    version = cache.get(VERSION_KEY, 0)
    if _state["tagger"] is None or _state["version"] != version:
        themes = [theme.to_analysis_theme() for theme in Theme.objects.filter(is_active=True)]
        masks = _default_masks()
        _state.update(version=version, tagger=Tagger(themes, masks=masks))
    return _state["tagger"]


def _default_masks():
    from insights.analysis import loader

    return loader.json("default_taxonomy").get("masks", [])
