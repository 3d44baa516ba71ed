"""Redact personal data from comments, replacing each item with a labelled placeholder.

Kinds: names, email addresses, UK phone numbers, postal addresses, UK postcodes, NHS numbers
(checksum-validated, or labelled "NHS number") and dates of birth. A bare dd/mm/yyyy date counts
as a date of birth only if it is at least ten years in the past; appointment dates are kept.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .names import name_spans
from .phones import PUBLIC_HELPLINES, redact_phones
from .placeholders import PLACEHOLDERS
from .text import word_set

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMERIC_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d\d-\d{1,2}-\d{1,2})"
_WORD_DATE = (
    rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
EMAIL = re.compile(r"\b[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+\b")
SPELLED_EMAIL = re.compile(
    r"\b[\w.+-]+(?:\s+(?:dot|underscore|dash)\s+[\w+-]+)*\s+(?:at|\[at\]|\(at\))\s+[\w-]+"
    r"(?:\s+(?:dot|\.)\s+[a-z]{2,6})+\b",
    re.IGNORECASE,
)
NI_NUMBER = re.compile(r"\b[A-Z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-D]\b", re.IGNORECASE)
BIRTH_YEAR = re.compile(
    r"\b(?:born(?:\s+(?:in|on))?(?:\s+the)?|b\.|year of birth|yob)\s*[:\-]?\s*"
    r"((?:19|20)\d\d)\b(?![/.-]\d)",
    re.IGNORECASE,
)
WORD_DATE = re.compile(
    rf"(?<![\w/])(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+((?:19|20)\d\d)"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d))\b",
    re.IGNORECASE,
)
NHS_NUMBER = re.compile(r"(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])")
PHONE = re.compile(
    r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?\d(?:[\s-]?\d){8,9}|\(0\d{2,4}\)\s?\d(?:[\s-]?\d){4,7}"
    r"|0\d(?:[\s-]?\d){8,9})(?!\d)"
)
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s{0,2}\d[A-Z]{2}\b", re.IGNORECASE)
STREET = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|crescent|gardens|terrace|grove|square|mews|"
    r"boulevard|(?-i:Close|Drive|Way|Court|Place|Hill|Park|Walk|Row|View|Rise|Green|Parade|Gate))"
)
ADDRESS = re.compile(
    r"\b(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+"
    rf"(?:[A-Za-z'-]+\s+){{1,3}}?{STREET}\b\.?",
    re.IGNORECASE,
)
FLAT = re.compile(r"\b(?:flat|apartment|apt)\s+(?:\d+[a-z]?|[A-Z])\b", re.IGNORECASE)
_BUILDING_WORDS = (
    r"(?:house|court|lodge|mansions|heights|tower|villas|cottage|buildings|point|view)"
)
BUILDING = re.compile(
    rf"(?<=\[address\])(,?\s+(?:[A-Za-z'-]+\s+){{1,3}}?{_BUILDING_WORDS})\b", re.IGNORECASE
)
LABELLED_DOB = re.compile(
    rf"\b(?:d\.?o\.?b\.?|date of birth|born(?:\s+on)?)\s*(?:is\s+)?[:\-]?\s*"
    rf"({_NUMERIC_DATE}|{_WORD_DATE})",
    re.IGNORECASE,
)
BARE_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])")
_NHS_LABEL = re.compile(r"nhs\s*(?:no|number|num|#)?\.?\s*[:\-]?\s*$", re.IGNORECASE)
_ADDRESS_FILLERS = word_set("a an and the for of to in on at my was is it we i")


@dataclass(frozen=True)
class RedactionResult:
    """Redacted text and how many items of each kind were replaced."""

    text: str
    counts_by_kind: dict[str, int] = field(default_factory=dict)


def nhs_number_valid(digits: str) -> bool:
    """Modulus 11 check used by NHS numbers."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    return (0 if check == 11 else check) == int(digits[9]) and check != 10


def _is_nhs(match: re.Match, text: str) -> bool:
    digits = "".join(match.groups())
    labelled = _NHS_LABEL.search(text[: match.start()][-30:])
    return bool(labelled) or (nhs_number_valid(digits) and not digits.startswith("0"))


def _is_phone(match: re.Match, text: str) -> bool:
    digits = re.sub(r"\D", "", match.group())
    if digits in PUBLIC_HELPLINES:
        return False
    if digits.startswith("44"):
        digits = digits[2:].removeprefix("0")
        return len(digits) in (9, 10)
    return len(digits) in (10, 11)


def _is_address(match: re.Match, text: str) -> bool:
    words = [w for w in match.group().split()[:-1] if not any(c.isdigit() for c in w)]
    return not any(w.lower().strip(",") in _ADDRESS_FILLERS for w in words)


def _is_old_date(match: re.Match, text: str) -> bool:
    day, month, year = (int(g) for g in match.groups())
    this_year = datetime.date.today().year
    if year < 100:
        year += 1900 if year > this_year % 100 else 2000
    return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= this_year - 10


def _is_old_year(match: re.Match, text: str) -> bool:
    year = int(next(g for g in match.groups() if g))
    return 1900 <= year <= datetime.date.today().year - 10


# (kind, pattern, check, group, fewest digits any match has, digit shape any match has); the
# digits of a comment gate each rule (replacing an item never adds digits, nor joins them),
# and every rule needs at least one. Shapes: "run" four digits in a row, "separated" a digit,
# "/", "." or "-" and a digit, "dated" either of those.
_DIGITS_RULES: list[
    tuple[str, re.Pattern | None, Callable[[re.Match, str], bool] | None, int, int, str]
] = [
    ("date_of_birth", LABELLED_DOB, None, 1, 4, "dated"),
    ("date_of_birth", BIRTH_YEAR, None, 1, 4, "run"),
    ("date_of_birth", WORD_DATE, _is_old_year, 0, 5, "run"),
    ("date_of_birth", BARE_DATE, _is_old_date, 0, 4, "separated"),
    ("ni_number", NI_NUMBER, None, 0, 6, ""),
    ("nhs_number", NHS_NUMBER, _is_nhs, 0, 10, "run"),
    ("phone", None, None, 0, 2, ""),
    ("phone", PHONE, _is_phone, 0, 8, ""),
    ("postcode", POSTCODE, None, 0, 2, ""),
    ("address", ADDRESS, _is_address, 0, 1, ""),
    ("address", FLAT, None, 0, 1, ""),
    ("address", BUILDING, None, 1, 1, ""),
]
_DIGITS = re.compile(r"\d+")
_SEPARATED = re.compile(r"\d[/.-]\d")
# Cheap patterns that every match of a costly rule contains (same flags, so the same letters
# match): the rule runs only when its gate is found.
_GATES = {
    POSTCODE: re.compile(r"\d[A-Z]{2}\b", re.IGNORECASE),
    ADDRESS: re.compile(rf"\s{STREET}\b", re.IGNORECASE),
    FLAT: re.compile(r"flat|apartment|apt", re.IGNORECASE),
}
_SPELLED_DOT = re.compile(r"\s(?:dot|\.)\s", re.IGNORECASE)  # SPELLED_EMAIL needs one


def redact(text: str, use_first_names: bool = True) -> RedactionResult:
    """Replace personal data in ``text`` with placeholders such as ``[phone]``."""
    counts: dict[str, int] = {}
    if "@" in text:
        text = _substitute(text, "email", EMAIL, None, 0, counts)
    if " at " in text.lower() and _SPELLED_DOT.search(text):
        text = _substitute(text, "email", SPELLED_EMAIL, None, 0, counts)
    runs = _DIGITS.findall(text)
    if runs:  # every other pattern needs a digit
        digits = sum(map(len, runs))
        run = max(map(len, runs)) >= 4
        separated = _SEPARATED.search(text) is not None
        shapes = {"": True, "run": run, "separated": separated, "dated": run or separated}
        for kind, pattern, check, group, fewest, shape in _DIGITS_RULES:
            if digits < fewest or not shapes[shape]:
                continue
            if pattern is None:
                text = redact_phones(text, counts)
                continue
            gate = _GATES.get(pattern)
            if gate is not None and not gate.search(text):
                continue
            if pattern is not BUILDING or "[" in text:  # BUILDING follows an [address]
                text = _substitute(text, kind, pattern, check, group, counts)
    spans = name_spans(text, use_first_names)
    for start, end in reversed(spans):
        text = text[:start] + PLACEHOLDERS["name"] + text[end:]
    if spans:
        counts["name"] = len(spans)
    return RedactionResult(text, counts)


def _substitute(text, kind, pattern, check, group, counts) -> str:
    def replace(match: re.Match) -> str:
        if check is not None and not check(match, text):
            return match.group()
        counts[kind] = counts.get(kind, 0) + 1
        if group:
            start, end = match.span(group)
            offset = match.start()
            whole = match.group()
            return whole[: start - offset] + PLACEHOLDERS[kind] + whole[end - offset :]
        return PLACEHOLDERS[kind]

    return pattern.sub(replace, text)
