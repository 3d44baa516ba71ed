"""`manage.py redaction_evaluate --csv PATH [--origins PATH] [--json]`: score the redactor."""

import json

from django.core.management.base import BaseCommand, CommandError

from themes.analysis.redaction_eval import format_scores, read_cases, score


class Command(BaseCommand):
    help = "Score the redactor on a labelled CSV (text,pii,keep,kinds): recall and over-redaction."

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, help="Comments with pii, keep and kinds.")
        parser.add_argument("--origins", help="row,origins CSV for name recall per origin.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--failures", action="store_true", help="Also list what failed.")

    def handle(self, *args, csv, origins, failures, **options):
        try:
            cases = read_cases(csv, origins)
        except (FileNotFoundError, KeyError, ValueError) as error:
            raise CommandError(f"Cannot read {csv!r}: {error}") from error
        scores = score(cases)
        if options["json"]:
            self.stdout.write(json.dumps(scores.as_dict(), indent=2))
            return
        self.stdout.write(format_scores(scores))
        if failures:
            for failure in scores.failures:
                self.stdout.write(json.dumps(failure, ensure_ascii=False))
