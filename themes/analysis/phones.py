"""Phone numbers in any UK or international format, found by Google's libphonenumber (the
``phonenumbers`` package, Apache 2.0). National helplines and short public numbers are kept."""

from __future__ import annotations

import re

import phonenumbers

# Free national helplines people are told to ring; a local or personal number is still redacted.
PUBLIC_HELPLINES = frozenset(
    {
        "116123",  # Samaritans
        "116111",  # Childline
        "08001111",  # Childline
        "08006781602",  # Age UK Advice Line
        "08088080000",  # Macmillan Support Line
        "08004708090",  # The Silver Line
        "03001233393",  # Mind Infoline
        "08088087777",  # Carers UK
        "03331503456",  # Alzheimer's Society
        "08088886678",  # Dementia UK Admiral Nurse line
        "08082000247",  # National Domestic Abuse Helpline
        "08088004444",  # Shelter
        "08001448848",  # Citizens Advice Adviceline
        "08088088141",  # Hourglass (abuse of older people)
        "08000121700",  # Modern Slavery Helpline
        "08003196789",  # Independent Age
        "0800555111",  # Crimestoppers
    }
)
# What any dialable number contains (found sooner without the optional "(" and "+").
_CANDIDATE = re.compile(r"\d[\d\s().-]{7,}\d")
_INTERNATIONAL_NO_PLUS = re.compile(r"(?<![\d+])44\d{10}(?!\d)")  # 447700900123
PLACEHOLDER = "[phone]"


def _national(number: phonenumbers.PhoneNumber) -> str:
    return "0" + str(number.national_number) if number.country_code == 44 else ""


def redact_phones(text: str, counts: dict[str, int]) -> str:
    """Replace every dialable-looking number except the public helplines."""
    if not _CANDIDATE.search(text):
        return text
    spans = []
    normalised = re.sub(r"(?<=\d)\.(?=\d)", " ", text)  # 07700.900.890
    for match in phonenumbers.PhoneNumberMatcher(
        normalised, "GB", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        digits = re.sub(r"\D", "", match.raw_string)
        if not match.raw_string.lstrip("(").startswith(("0", "+")):
            continue  # a bare reference number, not a dialled one
        if _national(match.number) in PUBLIC_HELPLINES or digits in PUBLIC_HELPLINES:
            continue
        if len(str(match.number.national_number)) < 9:
            continue
        spans.append((match.start, match.end))
    spans += [m.span() for m in _INTERNATIONAL_NO_PLUS.finditer(text)]
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + PLACEHOLDER + text[end:]
        counts["phone"] = counts.get("phone", 0) + 1
    return text
