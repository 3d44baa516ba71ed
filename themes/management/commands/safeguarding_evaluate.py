"""Score the safeguarding flag on a labelled CSV: recall per category and false alarms.

    manage.py safeguarding_evaluate --csv ../shared/data/safeguarding/phrasings.csv \\
        --text-column text --label-column concern --category-column category [--json]
"""

import json

from django.core.management.base import BaseCommand, CommandError

from themes.analysis.safeguarding_eval import (
    format_safeguarding_report,
    read_labelled,
    score_safeguarding,
)


class Command(BaseCommand):
    help = "Recall per category, overall recall and false-alarm rate of the safeguarding flag."

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True)
        parser.add_argument("--text-column", default="text")
        parser.add_argument("--label-column", default="concern")
        parser.add_argument("--category-column")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, csv, text_column, label_column, category_column, **options):
        try:
            rows = read_labelled(csv, text_column, label_column, category_column)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        result = score_safeguarding(rows)
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=1))
        else:
            self.stdout.write(format_safeguarding_report(result))
