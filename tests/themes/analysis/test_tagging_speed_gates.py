"""The shortcuts taken for speed give what the full rules give."""

import dataclasses

import pytest

from themes.analysis import SafeguardingDetector, Tagger, redact, split_sentences
from themes.analysis.regex_gate import GatedPattern, PatternIndex
from themes.analysis.tagger import _CLAUSES, _clauses
from themes.analysis.themes import ThemeTag, theme_tag


def test_a_quickly_made_tag_is_the_same_tag():
    fields = ("staff_attitude", "Kind staff.", ("kind",), "positive", "rule", 0.7, 0.52, 2)
    quick, usual = theme_tag(*fields), ThemeTag(*fields)
    assert quick == usual
    assert repr(quick) == repr(usual)
    assert hash(quick) == hash(usual)
    assert dataclasses.astuple(quick) == fields
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.sentiment = "negative"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("We waited. Nobody came! Why?", ["We waited.", "Nobody came!", "Why?"]),
        ('She said "no." Then left.', ['She said "no."', "Then left."]),
        ("Mr. Jones rang. Fine", ["Mr. Jones rang.", "Fine"]),
        ("Good carers\nBad office. Slow", ["Good carers", "Bad office.", "Slow"]),
        ("Points: * late * rude", ["Points: *", "late *", "rude"]),
    ],
)
def test_sentences_split_the_same_with_or_without_line_breaks_and_bullets(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "The carers are lovely",
        "Lovely, but always late",
        "Kind staff BUT slow",
        "Helpful; patient: calm - thorough",
        "Nice although rushed",
        "Quick whereas the office was slow",
        "Café lovely but late",
        "Butter and toast",
    ],
)
def test_clauses_are_the_regex_split(sentence):
    assert _clauses(sentence) == _CLAUSES.split(sentence)


def test_a_sentence_with_no_break_is_one_clause():
    assert _clauses("The carer was kind and patient") == ["The carer was kind and patient"]


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("born 12/03/1950", "born [date of birth]"),
        ("seen on 12-03-1950 at home", "seen on [date of birth] at home"),
        ("born in 1950", "born in [date of birth]"),
        ("on 3 March 1950", "on [date of birth]"),
        ("NHS number 943 476 5919", "NHS number [NHS number]"),
        ("ring 07700 900123", "ring [phone]"),
        ("waited 5 weeks for 2 visits", "waited 5 weeks for 2 visits"),
        ("room 2 3", "room 2 3"),
    ],
)
def test_digit_rules_still_find_what_they_need(text, redacted):
    assert redact(text).text == redacted


def test_censored_words_and_split_reflexives_are_still_read():
    detector = SafeguardingDetector()
    censored = detector.detect("The carer called him a p*** in front of me.")
    assert [(f.category, f.matched_words) for f in censored] == [
        ("discriminatory_abuse", ("censoredslur",))
    ]
    split = detector.detect("He wants to hurt my self.")
    assert [(f.category, f.matched_words) for f in split] == [
        ("self_harm_suicide", ("hurt myself",))
    ]


def test_pattern_candidates_are_the_same_however_often_asked():
    patterns = [r"\bwaited (\d+) weeks\b", r"\bnever (called|rang)\b", r"\w+ \d+"]
    index = PatternIndex([(i, GatedPattern(p)) for i, p in enumerate(patterns)])
    words = {"we", "waited", "6", "weeks", "nobody", "called"}
    first = index.candidate_indices(words)
    assert first == [0, 2]
    assert index.candidate_indices(sorted(words)) == first
    assert index.candidate_indices(words | {"never"}) == [0, 1, 2]
    assert index.candidate_indices({"hello"}) == [2]


def test_tags_are_the_same_from_the_caches():
    tagger = Tagger(redact=False, safeguarding=False)
    text = "The carer was lovely. We waited 6 weeks for an assessment, but nobody called."
    first, again = tagger.analyse(text), tagger.analyse(text)
    assert again == first
    assert [t.sentence_index for t in first.tags] == sorted(t.sentence_index for t in first.tags)
    assert {t.sentence_index for t in first.tags} == {0, 1}
