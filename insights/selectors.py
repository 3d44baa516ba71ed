"""Reads for boards and reports: theme summaries and how a theme moved."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from coproduction.selectors import meeting_previous
from insights.dashboard.sources import response_measures, theme_measures
from insights.filters import FeedbackFilter
from insights.periods import (
    month_end,
    month_key,
    month_start,
    months_between,
    next_month,
    previous_month,
)
from insights.summaries import theme_rows, theme_summary
from insights.suppression import suppressed_table, too_small

TREND_MONTHS = 6  # before the month of a change, and at most after it


def theme_summary_for_meeting(*, meeting):
    """The redacted themes summary for the period since the board's previous meeting (or the
    90 days before a first meeting). Board members only ever see what this returns."""
    previous = meeting_previous(meeting=meeting)
    start = previous.starts_at.date() if previous else meeting.starts_at.date() - timedelta(days=90)
    return theme_summary(start=start, end=meeting.starts_at.date())


def theme_trend(*, theme, start, end=None):
    """How a theme moved after a date (e.g. when a board acted): share before and since."""
    end = end or timezone.localdate()
    after = FeedbackFilter(start=start, end=end)
    before = FeedbackFilter(
        start=start - (end - start) - timedelta(days=1), end=start - timedelta(days=1)
    )

    def share_of(feedback_filter):
        rows, _total = theme_rows(feedback_filter, with_quotes=False)
        return next((row["share"] for row in rows if row["theme_id"] == theme.pk), None)

    share_before, share_after = share_of(before), share_of(after)
    if share_before is None or share_after is None:
        description = _("Not enough feedback yet to show a change.")
        direction = "unknown"
    else:
        direction = (
            "fewer"
            if share_after < share_before
            else ("more" if share_after > share_before else "same")
        )
        description = _(
            "Mentioned in %(after)s%% of responses since, compared with %(before)s%% in the "
            "same length of time before."
        ) % {"after": number_format(share_after), "before": number_format(share_before)}
    return {
        "before": share_before,
        "after": share_after,
        "direction": direction,
        "description": description,
    }


def _window(changed_on, today):
    """(first month, month of the change, last month): 6 months either side, none to come."""
    changed = first = last = month_start(changed_on)
    for _step in range(TREND_MONTHS):
        first, last = previous_month(first), next_month(last)
    return first, changed, max(min(last, month_start(today)), changed)


def theme_trends(changes, *, today=None):
    """{key: trend or None} for `changes`, a list of (key, themes, day of the change): the
    responses mentioning each theme, month by month, from 6 months before the month of the
    change to 6 months after it (or to this month), through the suppression layer.

    A trend is {"months", "changed" (the month of the change), "themes": [(theme, [counts])]};
    None when its months hold fewer than 5 responses in all. Each theme's months add up to its
    count for the period, so each is a column with secondary suppression, as on the dashboard.
    All the changes are counted in two queries, so a page of them costs no more than one.
    """
    today = today or timezone.localdate()
    windows = {key: _window(changed_on, today) for key, _themes, changed_on in changes}
    if not windows:
        return {}
    period = FeedbackFilter(
        start=min(w[0] for w in windows.values()),
        end=month_end(max(w[2] for w in windows.values())),
    )
    totals = {
        month_key(row["month"]): row["responses"] for row in response_measures(period, ("month",))
    }
    found = {
        (month_key(row["month"]), row["theme_id"]): row["responses"]
        for row in theme_measures(period, ("month", "theme_id"))
    }
    trends = {}
    for key, themes, _changed_on in changes:
        first, changed, last = windows[key]
        months = months_between(first, last)
        total = sum(totals.get(month, 0) for month in months)
        if not total or too_small(total):  # no line of zeros either: nothing to show yet
            trends[key] = None
            continue
        cells = {(m, t.pk): found.get((m, t.pk), 0) for m in months for t in themes}
        counts = suppressed_table(cells, [[(m, t.pk) for m in months] for t in themes])
        trends[key] = {
            "months": months,
            "changed": changed,
            "themes": [(t, [counts[(m, t.pk)] for m in months]) for t in themes],
        }
    return trends
