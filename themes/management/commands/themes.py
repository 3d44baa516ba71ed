"""`manage.py themes evaluate|tag|retag|load-taxonomy`: the themes engine from the command line."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from themes.analysis import ResourceMissing, evaluate_csv, format_report, loader, tag_csv
from themes.engine import current_tagger
from themes.learning import retrain_from_reviews
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
        evaluate.add_argument("--train", help="Learn themes from this labelled CSV first.")
        evaluate.add_argument("--json", action="store_true")
        tag = sub.add_parser("tag", help="Write each row's themes and sentiment to a CSV.")
        tag.add_argument("--csv", required=True)
        tag.add_argument("--text-column", required=True)
        tag.add_argument("--out", required=True)
        retag = sub.add_parser("retag", help="(Re)tag stored responses. Resumable.")
        retag.add_argument("--all", action="store_true", help="Also responses already tagged.")
        retag.add_argument("--dry-run", action="store_true")
        sub.add_parser("load-taxonomy", help="Add any missing default theme.")
        retrain = sub.add_parser("retrain", help="Learn from the tags staff confirmed.")
        retrain.add_argument("--min-examples", type=int, default=20)

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
            result = evaluate_csv(csv, text_column, label_column, sentiment_column, train)
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

    def handle_retrain(self, *, min_examples, **opts):

        report = retrain_from_reviews(min_examples=min_examples)
        if report is None:
            self.stdout.write(f"Fewer than {min_examples} reviewed comments: nothing to learn yet.")
            return
        self.stdout.write(f"Held back {report.n_holdout} reviewed comments to score on.")
        self.stdout.write(f"Before: {report.before or 'no model yet'}")
        self.stdout.write(f"After:  {report.after}")
        style = self.style.SUCCESS if report.accepted else self.style.WARNING
        self.stdout.write(style(report.message))

    def _bar(self, done, total, width=30):
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        sys.stdout.flush()
