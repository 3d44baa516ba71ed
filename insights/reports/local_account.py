"""The Local Account's feedback chapter for one financial year (April to March).

Plain English throughout: short sentences, everyday words, numbers with what they mean. Small
numbers are suppressed as on the dashboard; a year of fewer than 5 responses says only that.
"""

from datetime import date

from django.utils.translation import gettext as _

from coproduction.selectors import you_said_we_did_published
from insights.dashboard.equality import STATEMENT, by_characteristic
from insights.dashboard.responses import headline
from insights.dashboard.sources import response_measures
from insights.dashboard.themes import theme_movement
from insights.filters import FeedbackFilter
from insights.summaries import theme_quotes
from insights.suppression import NOT_SHOWN_NOTE, TOO_SMALL, too_small

TOP_THEMES = 5


def financial_year(year):
    """The year starting 1 April `year`, e.g. 2025 → 1 April 2025 to 31 March 2026."""
    return FeedbackFilter(start=date(year, 4, 1), end=date(year + 1, 3, 31))


def you_said_we_did_in(feedback_filter):

    return list(
        you_said_we_did_published().filter(
            completed_on__gte=feedback_filter.start, completed_on__lte=feedback_filter.end
        )
    )


def local_account_build(year):
    """Everything the chapter shows for the financial year starting in April `year`."""
    feedback_filter = financial_year(year)
    now = response_measures(feedback_filter)
    small = too_small(now["responses"])
    themes = [] if small else theme_movement(feedback_filter, total=now["responses"])
    top = [row for row in themes if not row["suppressed"]][:TOP_THEMES]
    for row in top:
        row["quotes"] = theme_quotes(feedback_filter, row["theme_id"], limit=2)
    return {
        "year": year,
        "year_label": _("%(start)s to %(end)s") % {"start": year, "end": year + 1},
        "filter": feedback_filter,
        "headline": headline(feedback_filter, now=now),
        "too_small": TOO_SMALL if small else None,
        "not_shown_note": NOT_SHOWN_NOTE,
        "themes": top,
        "equality": [] if small else by_characteristic(feedback_filter),
        "equality_statement": STATEMENT,
        "you_said_we_did": you_said_we_did_in(feedback_filter),
    }
