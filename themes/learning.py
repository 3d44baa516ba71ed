"""Learning from people: a classifier trained on the tags staff confirmed, kept only if the
held-back scores don't get worse."""

import os
import tempfile
from pathlib import Path

from django.conf import settings

from themes.analysis import LabelledExample, retrain
from themes.analysis.persistence import load_model, save_model
from themes.models import ThemeMention


def model_path():
    return Path(settings.THEMES_MODEL_PATH)


def confirmed_examples():
    """One example per comment that staff reviewed: the themes they confirmed are its labels."""
    labels = {}
    texts = {}
    reviewed = ThemeMention.objects.exclude(review="").values_list(
        "comment_id", "theme__key", "review", "comment__analysis__redacted_text"
    )
    for comment_id, key, review, text in reviewed:
        texts[comment_id] = text or ""
        labels.setdefault(comment_id, set())
        if review == ThemeMention.Review.CONFIRMED:
            labels[comment_id].add(key)
    # A comment whose text retention removed has nothing left to learn from.
    return [
        LabelledExample(texts[cid], frozenset(keys))
        for cid, keys in labels.items()
        if keys and texts[cid]
    ]


def current_model():
    path = model_path()
    return load_model(path) if path.exists() else None


def retrain_from_reviews(*, min_examples=20):
    """Retrain on confirmed tags. Returns the report, or None if there aren't enough yet."""
    examples = confirmed_examples()
    if len(examples) < min_examples:
        return None
    report = retrain(current_model(), examples)
    if report.accepted:
        _save_atomically(report.model)
    return report


def _save_atomically(model):
    path = model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    save_model(model, temporary)
    os.replace(temporary, path)
