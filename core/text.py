"""Text staff or residents typed, made safe to print."""

import re

# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the LRM, RLM and ALM
# marks: typed into a name, they reverse or reorder the text printed around it.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    """``text`` without bidi control characters. The page's own direction (``dir``) still
    lays out right-to-left languages; a typed character can no longer reorder it."""
    return BIDI_CONTROLS.sub("", text)
