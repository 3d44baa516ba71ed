"""Time the dashboard and the theme summary for a representative set of filters."""

import statistics
import time
from datetime import date

from insights.filters import FeedbackFilter

YEAR = (date(2025, 4, 1), date(2026, 3, 31))
QUARTER = (date(2026, 1, 1), date(2026, 3, 31))
ALL_TIME = (date(2023, 4, 1), date(2026, 3, 31))
ODD = (date(2025, 5, 15), date(2026, 5, 14))


def representative_filters(service_id, touchpoint_id):
    """(name, filter): the filters a manager or board uses most, and the heaviest ones."""
    year = {"start": YEAR[0], "end": YEAR[1]}
    return [
        ("all services, 12 months", FeedbackFilter(**year)),
        ("one service, 12 months", FeedbackFilter(**year, service_id=service_id)),
        ("one quarter", FeedbackFilter(start=QUARTER[0], end=QUARTER[1])),
        ("one channel (paper)", FeedbackFilter(**year, channel="paper")),
        ("disabled residents", FeedbackFilter(**year, equality={"disability": "yes"})),
        (
            "disabled and Asian residents",
            FeedbackFilter(**year, equality={"disability": "yes", "ethnic_group": "asian"}),
        ),
        ("one language (Polish)", FeedbackFilter(**year, language="pl")),
        ("all services, 3 years", FeedbackFilter(start=ALL_TIME[0], end=ALL_TIME[1])),
        # Any dates: the odd days at either end are counted from the responses.
        ("15 May 2025 to 14 May 2026", FeedbackFilter(start=ODD[0], end=ODD[1])),
        (
            "disabled residents, 15 May to 14 May",
            FeedbackFilter(start=ODD[0], end=ODD[1], equality={"disability": "yes"}),
        ),
        ("one touchpoint, 12 months", FeedbackFilter(**year, touchpoint_id=touchpoint_id)),
    ]


def median_ms(function, runs):
    """Median wall time of `runs` calls after one warm-up call, in milliseconds."""
    function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def rows_selected(feedback_filter):
    return feedback_filter.responses().count()
