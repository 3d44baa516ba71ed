import pytest

from themes.analysis.regex_gate import GatedPattern, first_words


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(hit|slapped) (me|her)\b", {"hit", "slapped"}),
        (r"(?#negatable)\b(i am|she is) scared\b", {"i", "she"}),
        (r"\bchoked\b", {"choked"}),
        (r"\bleft (alone|on (her|his) own)", {"left"}),
    ],
)
def test_first_words_of_plain_word_lists(pattern, expected):
    assert first_words(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"\bmarks? on her", r"\b(\d+|two) weeks", r"\bthreaten(s|ed)? to", r"(abc)?d", r"\u00a3\d+"],
)
def test_patterns_whose_start_is_not_a_word_list_are_never_gated(pattern):
    assert first_words(pattern) is None
    assert GatedPattern(pattern).may_match(set())


def test_gate_skips_patterns_whose_first_words_are_absent():
    gated = GatedPattern(r"\b(hit|slapped) her\b")
    assert not gated.may_match({"the", "carer", "helped", "her"})
    assert gated.may_match({"he", "hit", "her"})
