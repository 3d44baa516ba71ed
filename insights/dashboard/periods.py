"""Months in a period, and how to name them."""

from datetime import date

from django.utils.formats import date_format


def months_between(start, end):
    """The first day of every calendar month that the period touches."""
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def month_label(month):
    return date_format(month, "M Y")


def period_label(start, end):
    return f"{date_format(start, 'j F Y')} to {date_format(end, 'j F Y')}"


def month_key(value):
    """TruncMonth gives a date or a datetime depending on the database; compare as dates."""
    return value.date() if hasattr(value, "date") and callable(value.date) else value
