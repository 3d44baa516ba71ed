import pytest

from themes.analysis import redact
from themes.analysis.redaction import nhs_number_valid


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Email me at jo.bloggs+care@example.co.uk please", "Email me at [email] please", "email"),
        ("Ring 07700 900123 after 5", "Ring [phone] after 5", "phone"),
        ("Ring 07700-900-123", "Ring [phone]", "phone"),
        ("Mobile +44 7700 900456.", "Mobile [phone].", "phone"),
        ("Office (01632) 960001 closed", "Office [phone] closed", "phone"),
        ("London line 020 7946 0000", "London line [phone]", "phone"),
        ("Council 0300 123 4567", "Council [phone]", "phone"),
        ("I live at 14 Acacia Avenue now", "I live at [address] now", "address"),
        ("Send it to 3a high street", "Send it to [address]", "address"),
        ("Flat 2, 22 Mill Close", "[address]", "address"),
        ("Postcode LS1 4AP and sw1a1aa", "Postcode [postcode] and [postcode]", "postcode"),
        ("NHS number 943 476 5919", "NHS number [NHS number]", "nhs_number"),
        ("his number is 9434765919", "his number is [NHS number]", "nhs_number"),
        ("DOB: 03/04/1948", "DOB: [date of birth]", "date_of_birth"),
        ("She was born on 3 March 1950.", "She was born on [date of birth].", "date_of_birth"),
        ("date of birth 1st of May, 1939", "date of birth [date of birth]", "date_of_birth"),
        ("Mum (12/11/1931) is 93", "Mum ([date of birth]) is 93", "date_of_birth"),
        ("Mrs Smith came", "[name] came", "name"),
        ("Dr. J. Patel was kind", "[name] was kind", "name"),
        ("Hello, my name is margaret", "Hello, my name is [name]", "name"),
        ("a carer called Julie Brown", "a carer called [name]", "name"),
        ("my social worker Kwame was great", "my social worker [name] was great", "name"),
        ("Sarah Jones helped", "[name] helped", "name"),
    ],
)
def test_each_kind_of_personal_data_is_replaced_and_counted(text, expected, kind):
    result = redact(text)
    assert result.text == expected
    assert result.counts_by_kind.get(kind, 0) >= 1


def test_counts_cover_every_kind_found():
    result = redact("Call Sarah on 07700 900123 or sarah@example.org, SW1A 1AA")
    assert result.counts_by_kind == {"email": 1, "phone": 1, "postcode": 1, "name": 1}


@pytest.mark.parametrize(
    "text",
    [
        "I waited 3 weeks on the road to recovery",
        "My appointment is on 12/05/2025",
        "Will you call me back? Mark my words, I'll complain",
        "She called back the next day",
        "They charge 1234 pounds a month",
        "The carer was kind and the manager listened",
        "Ward 7 was clean",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact(text).text == text


def test_nhs_number_checksum():
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("1111111111")


def test_ten_digits_failing_the_checksum_are_not_an_nhs_number():
    assert redact("ref 9434765918").text == "ref 9434765918"


def test_first_name_list_can_be_switched_off():
    assert redact("Sarah was lovely", use_first_names=False).text == "Sarah was lovely"
