"""Names and details of every origin, written for these tests (no real people)."""

import pytest

from themes.analysis import redact


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mrs Zielinska-Borowa helps me every morning", ["Zielinska", "Borowa"]),
        ("my carer Chiamaka Obiora is kind", ["Chiamaka", "Obiora"]),
        ("DERMOT O'SHAUGHNESSY from the office rang", ["DERMOT", "SHAUGHNESSY"]),
        ("we saw Dr Hamid al-Zubaidi on Tuesday", ["Hamid", "Zubaidi"]),
        ("the nurse, Ngozi, sat with dad", ["Ngozi"]),
        ("ask for pani Grażyna Wróbel at reception", ["Grażyna", "Wróbel"]),
        ("Huong and Thanh Tam come on weekdays", ["Huong", "Thanh", "Tam"]),
        ("Oyelaran's daughter filled the form in", ["Oyelaran"]),
        ("Seamus McGillicuddy was brilliant", ["Seamus", "McGillicuddy"]),
        ("my neighbour Pieter van der Molen found me", ["Pieter", "Molen"]),
        ("rahul mehta was very patient", ["rahul", "mehta"]),
        ("Abdikarim from the day centre drove me", ["Abdikarim"]),
    ],
)
def test_names_of_every_origin_and_shape_are_removed(text, gone):
    redacted = redact(text).text.lower()
    for part in gone:
        assert part.lower() not in redacted


@pytest.mark.parametrize(
    "text",
    [
        "Will you ring me back before May?",
        "Mark my words, the bill went up again",
        "I hope the new rota is better",
        "Sue Ryder and Marie Curie nurses were wonderful",
        "we go to Grace Court on Wednesdays",
        "Age UK and Mind helped with the forms",
        "the GP sent me to Sheffield for a scan",
        "my review was on 12/03/2024 and I am 87",
        "it costs £45 a week for 3 hours",
        "Sister on the ward was lovely",
        "I rang 111 and then the Samaritans on 116 123",
    ],
)
def test_words_places_and_organisations_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("my NI number is QQ 55 44 33 A", "QQ 55 44 33 A"),
        ("ni no qq112233b for the form", "qq112233b"),
        ("DOB: 1951-07-30 please update", "1951-07-30"),
        ("she was born in 1936 in Kingston", "1936"),
        ("born on the 2nd of June 1944", "1944"),
        ("Mum 4-9-38 needs her tablets", "4-9-38"),
        ("mail frankie dot lane at example dot org", "frankie"),
        ("write to a.b @ example.net", "example.net"),
        ("call +44 (0)7700 900417", "900417"),
        ("ring 447700900512 tonight", "447700900512"),
        ("landline 0161.496.0321", "0161.496.0321"),
        ("postcode m14  6ab", "m14  6ab"),
        ("I live at 9 Orchard Rise, Flat B", "Flat B"),
    ],
)
def test_numbers_dates_and_contacts_in_any_format_are_removed(text, gone):
    assert gone.lower() not in redact(text).text.lower()


def test_a_national_helpline_is_kept_and_a_local_number_is_not():
    text = "Age UK on 0800 678 1602 gave me the office number 0113 496 0777"
    assert redact(text).text == "Age UK on 0800 678 1602 gave me the office number [phone]"


def test_a_title_and_initial_join_the_name():
    assert redact("Mr. K. Adeyemi-Smith called").text == "[name] called"


@pytest.mark.parametrize(
    "text",
    [
        "Staff at the day centre were lovely",
        "Everyone at the home was kind to Mum",
        "Nurses from the hospital came every morning",
        "Volunteers from the church brought lunch",
    ],
)
def test_a_group_before_at_the_or_from_the_is_not_a_person(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dawn from the office rang me back", ["Dawn"]),
        ("Obiageli from the agency was brilliant", ["Obiageli"]),
        ("Hope and Joy from the night shift sat with him", ["Hope", "Joy"]),
    ],
)
def test_a_person_before_at_the_or_from_the_still_is(text, gone):
    redacted = redact(text).text
    assert not [part for part in gone if part in redacted], redacted
