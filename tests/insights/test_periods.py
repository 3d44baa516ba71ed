"""How a period is named, in each language."""

from datetime import date

import pytest
from django.utils import translation

from insights.periods import period_label

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@pytest.mark.parametrize(
    "language, label",
    [
        ("en", "1 March 2025 to 31 March 2025"),
        ("pl", "od 1 marca 2025 do 31 marca 2025"),
        ("ur", "1 مارچ 2025 سے 31 مارچ 2025 تک"),
    ],
)
def test_period_label_uses_the_languages_words_and_date_format(language, label):
    with translation.override(language):
        assert period_label(*MARCH) == label


def test_period_label_is_not_american_or_untranslated_in_polish():
    with translation.override("en"):
        assert "March 1" not in period_label(*MARCH)
    with translation.override("pl"):
        assert " to " not in period_label(*MARCH)
        assert "Marzec" not in period_label(*MARCH)
