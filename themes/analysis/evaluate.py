"""Score the product and the TF-IDF + LinearSVC baseline on the same train/test split.

    python -m themes.analysis.evaluate --csv ../shared/data/nhs-patient-feedback/text_data.csv \\
        --text-column feedback --label-column label --sentiment-column criticality

Without ``--train`` the CSV is split 80/20 with a fixed seed; with it, ``--csv`` is the test set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .baseline import BaselineClassifier
from .classifier import LabelledExample, ThemeClassifier
from .dataset import read_examples, split_examples
from .metrics import multilabel_scores, sentiment_scores
from .tagger import Tagger


def rule_sentiments(texts: Sequence[str]) -> list[str]:
    """Comment sentiment without training: VADER plus theme mentions (the ``Tagger``'s label)."""
    tagger = Tagger(redact=False, safeguarding=False)
    return [analysis.sentiment for analysis in tagger.analyse_many(texts)]


def score_model(model, test: Sequence[LabelledExample], fallback_sentiment: bool = True) -> dict:
    """Theme P/R/F1 and sentiment accuracy / macro-F1 of a fitted model on labelled examples."""
    themed = [e for e in test if e.labels]
    result = multilabel_scores(
        [e.labels for e in themed], model.predict_labels([e.text for e in themed])
    )
    rated = [e for e in test if e.sentiment]
    predicted = model.predict_sentiment([e.text for e in rated]) if rated else None
    if predicted is None and rated and fallback_sentiment:
        predicted = rule_sentiments([e.text for e in rated])
    if predicted is not None:
        sentiment = sentiment_scores([e.sentiment for e in rated], predicted)
        result["sentiment_accuracy"] = sentiment["accuracy"]
        result["sentiment_macro_f1"] = sentiment["macro_f1"]
    return result


def evaluate_examples(
    train: Sequence[LabelledExample], test: Sequence[LabelledExample], product=None
) -> dict:
    """Train the product and the baseline on ``train``; score both on ``test``."""
    started = time.perf_counter()
    product = product or ThemeClassifier()
    product.fit(train)
    result = score_model(product, test, fallback_sentiment=True)
    rated = [e for e in test if e.sentiment]
    if rated:
        untrained = rule_sentiments([e.text for e in rated])
        scores = sentiment_scores([e.sentiment for e in rated], untrained)
        result["untrained_sentiment_accuracy"] = scores["accuracy"]
    result["seconds_product"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    baseline = BaselineClassifier().fit(train)
    result["baseline"] = score_model(baseline, test, fallback_sentiment=False)
    result["baseline"]["seconds"] = round(time.perf_counter() - started, 2)
    result.update(n_train=len(train), n_test=len(test), mode=product.mode, C=product.C)
    return result


def evaluate_csv(
    csv_path: str | Path,
    text_column: str,
    label_column: str,
    sentiment_column: str | None = None,
    train_path: str | Path | None = None,
    test_fraction: float = 0.2,
    seed: int = 42,
) -> dict:
    """Evaluate on a fixed-seed split of ``csv_path``, or on all of it after training on
    ``train_path``. Returns micro_f1, macro_f1, per_label, sentiment_* and ``baseline``."""
    examples = read_examples(csv_path, text_column, label_column, sentiment_column)
    if train_path:
        train = read_examples(train_path, text_column, label_column, sentiment_column)
        test, split = examples, f"train={train_path}"
    else:
        train, test = split_examples(examples, test_fraction, seed)
        split = f"random {1 - test_fraction:.0%}/{test_fraction:.0%}, seed {seed}"
    return {"split": split, **evaluate_examples(train, test)}


def format_report(result: dict) -> str:
    """A plain-text table: per-label P/R/F1 for product and baseline, then the totals."""
    base = result["baseline"]
    lines = [
        f"Split: {result.get('split', '')}; train {result['n_train']}, test {result['n_test']}",
        f"{'label':32} {'P':>6} {'R':>6} {'F1':>6} | {'base P':>6} {'base R':>6} {'base F1':>7}",
    ]
    for label, s in result["per_label"].items():
        b = base["per_label"].get(label, {"precision": 0, "recall": 0, "f1": 0})
        lines.append(
            f"{label[:32]:32} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} | "
            f"{b['precision']:6.3f} {b['recall']:6.3f} {b['f1']:7.3f}"
        )
    for key in ("micro_f1", "macro_f1", "sentiment_accuracy", "sentiment_macro_f1"):
        if key in result:
            lines.append(
                f"{key:32} product {result[key]:.4f}   baseline {base.get(key, float('nan')):.4f}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", required=True)
    parser.add_argument("--text-column", required=True)
    parser.add_argument("--label-column", required=True)
    parser.add_argument("--sentiment-column")
    parser.add_argument("--train")
    parser.add_argument("--test-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args(argv)
    result = evaluate_csv(
        args.csv,
        args.text_column,
        args.label_column,
        args.sentiment_column,
        args.train,
        args.test_fraction,
        args.seed,
    )
    if not args.json:
        print(format_report(result))
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
