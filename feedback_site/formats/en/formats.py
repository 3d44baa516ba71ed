"""English as written in the UK: Django's "en" formats are American (3/5/2026 is 5 March there)."""

from django.conf.locale.en_GB import formats as british

DATE_FORMAT = "j F Y"  # 1 March 2025
# Meetings: "Wednesday 4 March 2026, 2:30 p.m." ("2 p.m." on the hour, "noon").
DATETIME_FORMAT = "l j F Y, P"
TIME_FORMAT = "P"
SHORT_DATE_FORMAT = british.SHORT_DATE_FORMAT  # 01/03/2025
SHORT_DATETIME_FORMAT = british.SHORT_DATETIME_FORMAT
FIRST_DAY_OF_WEEK = british.FIRST_DAY_OF_WEEK  # Monday
# A typed date is read day first, so 05/03/2026 is 5 March (ISO dates are always accepted too).
DATE_INPUT_FORMATS = british.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = british.DATETIME_INPUT_FORMATS
