"""Run the timings and print them as a table; return the figures for the JSON line."""

import time

from insights.benchmark.timing import YEAR, median_ms, representative_filters, rows_selected
from insights.summaries import theme_summary
from insights.views.rendering import dashboard_html
from surveys.models import Response, Service, Touchpoint


def _render(feedback_filter):

    return dashboard_html(feedback_filter)


def measure(runs, write):

    service_id = Service.objects.order_by("pk").values_list("pk", flat=True).first()
    touchpoint_id = Touchpoint.objects.order_by("pk").values_list("pk", flat=True).first()
    started = time.perf_counter()
    figures = []
    write(f"{'filter':<32} {'rows':>9} {'median ms':>10}")
    for name, feedback_filter in representative_filters(service_id, touchpoint_id):
        ms = median_ms(lambda f=feedback_filter: _render(f), runs)
        rows = rows_selected(feedback_filter)
        figures.append({"filter": name, "rows": rows, "ms": ms})
        write(f"{name:<32} {rows:>9,} {ms:>10}")
    summary_ms = median_ms(lambda: theme_summary(start=YEAR[0], end=YEAR[1]), runs)
    write(f"{'theme summary, 12 months':<32} {'':>9} {summary_ms:>10}")
    write(f"(timings took {time.perf_counter() - started:.0f} s)")
    return {
        "responses": Response.objects.count(),
        "dashboard_ms": max(f["ms"] for f in figures),
        "summary_ms": summary_ms,
        "filters": figures,
    }
