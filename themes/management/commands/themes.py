"""`manage.py themes evaluate|tag|retag|load-taxonomy`: the themes engine from the command line."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from themes.analysis import ResourceMissing, evaluate_csv, format_report, loader, tag_csv
from themes.engine import current_tagger
from themes.learning import model_rollback, retrain_from_reviews
from themes.models import Theme
from themes.retagging import responses_to_tag, retag
from themes.taxonomy import load_default_taxonomy

# Checked at start-up, so a missing file fails at once with its name, not halfway through.
REQUIRED_RESOURCES = (
    "stopwords",
    "first_names",
    "default_taxonomy",
    "safeguarding_signals",
    "vader_lexicon",
)


class Command(BaseCommand):
    help = "Evaluate, run and maintain the themes engine."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        evaluate = sub.add_parser("evaluate", help="Score the engine on a labelled CSV.")
        evaluate.add_argument("--csv", required=True)
        evaluate.add_argument("--text-column", required=True)
        evaluate.add_argument("--label-column", required=True)
        evaluate.add_argument("--sentiment-column")
        evaluate.add_argument(
            "--context-column", help="What each comment answered (e.g. the question): a feature."
        )
        modes = evaluate.add_mutually_exclusive_group()
        modes.add_argument("--train", help="Learn themes from this labelled CSV first.")
        modes.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation.")
        modes.add_argument(
            "--group-column", help="Train on the other groups, test on each one (e.g. a trust)."
        )
        evaluate.add_argument(
            "--test-group", action="append", help="With --group-column: hold out only this one."
        )
        evaluate.add_argument("--json", action="store_true")
        tag = sub.add_parser("tag", help="Write each row's themes and sentiment to a CSV.")
        tag.add_argument("--csv", required=True)
        tag.add_argument("--text-column", required=True)
        tag.add_argument("--out", required=True)
        retag = sub.add_parser("retag", help="(Re)tag stored responses. Resumable.")
        retag.add_argument("--all", action="store_true", help="Also responses already tagged.")
        retag.add_argument("--dry-run", action="store_true")
        sub.add_parser("load-taxonomy", help="Add any missing default theme.")
        retrain = sub.add_parser("retrain", help="Learn from the tags staff reviewed.")
        retrain.add_argument("--min-examples", type=int, default=20)
        retrain.add_argument(
            "--rollback", action="store_true", help="Go back to the previous learned model."
        )

    def handle(self, *args, action, **options):
        try:
            for name in REQUIRED_RESOURCES:
                loader.path(name)
        except ResourceMissing as error:
            raise CommandError(str(error)) from error
        handler = getattr(self, f"handle_{action.replace('-', '_')}")
        handler(**options)

    def handle_evaluate(self, *, csv, text_column, label_column, sentiment_column, train, **opts):
        try:
            result = evaluate_csv(
                csv,
                text_column,
                label_column,
                sentiment_column,
                train,
                cv=opts["cv"],
                group_column=opts["group_column"],
                test_groups=opts["test_group"],
                context_column=opts["context_column"],
            )
        except (FileNotFoundError, KeyError, ValueError) as error:
            raise CommandError(f"Could not evaluate: {error}") from error
        if opts["json"]:
            self.stdout.write(json.dumps(result, default=float))
        else:
            self.stdout.write(format_report(result))

    def handle_tag(self, *, csv, text_column, out, **opts):

        def progress(done):
            self.stderr.write(f"\r{done:,} comments tagged", ending="")

        try:
            summary = tag_csv(csv, text_column, out, current_tagger(), progress=progress)
        except (FileNotFoundError, KeyError) as error:
            raise CommandError(f"Could not tag: {error}") from error
        self.stderr.write("")
        self.stdout.write(json.dumps(summary, default=str))

    def handle_retag(self, *, all, dry_run, **opts):

        queryset = responses_to_tag(include_done=all)
        total = queryset.count()
        self.stdout.write(f"{total} responses to tag")
        if dry_run or not total:
            return
        done = 0
        for done, _status in enumerate(retag(queryset), start=1):
            if done % 50 == 0 or done == total:
                self._bar(done, total)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Tagged {done} responses."))

    def handle_load_taxonomy(self, **opts):

        self.stdout.write(f"Added {load_default_taxonomy(Theme)} themes.")

    def handle_retrain(self, *, min_examples, rollback, **opts):
        if rollback:
            self._rollback()
            return
        report = retrain_from_reviews(min_examples=min_examples)
        if report is None:
            self.stdout.write(f"Fewer than {min_examples} reviewed comments: nothing to learn yet.")
            return
        self.stdout.write(
            f"Trained on {report.n_train} reviewed comments; scored on {report.n_holdout} "
            "others held back (no text on both sides)."
        )
        self.stdout.write(f"{'theme':28} {'before P/R/F1':>20}   {'after P/R/F1':>20}")
        for key, scores in report.per_theme.items():
            self.stdout.write(f"{key[:28]:28} {_prf(scores['before'])}   {_prf(scores['after'])}")
        before, after = report.before["micro_f1"], report.after["micro_f1"]
        self.stdout.write(f"micro-F1: in use ({report.baseline}) {before:.3f}, new {after:.3f}")
        if report.accepted:
            message = f"New model {report.version.pk} kept: micro-F1 up {report.gain:.3f}."
            self.stdout.write(self.style.SUCCESS(message))
        else:
            message = f"Kept {report.baseline}: the new model was not better ({report.gain:+.3f})."
            self.stdout.write(self.style.WARNING(message))

    def _rollback(self):
        previous = model_rollback()
        if previous is None:
            self.stdout.write("No earlier learned model: the phrase rules alone tag now.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Model {previous.pk} is current again."))

    def _bar(self, done, total, width=30):
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        sys.stdout.flush()


def _prf(scores):
    return f"{scores['precision']:.2f}/{scores['recall']:.2f}/{scores['f1']:.2f}".rjust(20)
