"""The readability measure is plain Python: no database, no NLTK data download."""

import pytest

from cms import readability

TERMS = {"reablement": "support to get back on your feet", "care package": "your care"}


@pytest.mark.parametrize(
    "word, syllables",
    [
        ("care", 1),
        ("people", 2),
        ("social", 2),
        ("assessment", 3),
        ("services", 3),
        ("reablement", 4),
        ("information", 4),
        ("independent", 4),
        ("helped", 1),
    ],
)
def test_syllables_are_estimated_for_common_words(word, syllables):
    assert readability.count_syllables(word) == syllables


def test_sentences_split_without_breaking_on_common_abbreviations():
    text = "Dr. Patel will call you. We read every card!\nA heading with no full stop"
    assert readability.split_sentences(text) == [
        "Dr. Patel will call you.",
        "We read every card!",
        "A heading with no full stop",
    ]


def test_short_plain_text_meets_the_gov_uk_reading_age():
    result = readability.analyse("We will call you back. You do not need to give your name.")
    assert result.reading_age <= readability.GOV_UK_READING_AGE
    assert not result.is_harder_than()


def test_long_words_in_long_sentences_raise_the_reading_age():
    text = (
        "Comprehensive multidisciplinary assessments determine eligibility for "
        "intermediate rehabilitation, notwithstanding organisational considerations."
    )
    assert readability.analyse(text).is_harder_than(9)


def test_sentences_over_the_limit_are_listed():
    long_one = " ".join(["word"] * 26) + "."
    result = readability.analyse(f"Short one. {long_one}")
    assert result.long_sentences == [long_one]


def test_a_sentence_at_the_limit_is_not_long():
    assert readability.analyse(" ".join(["word"] * 25) + ".").long_sentences == []


def test_easy_read_limit_is_stricter():
    sixteen = " ".join(["word"] * 16) + "."
    assert readability.analyse(sixteen, long_sentence_words=15).long_sentences == [sixteen]


def test_jargon_is_found_with_its_plain_english_suggestion():
    result = readability.analyse("Reablement helps. Your care  packages start soon.", terms=TERMS)
    assert [(m.term, m.suggestion, m.count) for m in result.jargon] == [
        ("care package", "your care", 1),
        ("reablement", "support to get back on your feet", 1),
    ]


def test_jargon_does_not_match_inside_other_words():
    assert readability.analyse("Preablementation is not a word.", terms=TERMS).jargon == []


def test_empty_text_has_no_reading_age():
    result = readability.analyse("")
    assert result.reading_age is None and not result.is_harder_than()


def test_one_simple_sentence_is_one_idea():
    assert readability.count_ideas("We read every card.") == 1


def test_clauses_joined_by_linking_words_count_as_more_ideas():
    assert readability.count_ideas("We read every card, and we change things; you can help.") == 3


def test_module_does_not_import_django():
    from pathlib import Path

    assert "django" not in Path(readability.__file__).read_text()
