"""The insights dashboard: every panel's figures for one filter, counted in the database.

`dashboard_build(feedback_filter, audience=...)` returns the panels. Board members get the
redacted version: no safeguarding figures, no links to responses, quotes only from redacted
evidence of unflagged comments, and small numbers suppressed (as everywhere).

A filter that selects fewer than 5 responses gets the headline ("fewer than 5 responses") and
`too_small`, the message that says why, and no other panel: months, themes or answers of so
small a group could pick its people out.
"""

from insights.dashboard.emerging import emerging_cached
from insights.dashboard.equality import DEFAULT_PAIR, equality_panel
from insights.dashboard.loop import closing_the_loop
from insights.dashboard.one_pass import read_once
from insights.dashboard.responses import (
    fft_by_service_panel,
    fft_over_time_panel,
    headline,
    monthly,
    sentiment_panel,
    volume_panel,
)
from insights.dashboard.sources import response_measures
from insights.dashboard.themes import monthly_panel, movement_panel, theme_movement
from insights.follow_ups import follow_up_rows
from insights.summaries import quotes_add
from insights.suppression import NOT_SHOWN_NOTE, TOO_SMALL, too_small
from themes.selectors import safeguarding_open_count

STAFF = "staff"
BOARD = "board"
QUOTED_THEMES = 5


def _quotes(feedback_filter, theme_rows):
    """Quotes for the top themes, most mentioned first, no sentence under two of them."""
    shown = [dict(row) for row in theme_rows if not row["suppressed"]][:QUOTED_THEMES]
    return [
        {"name": row["name"], "quotes": row["quotes"]} for row in quotes_add(feedback_filter, shown)
    ]


def dashboard_build(feedback_filter, *, audience=STAFF, pair=DEFAULT_PAIR, emerging=True):
    """All dashboard panels for `feedback_filter`, for staff or for a board."""

    previous = feedback_filter.previous_period()
    # Whatever the panels must count from the responses themselves is read once.
    with read_once(now=feedback_filter, before=previous, pair=pair):
        panels = _panels(feedback_filter, previous, pair, emerging)
    if audience == STAFF:
        # The staff's own work queue, the same whatever the filter: not a figure about people.
        panels["safeguarding_open"] = safeguarding_open_count()
    elif "themes" in panels:
        panels["quotes"] = _quotes(feedback_filter, panels["themes"]["rows"])
    return panels


def _panels(feedback_filter, previous, pair, emerging):

    now = response_measures(feedback_filter)
    before = response_measures(previous)
    if too_small(now["responses"]):
        return {
            "headline": headline(feedback_filter, now=now, before=before),
            "too_small": TOO_SMALL,
        }
    months = monthly(feedback_filter)
    themes = theme_movement(
        feedback_filter, total=now["responses"], previous_total=before["responses"]
    )
    return {
        "headline": headline(feedback_filter, now=now, before=before),
        "volume": volume_panel(months),
        "fft_time": fft_over_time_panel(months),
        "fft_service": fft_by_service_panel(feedback_filter),
        "sentiment": sentiment_panel(feedback_filter, totals=now),
        "themes": movement_panel(themes),
        "themes_time": monthly_panel(feedback_filter, themes),
        "equality": equality_panel(feedback_filter, pair),
        "loop": closing_the_loop(feedback_filter),
        "follow_ups": follow_up_rows(feedback_filter),
        "emerging": emerging_cached(feedback_filter) if emerging else [],
        "not_shown_note": NOT_SHOWN_NOTE,
    }


__all__ = ["BOARD", "DEFAULT_PAIR", "STAFF", "dashboard_build"]
