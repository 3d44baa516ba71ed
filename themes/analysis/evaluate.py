"""Score the product and the TF-IDF + LinearSVC baseline on the same train/test splits.

    python -m themes.analysis.evaluate --csv ../shared/data/nhs-patient-feedback/text_data.csv \\
        --text-column feedback --label-column label --sentiment-column criticality \\
        [--context-column question] \\
        [--cv 5 | --group-column organization [--test-group "Trust A"] | --train FILE]

By default the CSV is split 80/20 with a fixed seed. ``--cv K`` runs K-fold cross-validation
(mean and sample standard deviation over the folds). ``--group-column`` holds out each group in
turn (e.g. each trust) and trains on the others: the closest this file gets to unseen data.
With ``--train``, ``--csv`` is the test set. Both systems always see the same folds, and the
product chooses its settings by cross-validation inside each training part only.
``--context-column`` gives the product what each comment answered (the baseline reads only the
text). Sentiment results carry the confusion matrix and ``sentiment_reachable``: the share of
test labels whose class is at least 1% of the training labels (a class the training data
hardly has cannot be learnt, whatever the model).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from .baseline import BaselineClassifier
from .classifier import LabelledExample, ThemeClassifier
from .dataset import group_splits, kfold_splits, read_examples, split_examples
from .metrics import multilabel_scores, sentiment_scores
from .tagger import Tagger

SUMMARY_KEYS = ("micro_f1", "macro_f1", "sentiment_accuracy", "sentiment_macro_f1")
NOTE_KEYS = ("sentiment_reachable", "sentiment_gold", "sentiment_confusion")
REACHABLE_SHARE = 0.01


def rule_sentiments(texts: Sequence[str]) -> list[str]:
    """Comment sentiment without training: VADER plus theme mentions (the ``Tagger``'s label)."""
    tagger = Tagger(redact=False, safeguarding=False)
    return [analysis.sentiment for analysis in tagger.analyse_many(texts)]


def score_model(model, test: Sequence[LabelledExample], fallback_sentiment: bool = True) -> dict:
    """Theme P/R/F1 and sentiment accuracy / macro-F1 of a fitted model on labelled examples."""
    themed = [e for e in test if e.labels]
    result = multilabel_scores(
        [e.labels for e in themed], model.predict_labels(*_texts_and_contexts(themed))
    )
    rated = [e for e in test if e.sentiment]
    predicted = model.predict_sentiment(*_texts_and_contexts(rated)) if rated else None
    if predicted is None and rated and fallback_sentiment:
        predicted = rule_sentiments([e.text for e in rated])
    if predicted is not None:
        sentiment = sentiment_scores([e.sentiment for e in rated], predicted)
        result["sentiment_accuracy"] = sentiment["accuracy"]
        result["sentiment_macro_f1"] = sentiment["macro_f1"]
        result["sentiment_confusion"] = sentiment["confusion"]
    return result


def _texts_and_contexts(examples: Sequence[LabelledExample]) -> tuple[list, list]:
    return [e.text for e in examples], [e.context for e in examples]


def sentiment_reachable(train: Sequence[LabelledExample], test: Sequence[LabelledExample]):
    """Share of ``test``'s sentiment labels whose class is at least 1% of ``train``'s labels."""
    trained = Counter(e.sentiment for e in train if e.sentiment)
    tested = [e.sentiment for e in test if e.sentiment]
    if not tested or not trained:
        return None
    total = sum(trained.values())
    learnable = {label for label, n in trained.items() if n >= REACHABLE_SHARE * total}
    return sum(label in learnable for label in tested) / len(tested)


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
        result["sentiment_reachable"] = sentiment_reachable(train, test)
        result["sentiment_gold"] = dict(sorted(Counter(e.sentiment for e in rated).items()))
    result["seconds_product"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    baseline = BaselineClassifier().fit(train)
    result["baseline"] = score_model(baseline, test, fallback_sentiment=False)
    result["baseline"]["seconds"] = round(time.perf_counter() - started, 2)
    result.update(n_train=len(train), n_test=len(test), mode=product.mode, C=product.C)
    result["settings"] = dict(getattr(product, "settings", {}))
    context = getattr(product, "context", None)
    result["settings"]["contexts"] = len(context.values) if context is not None else 0
    return result


def cross_validate(
    examples: Sequence[LabelledExample],
    folds: int = 5,
    seed: int = 42,
    product_factory: Callable[[], ThemeClassifier] = ThemeClassifier,
) -> dict:
    """K-fold cross-validation of product and baseline on the same folds.

    Returns ``folds`` (each fold's scores), ``mean`` and ``sd`` (sample standard deviation) of
    the product's scores and ``baseline`` with its own ``mean`` and ``sd``.
    """
    runs = [
        evaluate_examples(train, test, product_factory())
        for train, test in kfold_splits(examples, folds, seed)
    ]
    return {
        "split": f"{folds}-fold cross-validation, seed {seed}",
        "n_folds": folds,
        "folds": [_run_summary(run) for run in runs],
        **_aggregate(runs),
    }


def evaluate_by_group(
    examples: Sequence[LabelledExample],
    test_groups: Sequence[str] | None = None,
    product_factory: Callable[[], ThemeClassifier] = ThemeClassifier,
    group_column: str = "group",
) -> dict:
    """Train on all other groups, test on one (each in turn, or only ``test_groups``).

    ``groups`` lists, per held-out group, the groups trained on and both systems' scores;
    ``mean``/``sd`` and ``baseline`` summarise them as for cross-validation.
    """
    runs, rows = [], []
    for group, (train, test) in group_splits(examples, test_groups):
        run = evaluate_examples(train, test, product_factory())
        runs.append(run)
        row = _run_summary(run)
        row.update(test_group=group, train_groups=sorted({e.group for e in train}))
        rows.append(row)
    return {
        "split": f"by {group_column}: train on the other groups, test on one",
        "n_folds": len(rows),
        "groups": rows,
        **_aggregate(runs),
    }


def _run_summary(run: dict) -> dict:
    summary = {key: run[key] for key in SUMMARY_KEYS if key in run}
    summary["baseline"] = {
        key: run["baseline"][key] for key in SUMMARY_KEYS if key in run["baseline"]
    }
    summary.update(n_train=run["n_train"], n_test=run["n_test"], settings=run["settings"])
    summary.update({key: run[key] for key in NOTE_KEYS if key in run})
    return summary


def _mean_sd(runs: Sequence[dict]) -> tuple[dict, dict]:
    keys = [key for key in SUMMARY_KEYS if all(key in run for run in runs)]
    mean = {key: statistics.fmean(run[key] for run in runs) for key in keys}
    sd = {
        key: statistics.stdev([run[key] for run in runs]) if len(runs) > 1 else 0.0 for key in keys
    }
    return mean, sd


def _aggregate(runs: Sequence[dict]) -> dict:
    mean, sd = _mean_sd(runs)
    base_mean, base_sd = _mean_sd([run["baseline"] for run in runs])
    return {"mean": mean, "sd": sd, "baseline": {"mean": base_mean, "sd": base_sd}}


def evaluate_csv(
    csv_path: str | Path,
    text_column: str,
    label_column: str,
    sentiment_column: str | None = None,
    train_path: str | Path | None = None,
    test_fraction: float = 0.2,
    seed: int = 42,
    *,
    cv: int | None = None,
    group_column: str | None = None,
    test_groups: Sequence[str] | None = None,
    context_column: str | None = None,
) -> dict:
    """Evaluate on a fixed-seed split of ``csv_path``, on all of it after training on
    ``train_path``, by ``cv``-fold cross-validation, or by holding out each value of
    ``group_column`` in turn. The fixed split and ``train_path`` return micro_f1, macro_f1,
    per_label, sentiment_* and ``baseline``; the others ``mean``, ``sd`` and ``baseline``.
    ``context_column`` names what each comment answered, a feature for the product."""
    if sum(bool(option) for option in (train_path, cv, group_column)) > 1:
        raise ValueError("Choose one of a training file, --cv and --group-column.")
    columns = (text_column, label_column, sentiment_column)
    examples = read_examples(csv_path, *columns, group_column, context_column)
    if cv:
        return cross_validate(examples, cv, seed)
    if group_column:
        return evaluate_by_group(examples, test_groups, group_column=group_column)
    if train_path:
        train = read_examples(train_path, *columns, context_column=context_column)
        test, split = examples, f"train={train_path}"
    else:
        train, test = split_examples(examples, test_fraction, seed)
        split = f"random {1 - test_fraction:.0%}/{test_fraction:.0%}, seed {seed}"
    return {"split": split, **evaluate_examples(train, test)}


def format_report(result: dict) -> str:
    """A plain-text table: per-label P/R/F1 for product and baseline, then the totals (or, for
    cross-validation and group splits, each fold and the mean ± sd)."""
    if "mean" in result:
        return _format_folds(result)
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
    for key in SUMMARY_KEYS:
        if key in result:
            lines.append(
                f"{key:32} product {result[key]:.4f}   baseline {base.get(key, float('nan')):.4f}"
            )
    return "\n".join(lines + _sentiment_notes([("test", result)]))


def _pair(product: float, baseline: float | None) -> str:
    return f"{product:.3f} / {baseline if baseline is not None else float('nan'):.3f}"


def _format_folds(result: dict) -> str:
    keys = [key for key in SUMMARY_KEYS if key in result["mean"]]
    lines = [f"Split: {result['split']}; {result['n_folds']} folds", ""]
    header = f"{'fold':28} {'train':>6} {'test':>6}"
    lines.append(header + "".join(f" {key:>22}" for key in keys))
    lines.append(" " * len(header) + "".join(f" {'product / baseline':>22}" for key in keys))
    rows = result.get("groups") or result.get("folds")
    for number, row in enumerate(rows, start=1):
        name = f"test {row['test_group']}" if "test_group" in row else f"fold {number}"
        if "train_groups" in row:
            name = f"{'+'.join(row['train_groups'])} -> {row['test_group']}"
        cells = "".join(f" {_pair(row[key], row['baseline'].get(key)):>22}" for key in keys)
        lines.append(f"{name[:28]:28} {row['n_train']:6} {row['n_test']:6}{cells}")
    mean, sd, base = result["mean"], result["sd"], result["baseline"]
    for title, source, spread in (("product", mean, sd), ("baseline", base["mean"], base["sd"])):
        cells = "".join(f" {f'{source[k]:.3f} ± {spread[k]:.3f}':>22}" for k in keys)
        lines.append(f"{'mean ± sd ' + title:42}{cells}")
    named = [(row.get("test_group", f"fold {n}"), row) for n, row in enumerate(rows, start=1)]
    return "\n".join(lines + _sentiment_notes(named))


def _sentiment_notes(named_rows) -> list[str]:
    """Per test part: its sentiment labels, how many a model could reach, and the confusion."""
    lines = []
    for name, row in named_rows:
        if "sentiment_confusion" not in row:
            continue
        gold = ", ".join(f"{label} {n}" for label, n in row.get("sentiment_gold", {}).items())
        reachable = row.get("sentiment_reachable")
        reach = f"; reachable {reachable:.3f}" if reachable is not None else ""
        lines.append(f"sentiment {name}: gold {gold}{reach}")
        for label, counts in row["sentiment_confusion"].items():
            cells = ", ".join(f"{predicted} {n}" for predicted, n in counts.items())
            lines.append(f"    {label:>10} predicted as {cells}")
    return [""] + lines if lines else []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", required=True)
    parser.add_argument("--text-column", required=True)
    parser.add_argument("--label-column", required=True)
    parser.add_argument("--sentiment-column")
    parser.add_argument("--context-column", help="What each comment answered (a feature).")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--train", help="Learn from this labelled CSV; test on all of --csv.")
    modes.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation.")
    modes.add_argument("--group-column", help="Hold out each value of this column in turn.")
    parser.add_argument(
        "--test-group", action="append", help="With --group-column: hold out only this group."
    )
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
        cv=args.cv,
        group_column=args.group_column,
        test_groups=args.test_group,
        context_column=args.context_column,
    )
    if not args.json:
        print(format_report(result))
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
