"""One shared NLTK tagger per process, rebuilt when staff edit the themes or retrain.

A cheap fingerprint (the Theme table's count and latest edit, and the learned model file's
modification time) tells every app server when to rebuild, with no cache or signal to keep
in step.
"""

from django.db.models import Count, Max

from themes.analysis import Tagger, loader
from themes.learning import current_model, model_path
from themes.models import Theme

_state = {"fingerprint": None, "tagger": None}


def _fingerprint():
    path = model_path()
    model_mtime = path.stat().st_mtime if path.exists() else None
    return (*Theme.objects.aggregate(Count("pk"), Max("updated_at")).values(), model_mtime)


def current_tagger():
    fingerprint = _fingerprint()
    if _state["tagger"] is None or _state["fingerprint"] != fingerprint:
        themes = [theme.to_analysis_theme() for theme in Theme.objects.filter(is_active=True)]
        masks = loader.json("default_taxonomy").get("masks", [])
        tagger = Tagger(themes, masks=masks, classifier=current_model())
        _state.update(fingerprint=fingerprint, tagger=tagger)
    return _state["tagger"]
