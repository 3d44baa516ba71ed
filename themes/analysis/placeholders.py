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
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def without_placeholders(text: str) -> str:
    """``text`` with each placeholder made a space: what tokens, themes and sentiment see."""
    if "[" not in text:  # every placeholder starts with "["
        return text
    return _PLACEHOLDER.sub(" ", text)


def placeholder_count(text: str) -> int:
    return len(_PLACEHOLDER.findall(text))


def mostly_placeholders(
    sentence: str, stopwords: frozenset[str] = frozenset(), min_words: int = 4
) -> bool:
    """True when placeholders are over a third of ``sentence``'s words, or leave fewer than
    ``min_words`` words outside ``stopwords`` (so it says too little to quote)."""
    found = placeholder_count(sentence)
    if not found:
        return False
    words = _WORD.findall(without_placeholders(sentence).lower())
    content = [word for word in words if word not in stopwords]
    return 3 * found > found + len(words) or len(content) < min_words
