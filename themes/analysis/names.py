"""Find people's names in free text, for redaction.

Names are found from context (a title such as "Mrs", "my name is", "called", a role such as "my
social worker") and from a shipped list of common first names that are not also everyday words.
A capitalised word straight after a found name is treated as a surname.
"""

from __future__ import annotations

import re

from .resources import loader, stopwords
from .text import word_set

NAME = r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?"
_TITLE = re.compile(
    r"\b(?i:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Sister|Cllr|Councillor|Nurse|Dame|Lord)"
    rf"\.?\s+(?:[A-Z]\.?\s+){{0,2}}{NAME}(?:\s+{NAME})?"
)
_STATED = re.compile(
    r"\b(?i:my name is|my name's|i am called|i'm called)\s+"
    rf"((?:{NAME}|[a-z]+)(?:\s+{NAME})?)"
)
_CALLED = re.compile(rf"\b(?:called|named|name of)\s+({NAME}(?:\s+{NAME})?)")
_ROLE = re.compile(
    r"\b(?i:social worker|care worker|support worker|carer|care manager|manager|nurse|"
    r"receptionist|advisor|adviser|officer|coordinator|co-ordinator|therapist|OT|GP|doctor|"
    r"daughter|son|husband|wife|partner|mum|mother|dad|father|brother|sister|neighbour|"
    r"friend|granddaughter|grandson|niece|nephew)(?:,)?\s+"
    rf"({NAME}(?:\s+{NAME})?)"
)
_LOWER_WORD = re.compile(r"[a-z]+")
_WORD = re.compile(r"\b[A-Za-z][a-z]+(?:['-][A-Za-z][a-z]+)?\b")
_NOT_NAMES = word_set(
    "The A An And But Or So Then This That They She He It We You I Is Was Were Are Has Had Have "
    "Not No Never Very Who What When Where Why How Please Thank Thanks Team Council Social Care "
    "Services Service Centre Road Street Lane Avenue Hospital Ward Day Home Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Christmas Easter Mum Dad Nan Gran Sir Madam"
)


def _is_name(word: str) -> bool:
    return word.capitalize() not in _NOT_NAMES and word.lower() not in stopwords()


def name_spans(text: str, use_first_names: bool = True) -> list[tuple[int, int]]:
    """Character spans of likely names, merged and sorted."""
    spans = [m.span() for m in _TITLE.finditer(text) if _is_name(m.group().split()[-1])]
    for pattern in (_STATED, _CALLED, _ROLE):
        spans += [m.span(1) for m in pattern.finditer(text) if _is_name(m.group(1).split()[0])]
    if use_first_names:
        spans += _first_name_spans(text)
    return _merge(spans)


def _first_name_spans(text: str) -> list[tuple[int, int]]:
    names = loader.word_set("first_names")
    if names.isdisjoint(_LOWER_WORD.findall(text.lower())):
        return []
    spans = []
    words = list(_WORD.finditer(text))
    for position, match in enumerate(words):
        word = match.group()
        lower = word.lower()
        if lower not in names or (len(lower) <= 3 and not word[0].isupper()):
            continue
        end = match.end()
        if position + 1 < len(words):
            nxt = words[position + 1]
            gap = text[end : nxt.start()]
            if gap == " " and nxt.group()[0].isupper() and _is_name(nxt.group()):
                end = nxt.end()
        spans.append((match.start(), end))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
