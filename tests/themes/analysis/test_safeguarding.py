import pytest

from themes.analysis import detect_safeguarding


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the carer hit my mum", "physical_abuse"),
        ("There are bruises on her arms", "physical_abuse"),
        ("She was left in soiled pads all day", "neglect"),
        ("She hasnt eaten for days", "neglect"),
        ("nobody came and she fell and lay on the floor all night", "neglect"),
        ("nobody came and she fell and lay on the floor all night", "risk_of_harm"),
        ("I don't want to be here anymore", "self_harm_suicide"),
        ("Some days I want to end it all", "self_harm_suicide"),
        ("he takes her money every week", "financial_abuse"),
        ("I'm scared of him", "psychological_abuse"),
        ("he shouts at her when she is slow", "psychological_abuse"),
        ("the carer touched her inappropriately", "sexual_abuse"),
        ("they made racist comments to my dad", "discriminatory_abuse"),
    ],
)
def test_disclosures_are_flagged(text, category):
    assert category in {flag.category for flag in detect_safeguarding(text)}


@pytest.mark.parametrize(
    ("text", "category", "word"),
    [
        ("The carers are abuseing him", "abuse", "abusing"),
        ("this is neglekt plain and simple", "neglect", "neglect"),
        ("he keeps talking about sucide", "self_harm_suicide", "suicide"),
        ("she tried to hurt her self", "self_harm_suicide", "hurt herself"),
        ("she has brusies on her legs", "physical_abuse", "bruises"),
        ("He was sucidal last week", "self_harm_suicide", "suicidal"),
        ("I feel so scard of him", "psychological_abuse", "scared of him"),
    ],
)
def test_misspelt_disclosures_are_flagged_with_the_canonical_words(text, category, word):
    flags = {flag.category: flag for flag in detect_safeguarding(text)}
    assert word in flags[category].matched_words


def test_flag_names_the_sentence():
    flags = detect_safeguarding("The office was slow. The carer slapped my nan. Otherwise fine.")
    assert [(f.category, f.sentence) for f in flags] == [
        ("physical_abuse", "The carer slapped my nan.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I have never felt unsafe with my carers",
        "There were no signs of abuse or neglect",
        "The carer helped me with my money and the shopping",
        "I fell in love with the day centre",
        "They rapped on the door and shared a joke",
        "Staff were lovely and kind, thank you",
        "We waited ages for the assessment",
    ],
)
def test_ordinary_or_reassuring_comments_are_not_flagged(text):
    assert detect_safeguarding(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal but I don't want to be here anymore",
        "No one came and she wasn't fed all day",
        "He never hit me but he takes my pension",
    ],
)
def test_negation_does_not_hide_a_disclosure(text):
    assert detect_safeguarding(text)
