"""Urdu as used in the UK (Django has no Urdu formats): numbers and typed dates as in UK English."""

from django.conf.locale.en_GB import formats as british

DATE_FORMAT = "j F Y"  # 1 مارچ 2025
# Meetings: "Wednesday 4 March 2026, 2:30 p.m." ("2 p.m." on the hour, "noon").
DATETIME_FORMAT = "l j F Y, P"
TIME_FORMAT = "P"
SHORT_DATE_FORMAT = british.SHORT_DATE_FORMAT
SHORT_DATETIME_FORMAT = british.SHORT_DATETIME_FORMAT
FIRST_DAY_OF_WEEK = british.FIRST_DAY_OF_WEEK
DATE_INPUT_FORMATS = british.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = british.DATETIME_INPUT_FORMATS
