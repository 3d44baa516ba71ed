"""Dates read and written the UK way: Django's own English formats are American."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.formats import date_format

from insights.forms import DashboardFilterForm


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_typed_date_is_read_day_first(db, language):
    with translation.override(language):
        form = DashboardFilterForm(data={"start": "05/03/2026", "end": "2026-03-31"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["start"] == date(2026, 3, 5)
    assert form.cleaned_data["end"] == date(2026, 3, 31)


def test_short_dates_are_day_first_and_long_dates_spelled_out():
    with translation.override("en"):
        assert date_format(date(2026, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2026"
        assert date_format(date(2026, 3, 5), "DATE_FORMAT") == "5 March 2026"
