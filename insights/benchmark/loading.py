"""Load a fresh benchmark database: services, touchpoints, responses and their analyses."""

import random
import time

from django.db import connection, transaction
from django.db.models import Max, Min
from wagtail.models import Page

from insights.benchmark import synthetic
from insights.models import ROLLUP_MODELS
from insights.rollups import rollups_rebuild
from surveys.models import Response, Service, SurveyPage, Touchpoint
from themes.models import Theme

SEED = 20260401
TABLES = {
    "comment": ("surveys_freetextanswer", ("id", "response_id", "question_key", "purpose", "text")),
    "comment_analysis": (
        "insights_commentanalysis",
        ("comment_id", "sentiment", "compound", "redacted_text", "redactions"),
    ),
    "analysis": (
        "insights_responseanalysis",
        (
            "response_id",
            "status",
            "attempts",
            "sentiment",
            "compound",
            "is_flagged",
            "analysed_on",
            "error",
        ),
    ),
    "mention": (
        "insights_thememention",
        (
            "id",
            "comment_id",
            "theme_id",
            "response_id",
            "service_id",
            "submitted_on",
            "sentiment",
            "compound",
            "evidence",
            "sentence_index",
            "matched_words",
            "source",
            "confidence",
            "review",
        ),
    ),
}


def _places():
    root = Page.get_first_root_node()
    touchpoints = []
    for number in range(1, synthetic.SERVICES + 1):
        service = Service.objects.create(name=f"Service {number:02d}", slug=f"service-{number}")
        survey = root.add_child(
            instance=SurveyPage(title=f"Survey {number}", slug=f"survey-{number}", service=service)
        )
        for team in range(synthetic.TOUCHPOINTS_PER_SERVICE):
            point = Touchpoint.objects.create(
                name=f"Team {team}", code=f"s{number}t{team}", service=service, survey=survey
            )
            touchpoints.append((service.pk, point.pk, survey.pk))
    return touchpoints


def _reset_sequences():
    with connection.cursor() as cursor:
        for table in ("surveys_response", "surveys_freetextanswer", "insights_thememention"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )


def load(count, progress):
    """Insert `count` responses and everything the dashboard reads.

    Returns the seconds the roll-ups took to build."""
    touchpoints = _places()
    theme_ids = list(Theme.objects.filter(is_safeguarding=False).values_list("pk", flat=True))
    responses = []

    def remember(rows):
        for row in rows:
            responses.append((row[0], row[2], row[6]))
            yield row

    with transaction.atomic():
        rows = synthetic.response_rows(random.Random(SEED), count, touchpoints)
        synthetic.copy_rows("surveys_response", synthetic.RESPONSE_COLUMNS, remember(rows))
    progress(f"{count} responses written")
    for kind, (table, columns) in TABLES.items():
        with transaction.atomic():
            generated = synthetic.comment_rows(random.Random(SEED + 1), responses, theme_ids)
            synthetic.copy_rows(table, columns, (row for k, row in generated if k == kind))
        progress(f"{table} written")
    _reset_sequences()
    return rebuild_rollups(progress)


def rebuild_rollups(progress):
    """Recount every month's roll-ups, as `insights_rollups --all` does. Returns seconds taken."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    found = Response.objects.aggregate(first=Min("submitted_on"), last=Max("submitted_on"))
    started = time.perf_counter()
    written = rollups_rebuild(start=found["first"], end=found["last"])
    seconds = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        # A full recount leaves every old roll-up row dead, and repeated --reuse runs would
        # time ever more bloated tables. A live site recounts only the last months each night,
        # and autovacuum lets the next night reuse the space, so time compact tables.
        for model in ROLLUP_MODELS:
            cursor.execute(f"VACUUM FULL ANALYZE {model._meta.db_table}")
        cursor.execute("ANALYZE")
    progress(f"{written:,} roll-up rows built in {seconds} s")
    return seconds
