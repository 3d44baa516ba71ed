"""Learning from staff reviews, kept only when it makes tagging better on comments it never saw.

`retrain_from_reviews()` trains a `ReviewModel` on reviewed comments (confirmed themes are
positive examples, rejected ones negative), scores the tagger in use (the rules plus the current
model, if any) and the candidate (the rules plus the new model) on held-back reviewed comments,
and saves the candidate as the current `ThemeModelVersion` only if its micro-F1 is strictly
higher. A tie keeps what is in use: a change has to earn its place.

Comments are held back by their normalised text, by a hash with a fixed salt, so a text is held
back in every retrain (the current model never trained on it either) and a text stored twice is
never on both sides.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.db import transaction

from themes.analysis import Tagger, loader
from themes.analysis.metrics import multilabel_scores
from themes.analysis.review_model import (
    FORMAT,
    IncompatibleModel,
    ReviewedExample,
    ReviewModel,
    fit_review_model,
)
from themes.models import Theme, ThemeMention, ThemeModelVersion

logger = logging.getLogger(__name__)

HOLDOUT_SALT = "themes-holdout-1"
KEEP_VERSIONS = 10


def reviewed_examples():
    """One example per comment staff reviewed: the themes they confirmed and rejected."""
    confirmed, rejected, texts = {}, {}, {}
    reviewed = ThemeMention.objects.exclude(review="").values_list(
        "comment_id", "theme__key", "review", "comment__analysis__redacted_text"
    )
    for comment_id, key, review, text in reviewed.order_by("comment_id", "pk"):
        texts[comment_id] = text or ""
        is_confirmed = review == ThemeMention.Review.CONFIRMED
        (confirmed if is_confirmed else rejected).setdefault(comment_id, set()).add(key)
    # A comment whose text retention removed has nothing left to learn from.
    return [
        ReviewedExample(
            texts[cid], frozenset(confirmed.get(cid, ())), frozenset(rejected.get(cid, ()))
        )
        for cid in texts
        if texts[cid].strip()
    ]


def normalised(text):
    return " ".join(text.lower().split())


def split_by_text(examples, fraction=0.25):
    """(training, held back): every copy of a text on one side, the same side every time."""
    buckets = {normalised(e.text): _unit(normalised(e.text)) for e in examples}
    held = {text for text, unit in buckets.items() if unit < fraction}
    if not held and len(buckets) > 1:
        held = {min(buckets, key=buckets.get)}
    training = [e for e in examples if normalised(e.text) not in held]
    return training, [e for e in examples if normalised(e.text) in held]


def _unit(text):
    digest = hashlib.sha256(f"{HOLDOUT_SALT}:{text}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def rules_tagger():
    """The phrase rules as they are now, without any learned model."""
    themes = [theme.to_analysis_theme() for theme in Theme.objects.filter(is_active=True)]
    masks = loader.json("default_taxonomy").get("masks", [])
    return Tagger(themes, masks=masks, redact=False, safeguarding=False)


def model_from(version):
    """The version's model, or None (and a warning) if its payload can't be read."""
    if version is None:
        return None
    try:
        if version.format != FORMAT:
            raise IncompatibleModel(f"format {version.format!r}, this code reads {FORMAT!r}")
        return ReviewModel.from_bytes(version.payload)
    except IncompatibleModel as error:
        logger.warning(
            "Learned themes model %s can't be used (%s): tagging with the phrase rules only. "
            "Run `manage.py themes retrain` or `themes retrain --rollback`.",
            version.pk,
            error,
        )
        return None


def current_version():
    return ThemeModelVersion.objects.filter(is_current=True).first()


@dataclass
class RetrainReport:
    """What a retrain compared, on which comments, and which tagger won."""

    accepted: bool
    baseline: str
    before: dict
    after: dict
    per_theme: dict = field(default_factory=dict)
    n_train: int = 0
    n_holdout: int = 0
    version: ThemeModelVersion | None = None

    @property
    def gain(self):
        return self.after["micro_f1"] - self.before["micro_f1"]


def retrain_from_reviews(*, min_examples=20, holdout_fraction=0.25):
    """Retrain on staff reviews. Returns the report, or None if there aren't enough yet."""
    examples = reviewed_examples()
    if len(examples) < min_examples:
        return None
    training, held = split_by_text(examples, holdout_fraction)
    tagger = rules_tagger()
    rules = [_rule_keys(tagger, e.text) for e in training]
    candidate = fit_review_model(training, rules)
    current = current_version()
    current_model = model_from(current)
    held_rules = [_rule_keys(tagger, e.text) for e in held]
    gold = [set(e.confirmed) for e in held]
    before = multilabel_scores(gold, _predict(current_model, held, held_rules))
    after = multilabel_scores(gold, _predict(candidate, held, held_rules))
    report = RetrainReport(
        accepted=after["micro_f1"] > before["micro_f1"],
        baseline=f"rules + model {current.pk}" if current_model else "rules",
        before=_overall(before),
        after=_overall(after),
        per_theme=_per_theme(before, after),
        n_train=len(training),
        n_holdout=len(held),
    )
    if report.accepted:
        report.version = _save(candidate, report)
    return report


def _rule_keys(tagger, text):
    return {tag.theme_key for tag in tagger.analyse(text).tags}


def _predict(model, examples, rule_keys):
    if model is None:
        return rule_keys
    return model.adjust_labels([e.text for e in examples], rule_keys)


def _overall(scores):
    keys = ("micro_precision", "micro_recall", "micro_f1", "macro_f1")
    return {key: round(float(scores[key]), 4) for key in keys}


def _per_theme(before, after):
    keys = sorted(set(before["per_label"]) | set(after["per_label"]))
    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    return {
        key: {
            "before": before["per_label"].get(key, empty),
            "after": after["per_label"].get(key, empty),
        }
        for key in keys
    }


@transaction.atomic
def _save(model, report):
    ThemeModelVersion.objects.filter(is_current=True).update(is_current=False)
    version = ThemeModelVersion.objects.create(
        is_current=True,
        format=FORMAT,
        payload=model.to_bytes(),
        scores={"before": report.before, "after": report.after, "per_theme": report.per_theme},
        n_train=report.n_train,
        n_holdout=report.n_holdout,
    )
    stale = ThemeModelVersion.objects.values_list("pk", flat=True)[KEEP_VERSIONS:]
    ThemeModelVersion.objects.filter(pk__in=list(stale)).delete()
    return version


@transaction.atomic
def model_rollback():
    """Make the version before the current one current again; with none, the rules alone tag.
    Returns the version now current (or None). A second rollback goes further back."""
    current = ThemeModelVersion.objects.select_for_update().filter(is_current=True).first()
    if current is None:
        return None
    previous = ThemeModelVersion.objects.filter(pk__lt=current.pk).order_by("-pk").first()
    current.is_current = False
    current.save(update_fields=["is_current"])
    if previous is not None:
        previous.is_current = True
        previous.save(update_fields=["is_current"])
    return previous
