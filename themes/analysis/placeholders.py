"""Redaction placeholders ("[name]", "[NHS number]"...): written by the redactor, never analysed."""

from __future__ import annotations

import re

PLACEHOLDERS = {
    "name": "[name]",
    "email": "[email]",
    "phone": "[phone]",
    "address": "[address]",
    "postcode": "[postcode]",
    "nhs_number": "[NHS number]",
    "date_of_birth": "[date of birth]",
    "ni_number": "[NI number]",
}
_PLACEHOLDER = re.compile(
    "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in PLACEHOLDERS.values()), re.IGNORECASE
)


def without_placeholders(text: str) -> str:
    """``text`` with each placeholder made a space: what tokens, themes and sentiment see."""
    return _PLACEHOLDER.sub(" ", text)


def placeholder_count(text: str) -> int:
    return len(_PLACEHOLDER.findall(text))
