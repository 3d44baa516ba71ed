"""One shared NLTK tagger per process, rebuilt when staff edit the themes.

A cheap fingerprint of the Theme table (count and latest edit) tells every app server when
the taxonomy has changed, with no cache or signal to keep in step.
"""

from django.db.models import Count, Max

from insights.analysis import Tagger, loader
from insights.models import Theme

_state = {"fingerprint": None, "tagger": None}


def _fingerprint():
    return tuple(Theme.objects.aggregate(Count("pk"), Max("updated_at")).values())


def current_tagger():
    fingerprint = _fingerprint()
    if _state["tagger"] is None or _state["fingerprint"] != fingerprint:
        themes = [theme.to_analysis_theme() for theme in Theme.objects.filter(is_active=True)]
        masks = loader.json("default_taxonomy").get("masks", [])
        _state.update(fingerprint=fingerprint, tagger=Tagger(themes, masks=masks))
    return _state["tagger"]
