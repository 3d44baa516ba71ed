"""Safeguarding cases written for these tests (never taken from the development set)."""

import pytest

from themes.analysis import detect_safeguarding

DISCLOSURES = [
    ("the night nurse slapped my uncle across the face when he spilt his tea", "physical_abuse"),
    ("theres a big purple mark on nans arm where someone grabbed her", "physical_abuse"),
    ("they strapped him into the chair so he couldnt get up and wander", "physical_abuse"),
    ("my grandson shoved me against the wardrobe last week and i hurt my hip", "physical_abuse"),
    ("the cleaner keeps touching my wifes bottom when he thinks nobody is looking", "sexual_abuse"),
    ("a carer sent my daughter naked pictures on her phone", "sexual_abuse"),
    ("he tried to kiss me in the lift and wont leave me alone", "sexual_abuse"),
    ("someone has been coming into aunties room at night and interfering with her", "sexual_abuse"),
    ("the warden keeps telling me im useless and a waste of space", "psychological_abuse"),
    (
        "my daughter in law threatens to stop me seeing the grandchildren if i dont obey",
        "psychological_abuse",
    ),
    ("staff mock dad when he stammers and the others all laugh at him", "psychological_abuse"),
    ("im frightened of my lodger, he shouts at me every night", "psychological_abuse"),
    ("my nephew has been taking money out of my account without asking", "financial_abuse"),
    ("a carer stole nans engagement ring and now she says she never saw it", "financial_abuse"),
    (
        "someone phoned pretending to be from the police and I handed over my bank details",
        "financial_abuse",
    ),
    (
        "since my son got power of attorney he has spent most of mums savings on himself",
        "financial_abuse",
    ),
    ("nobody has given mum a drink since breakfast and her lips are cracked", "neglect"),
    ("they didnt give dad his insulin yesterday and he ended up in hospital", "neglect"),
    ("gran was left in a soaking wet bed all night", "neglect"),
    ("my husband hasnt been turned for two days and his heels are red raw", "neglect"),
    ("my neighbour hasnt washed for months and the flat is full of rubbish bags", "self_neglect"),
    ("dad refuses to let the district nurse dress his leg ulcers", "self_neglect"),
    ("she has stopped eating and wont let anyone in the house", "self_neglect"),
    ("the old man at number 4 has piles of newspapers up to the ceiling", "self_neglect"),
    ("the carer told my mum she smells because shes indian", "discriminatory_abuse"),
    ("they wont let my sister wear her hijab in the dining room", "discriminatory_abuse"),
    (
        "one of the staff calls my brother a retard because of his learning disability",
        "discriminatory_abuse",
    ),
    ("because im gay the nurse refuses to wash me", "discriminatory_abuse"),
    (
        "everyone in the unit is got up at 6am so the night shift can finish early",
        "organisational_abuse",
    ),
    (
        "the home only gives residents two drinks a day to save on changing pads",
        "organisational_abuse",
    ),
    (
        "there is only one carer for the whole floor at night and people are left wet till morning",
        "organisational_abuse",
    ),
    (
        "residents are not allowed out of their rooms after tea, its like a prison",
        "organisational_abuse",
    ),
    ("my partner hits me when hes been drinking", "domestic_abuse"),
    ("my ex husband keeps turning up at my door and threatening me", "domestic_abuse"),
    ("my wife checks my phone and wont let me see my friends", "domestic_abuse"),
    ("her family are forcing her to marry a man she has never met", "domestic_abuse"),
    ("the man who runs the car wash has the lads passports and doesnt pay them", "modern_slavery"),
    (
        "next door has a young girl living there who cleans all day and is never allowed out",
        "modern_slavery",
    ),
    (
        "my cousin was brought over from abroad and has to work off a debt to the people",
        "modern_slavery",
    ),
    ("the family make my uncle work on their farm for no money", "modern_slavery"),
    ("i think everyone would be better off without me", "self_harm_suicide"),
    ("mum said she has been thinking about taking all her tablets at once", "self_harm_suicide"),
    ("i keep wanting to end my life", "self_harm_suicide"),
    ("he has been burning his arms with a lighter again", "self_harm_suicide"),
]

ORDINARY = [
    "the carer was running late again and didnt ring",
    "i had to pay a bill for the day centre that i didnt expect",
    "staff hit the ground running on the first day",
    "my daughter looks after my money and shows me everything",
    "i am dying to see my grandchildren at christmas",
    "the key safe wouldnt open so the carer was locked out",
    "my wife holds my hand when the nurse does my bloods",
    "the food was cold and the tea was stewed",
    "the receptionist was very rude to me",
    "the staff pushed dad round the garden in his wheelchair, he loved it",
    "i could murder a bacon roll",
    "im frightened of falling in the shower so they fitted a seat",
    "the charges have gone up again and nobody told us",
    "the social worker took ages to phone back",
    "the website kept crashing when i tried to pay",
    "mum had a fall but the carers rang the ambulance straight away",
    "the nurse gave dad his tablets on time every day",
    "no point waiting for the bus, we got a taxi",
    "i was scared of the hoist at first but now im fine",
    "they cater for my halal diet really well",
    "theres no point going on the app, it never loads",
    "the garden has been neglected since the gardener left",
    "i owe them a big thank you for all their help",
    "i would give them 10 out of 10",
]


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_each_kind_of_disclosure_is_flagged_as_written(text, category):
    flags = detect_safeguarding(text)
    assert flags, text
    assert category in {flag.category for flag in flags}


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_complaints_sharing_the_words_are_not_flagged(text):
    assert detect_safeguarding(text) == []


def test_a_disclosure_buried_in_a_complaint_names_its_sentence_and_words():
    flags = detect_safeguarding("The lift is broken again. Also my ex keeps turning up at my door.")
    assert [f.sentence for f in flags] == ["Also my ex keeps turning up at my door."]
    assert all(f.matched_words for f in flags)


def test_a_censored_slur_is_flagged_as_discriminatory():
    flags = detect_safeguarding("another resident calls my dad a n***** every day")
    assert "discriminatory_abuse" in {f.category for f in flags}


def test_a_rule_needing_two_parts_explains_both():
    (flag,) = [
        f
        for f in detect_safeguarding("they laugh at her because of her hijab")
        if f.category == "discriminatory_abuse"
    ][:1]
    assert any("+" in words for words in flag.matched_words)
