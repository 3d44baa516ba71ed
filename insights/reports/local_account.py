"""The Local Account's feedback chapter for one financial year (April to March).

Plain English throughout: short sentences, everyday words, numbers with what they mean. Small
numbers are suppressed as on the dashboard; a year of fewer than 5 responses says only that.
"""

from django.utils.translation import ngettext

from coproduction.selectors import you_said_we_did_published
from insights.dashboard.equality import STATEMENT, by_characteristic
from insights.dashboard.responses import headline
from insights.dashboard.sources import response_measures
from insights.dashboard.themes import theme_movement
from insights.filters import FeedbackFilter
from insights.follow_ups import follow_up_rows
from insights.periods import financial_year as financial_year_dates
from insights.periods import financial_year_label
from insights.reports.charts import report_charts
from insights.summaries import quotes_add
from insights.suppression import NOT_SHOWN_NOTE, TOO_SMALL, plural_count, shown_count, too_small

TOP_THEMES = 5


def financial_year(year):
    """The year starting 1 April `year`, e.g. 2025 → 1 April 2025 to 31 March 2026."""
    start, end = financial_year_dates(year)
    return FeedbackFilter(start=start, end=end)


def responses_sentence(count, before):
    """How many people told us this year, and the year before. A year with no responses at
    all has no figure to compare with: "it was 0" would read as if nobody was happy to."""
    number = shown_count(count)
    if not before:
        return ngettext(
            "%(number)s person filled in a How Did We Do card or form this year. There is no "
            "figure for the year before to compare with.",
            "%(number)s people filled in a How Did We Do card or form this year. There is no "
            "figure for the year before to compare with.",
            plural_count(number),
        ) % {"number": number}
    return ngettext(
        "%(number)s person filled in a How Did We Do card or form this year. The year before, "
        "it was %(before)s.",
        "%(number)s people filled in a How Did We Do card or form this year. The year before, "
        "it was %(before)s.",
        plural_count(number),
    ) % {"number": number, "before": shown_count(before)}


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
    before = response_measures(feedback_filter.previous_period())
    small = too_small(now["responses"])
    themes = [] if small else theme_movement(feedback_filter, total=now["responses"])
    top = [row for row in themes if not row["suppressed"]][:TOP_THEMES]
    quotes_add(feedback_filter, top, limit=2)  # no sentence quoted under two themes
    return {
        "year": year,
        "year_label": financial_year_label(year),
        "filter": feedback_filter,
        "headline": headline(feedback_filter, now=now, before=before),
        "responses_sentence": responses_sentence(now["responses"], before["responses"]),
        "too_small": TOO_SMALL if small else None,
        "not_shown_note": NOT_SHOWN_NOTE,
        "themes": top,
        "charts": {} if small else report_charts(feedback_filter, themes),
        "equality": [] if small else by_characteristic(feedback_filter),
        "equality_statement": STATEMENT,
        "you_said_we_did": you_said_we_did_in(feedback_filter),
        "follow_ups": follow_up_rows(feedback_filter),
    }
