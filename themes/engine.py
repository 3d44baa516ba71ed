"""One shared NLTK tagger per process, rebuilt when staff edit the themes or retrain.

A cheap fingerprint (the Theme table's count and latest edit, and the id of the current learned
model in the database) tells every app server when to rebuild, with no cache or signal to keep
in step: a model saved or rolled back on any server is picked up by the next batch everywhere.
"""

from django.db.models import Count, Max

from themes.analysis import Tagger, loader
from themes.learning import model_from
from themes.models import Theme, ThemeModelVersion

_state = {"fingerprint": None, "tagger": None}


def _fingerprint():
    model_id = ThemeModelVersion.objects.filter(is_current=True).values_list("pk", flat=True)
    return (*Theme.objects.aggregate(Count("pk"), Max("updated_at")).values(), model_id.first())


def current_tagger():
    fingerprint = _fingerprint()
    if _state["tagger"] is None or _state["fingerprint"] != fingerprint:
        themes = [theme.to_analysis_theme() for theme in Theme.objects.filter(is_active=True)]
        masks = loader.json("default_taxonomy").get("masks", [])
        # An unreadable model is logged once here (per process and version): rules alone tag.
        version = fingerprint[-1] and ThemeModelVersion.objects.filter(pk=fingerprint[-1]).first()
        model = model_from(version or None)
        tagger = Tagger(themes, masks=masks, classifier=model)
        _state.update(fingerprint=fingerprint, tagger=tagger)
    return _state["tagger"]


def tagger_forget():
    """Forget this process's tagger (tests use it to play a second server)."""
    _state.update(fingerprint=None, tagger=None)
