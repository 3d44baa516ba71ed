"""Redaction placeholders are never analysed as words: no themes, phrases or sentiment from them."""

import pytest

from themes.analysis import SentimentScorer, Tagger, emerging_phrases, redact, tokenise
from themes.analysis.placeholders import (
    PLACEHOLDERS,
    mostly_placeholders,
    placeholder_count,
    without_placeholders,
)
from themes.analysis.resources import stopwords


@pytest.fixture(scope="module")
def tagger():
    return Tagger(redact=False, safeguarding=False)


def test_redactor_writes_only_placeholders_the_pipeline_knows():
    text = redact("Ring Margaret Thompson on 07700 900123 or email m.t@example.com").text
    assert placeholder_count(text) == 3
    assert "[" not in without_placeholders(text)


def test_tokens_leave_out_every_placeholder_in_any_case():
    assert tokenise("My [NHS number] and [nhs  number] were [name]'s") == ["my", "and", "were", "s"]
    assert all(tokenise(placeholder) == [] for placeholder in PLACEHOLDERS.values())


def test_square_brackets_typed_by_a_resident_are_still_words():
    assert tokenise("the [carer] came") == ["the", "carer", "came"]


def test_number_in_nhs_number_placeholder_does_not_tag_being_treated_like_a_number(tagger):
    assert not tagger.analyse("I was treated like a [NHS number] at the office.").tags
    keys = [t.theme_key for t in tagger.analyse("I was treated like a number at the office.").tags]
    assert keys == ["respect_dignity"]


def test_phone_and_email_placeholders_do_not_tag_contact_themes(tagger):
    assert not tagger.analyse("They kept my [phone] and [email] on file at [address].").tags


def test_real_phone_word_beside_a_placeholder_still_tags(tagger):
    keys = {t.theme_key for t in tagger.analyse("Nobody answers the phone, I rang [phone].").tags}
    assert "getting_through" in keys


@pytest.mark.parametrize(
    "with_placeholder, without",
    [
        ("THE CARERS WERE GREAT [NHS number]", "THE CARERS WERE GREAT"),
        ("Not [name] good at all", "Not good at all"),
        ("[name] was kind", "was kind"),
    ],
)
def test_placeholder_does_not_change_sentiment(with_placeholder, without):
    scorer = SentimentScorer()
    assert scorer.compound(with_placeholder) == scorer.compound(without)
    assert scorer.scores(with_placeholder) == scorer.scores(without)


def test_placeholders_are_never_suggested_as_emerging_phrases():
    comments = [
        "Please update my [NHS number] on the system",
        "The form asked for my [NHS number] twice",
        "I gave my [NHS number] and [date of birth] again",
        "They wrote my [date of birth] wrong",
        "Parking permit renewal again",
        "Parking permit renewal was slow",
        "Parking permit renewal form",
    ]
    phrases = [p.phrase for p in emerging_phrases(comments, min_count=2)]
    assert "parking permit renewal" in phrases
    assert not any({"nhs", "number", "date", "birth"} & set(p.split()) for p in phrases)


@pytest.mark.parametrize(
    "sentence",
    [
        "Please call my daughter [name] on [phone]",
        "[name] [phone] thanks",
        "Sent to [address], [postcode] on [date of birth] by [name]",
    ],
)
def test_sentences_that_are_mostly_placeholders_are_recognised(sentence):
    assert mostly_placeholders(sentence, stopwords())


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff were kind.",  # short, but no placeholder
        "The carer told [name] she would be back at four but nobody came all evening.",
    ],
)
def test_sentences_that_say_something_are_not_mostly_placeholders(sentence):
    assert not mostly_placeholders(sentence, stopwords())
