"""Months and financial years in a period, and how to name them.

A UK council's financial year runs from 1 April to 31 March; "the year 2025" is the one that
starts on 1 April 2025.
"""

from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def months_between(start, end):
    """The first day of every calendar month that the period touches."""
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = next_month(current)
    return months


def next_month(month):
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(month):
    return month_start(month - timedelta(days=1))


def month_start(day):
    return date(day.year, day.month, 1)


def month_end(month):
    return next_month(month) - timedelta(days=1)


def split_by_month(start, end):
    """Split a period into whole calendar months and the odd days left over.

    Returns `(months, odd_days)`: `months` is (first month, last month) as first days, or None
    when the period holds no whole month; `odd_days` is a tuple of (start, end) ranges.
    """
    first = start if start.day == 1 else next_month(month_start(start))
    last = month_start(end)
    if end != month_end(last):
        last = previous_month(last)
    if first > last:
        return None, ((start, end),)
    odd_days = []
    if start < first:
        odd_days.append((start, first - timedelta(days=1)))
    if end > month_end(last):
        odd_days.append((next_month(last), end))
    return (first, last), tuple(odd_days)


def is_whole_months(start, end):
    months, odd_days = split_by_month(start, end)
    return months is not None and not odd_days


def months_before(start, end):
    """The same number of whole months just before a period of whole months."""
    first = start
    for _month in months_between(start, end):
        first = previous_month(first)
    return first, start - timedelta(days=1)


def twelve_months_before(end):
    """The first day of the 12 months ending on `end`: whole months when `end` ends a month
    (1 April for 31 March), otherwise 364 days before."""
    if end == month_end(month_start(end)):
        return next_month(date(end.year - 1, end.month, 1))
    return end - timedelta(days=364)


def last_full_months(today, count=12):
    """The `count` whole calendar months before the one `today` is in: a default that never
    runs into the future, and that whole-month roll-ups answer alone."""
    end = month_start(today) - timedelta(days=1)
    start = month_start(end)
    for _month in range(count - 1):
        start = previous_month(start)
    return start, end


def financial_year_of(day):
    """The year the financial year holding `day` starts in (31 March 2026 → 2025)."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year(year):
    """1 April `year` to 31 March the year after."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def last_full_financial_year(today):
    """The latest financial year that has ended by `today`: what a Local Account reports."""
    return financial_year_of(today) - 1


def financial_year_label(year):
    """'2025 to 2026'."""
    return _("%(start)s to %(end)s") % {"start": year, "end": year + 1}


def month_label(month):
    return date_format(month, "M Y")


def period_label(start, end):
    """'1 March 2025 to 31 March 2025', in the active language's words and date format."""
    return _("%(start)s to %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }


def month_key(value):
    """TruncMonth gives a date or a datetime depending on the database; compare as dates."""
    return value.date() if hasattr(value, "date") and callable(value.date) else value
