import re

import pytest

from themes.analysis.regex_gate import (
    GatedPattern,
    PatternIndex,
    first_words,
    required_pieces,
    word_runs,
)


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


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(fell|fall|falls|fallen|falling) (over|down)\b", {"fell", "fall"}),
        (r"\b(\w+ ){0,2}(slapped|punched) (me|her)\b", {"slapped", "punched"}),
        (r"\brings? missing\b", {"missing"}),
    ],
)
def test_required_pieces_picks_a_rare_mandatory_part(pattern, expected):
    assert required_pieces(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "matching", "skipped"),
    [
        (r"\babus(e|ed|ing)\b", "she was abused", "she was amused"),
        (r"\b(not|never) (paid|pays) (the|my) (bills|rent)\b", "never paid my rent", "not paid"),
        (r"\brings? missing\b", "her rings missing", "her keys missing"),
        (r"\bso (i|she) (can not|could not) leave\b", "so she can not leave", "so i stayed"),
    ],
)
def test_gates_pass_matching_text_and_skip_text_missing_a_part(pattern, matching, skipped):
    gated = GatedPattern(pattern)
    assert re.search(pattern, matching) and not re.search(pattern, skipped)
    assert gated.may_match_runs(word_runs(matching))
    assert not gated.may_match_runs(word_runs(skipped))
    assert len(gated.gates) >= 1


@pytest.mark.parametrize("pattern", [r"\w+ \d+", r"(?i)hit", r"\u00a3\s?\d+|\b\d+ pounds\b"])
def test_patterns_without_certain_literal_text_have_no_pieces(pattern):
    assert required_pieces(pattern) is None
    assert GatedPattern(pattern).may_match_runs(set())


def test_index_tries_the_second_half_of_a_top_level_alternation():
    # The first-word gate only read "(rotten|mouldy)" and skipped this sentence.
    pattern = r"\b(rotten|mouldy) food\b|\b(black )?mould (everywhere|all over)\b"
    index = PatternIndex([("self_neglect", GatedPattern(pattern))])
    sentence = "there is black mould everywhere"
    assert not GatedPattern(pattern).may_match(set(sentence.split()))
    assert index.candidates(word_runs(sentence)) == index._entries
    assert re.search(pattern, sentence)


def test_index_needs_every_gate_and_finds_pieces_inside_words():
    index = PatternIndex(
        [("a", GatedPattern(r"\b(not|never) (paid|pays) (the|my) (bills|rent)\b"))]
    )
    assert index.candidates(word_runs("the bills are not paid")) == index._entries
    assert index.candidates(word_runs("i have not paid for it")) == []  # no bills or rent
    assert index.candidate_indices(word_runs("never pays rent")) == [0]


def test_gates_never_skip_a_pattern_that_matches():
    """Every pattern the engine ships, on text it matches: its gates must let it through."""
    from themes.analysis import SafeguardingDetector
    from themes.analysis.tagger import Tagger

    detector = SafeguardingDetector()
    samples = [
        "he hit her and she has bruises on her arm",
        "my savings have gone missing from my account",
        "there is black mould everywhere and rotten food",
        "dont open the curtains",
        "i waited 6 weeks and nobody called back",
        "they took her passport and she works 7 days a week",
    ]
    tried = 0
    for sentence in samples:
        canonical = " ".join(detector._canonical_tokens(sentence))
        possible = set(detector._patterns.candidate_indices(set(canonical.split())))
        for position, (_, pattern) in enumerate(detector._entries):
            if pattern.regex.search(canonical):
                tried += 1
                assert position in possible, pattern.regex.pattern
    matcher = Tagger(redact=False, safeguarding=False).matcher
    for sentence in samples:
        possible = {id(p) for _, p in matcher._pattern_index.candidates(word_runs(sentence))}
        for _, pattern in matcher._pattern_index._entries:
            if pattern.regex.search(sentence):
                tried += 1
                assert id(pattern) in possible, pattern.regex.pattern
    assert tried >= 8
