"""Reads for boards and reports: theme summaries and how a theme moved."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from coproduction.selectors import meeting_previous
from insights.filters import FeedbackFilter
from insights.summaries import theme_rows, theme_summary


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
