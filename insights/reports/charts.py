"""The dashboard's charts, for the Local Account and the CQC pack: made by the same functions,
from the same suppressed figures, so a PDF shows what staff see on screen. Each comes with
the table of its numbers (insights/templates/insights/reports/_*_charts.html)."""

from insights.dashboard.responses import fft_over_time_panel, monthly, volume_panel
from insights.dashboard.themes import monthly_panel, movement_panel


def report_charts(feedback_filter, theme_rows):
    """Responses and good or poor experiences each month, and the themes, for the report's
    period. `theme_rows` are the period's `theme_movement` rows, all of them."""
    months = monthly(feedback_filter)
    return {
        "volume": volume_panel(months),
        "fft_time": fft_over_time_panel(months),
        "themes": movement_panel(theme_rows),
        "themes_time": monthly_panel(feedback_filter, theme_rows),
    }
