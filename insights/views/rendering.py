"""Render the dashboard's panels to HTML (used by the views and by the benchmark)."""

from django.template.loader import render_to_string

from insights.dashboard import STAFF, dashboard_build
from insights.dashboard.equality import DEFAULT_PAIR


def dashboard_panels_context(feedback_filter, *, audience=STAFF, pair=DEFAULT_PAIR):
    return {
        "panels": dashboard_build(feedback_filter, audience=audience, pair=pair),
        "audience": audience,
        "feedback_filter": feedback_filter,
    }


def dashboard_html(feedback_filter, *, audience=STAFF, pair=DEFAULT_PAIR):
    context = dashboard_panels_context(feedback_filter, audience=audience, pair=pair)
    return render_to_string("insights/_dashboard_panels.html", context)
