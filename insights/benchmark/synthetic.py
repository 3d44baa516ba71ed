"""Write synthetic responses, comments, analyses and theme mentions with COPY.

Deterministic (seeded), realistic in shape: most people answer on paper or by QR code in
English, a third skip the equality questions, about 60% leave a comment.
"""

from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from surveys.choices import EQUALITY_FIELDS

START = date(2023, 4, 1)
DAYS = 3 * 365  # three financial years, April 2023 to March 2026
SERVICES = 12
TOUCHPOINTS_PER_SERVICE = 3
COMMENT_RATE = 0.6
OVERALL = {
    "very_good": 35,
    "good": 30,
    "neither": 12,
    "poor": 10,
    "very_poor": 8,
    "dont_know": 2,
    "": 3,
}
CHANNELS = {
    "qr": 40,
    "web": 25,
    "paper": 20,
    "phone": 8,
    "easy_read": 3,
    "interpreter": 2,
    "kiosk": 2,
}
LANGUAGES = {"en": 85, "pl": 4, "ur": 4, "so": 3, "bn": 2, "tr": 2}
SENTENCES = [
    ("We waited months for an assessment and nobody called back.", "negative", -0.6),
    ("The social worker was kind and listened to what I wanted.", "positive", 0.7),
    ("I could not get through on the phone, it rang and rang.", "negative", -0.5),
    ("The carers were late every morning and changed all the time.", "negative", -0.5),
    ("Respite gave my husband and me a break we badly needed.", "positive", 0.6),
    ("The letter was full of jargon and I did not understand it.", "negative", -0.4),
    ("Staff treated mum with respect and explained everything.", "positive", 0.8),
    ("Nobody told us what would happen after hospital discharge.", "negative", -0.5),
]


def _weighted(rng, weights, n):
    return rng.choices(list(weights), weights=list(weights.values()), k=n)


def _equality_value(rng, choices):
    return "" if rng.random() < 0.3 else rng.choice(choices.values)


def response_rows(rng, n, touchpoints):
    """Tuples for surveys_response, in COPY column order."""
    # Responses are stored as they arrive, so ids follow dates (as in a live system).
    days = sorted(rng.randrange(DAYS) for _ in range(n))
    overall = _weighted(rng, OVERALL, n)
    channels = _weighted(rng, CHANNELS, n)
    languages = _weighted(rng, LANGUAGES, n)
    for i in range(n):
        service_id, touchpoint_id, survey_id = touchpoints[i % len(touchpoints)]
        equality = [_equality_value(rng, choices) for _q, choices in EQUALITY_FIELDS.values()]
        ascs = None if rng.random() < 0.3 else rng.randint(1, 7)
        yield (
            i + 1,
            survey_id,
            service_id,
            touchpoint_id,
            channels[i],
            languages[i],
            START + timedelta(days=days[i]),
            overall[i],
            ascs,
            "",
            "{}",
            "",
            *equality,
            f"B{i:011d}",
            False,
        )


RESPONSE_COLUMNS = (
    "id",
    "survey_id",
    "service_id",
    "touchpoint_id",
    "channel",
    "language",
    "submitted_on",
    "overall",
    "ascs_satisfaction",
    "ascs_information",
    "answers",
    "helped_by",
    *EQUALITY_FIELDS,
    "receipt_code",
    "is_demo",
)


def copy_rows(table, columns, rows):
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def comment_rows(rng, responses, theme_ids):
    """Yield (comment, analysis, mentions) rows for the responses that leave a comment."""
    today = timezone.localdate()
    comment_id = mention_id = 0
    for response_id, service_id, day in responses:
        if rng.random() > COMMENT_RATE:
            yield "analysis", (response_id, "done", 1, "", None, False, today, "")
            continue
        comment_id += 1
        text, sentiment, compound = rng.choice(SENTENCES)
        yield "comment", (comment_id, response_id, "do_better", "do_better", text)
        yield "comment_analysis", (comment_id, sentiment, compound, text, "{}")
        yield "analysis", (response_id, "done", 1, sentiment, compound, False, today, "")
        for theme_id in rng.sample(theme_ids, rng.choice((1, 1, 2))):
            mention_id += 1
            yield (
                "mention",
                (
                    mention_id,
                    comment_id,
                    theme_id,
                    response_id,
                    service_id,
                    day,
                    sentiment,
                    compound,
                    text,
                    0,
                    "[]",
                    "rule",
                    1.0,
                    "",
                ),
            )
