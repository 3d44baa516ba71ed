"""Negation scope and intensity: annotate each token of a sentence.

"not rude at all", "never called back", "wasn't helpful", "no one listened": the words after a
negator, up to the end of the clause (punctuation, "but", "although"...) or a few words on, are
*in negation scope*. Boosters such as "very" and "extremely" raise the intensity of the next words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .placeholders import without_placeholders
from .text import stem, word_set

NEGATORS = word_set(
    "not no never nobody noone nothing none neither nor without cannot cant dont doesnt didnt "
    "isnt wasnt werent arent aint wont wouldnt couldnt shouldnt hasnt havent hadnt mustnt "
    "neednt shant lack lacking"
)
CLAUSE_BREAKS = word_set("but however although though except whereas yet whilst while because")
BOOSTERS = {
    "very": 1.3,
    "extremely": 1.5,
    "really": 1.3,
    "so": 1.2,
    "absolutely": 1.5,
    "totally": 1.4,
    "completely": 1.4,
    "utterly": 1.5,
    "incredibly": 1.5,
    "highly": 1.3,
    "truly": 1.3,
    "exceptionally": 1.5,
    "particularly": 1.2,
    "especially": 1.2,
    "terribly": 1.4,
    "too": 1.2,
    "awfully": 1.4,
    "most": 1.2,
    "always": 1.2,
    "constantly": 1.3,
    "massively": 1.4,
    "slightly": 0.7,
    "somewhat": 0.8,
    "fairly": 0.8,
    "rather": 0.9,
    "bit": 0.8,
    "little": 0.8,
    "quite": 1.1,
    "mostly": 0.9,
    "sometimes": 0.8,
    "occasionally": 0.7,
}
SCOPE_WINDOW = 5
_CLAUSE_SPLIT = re.compile(r"[,;:()\[\]!?.]|\s-\s")
_MARK_SPLIT = re.compile(r"[,;:()\[\]!?.]")  # the same without a "-" (found much faster)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


@dataclass(slots=True)
class Token:
    """One word of a sentence with its stem, negation flag and intensity multiplier."""

    text: str
    stem: str
    negated: bool = False
    negator: bool = False
    intensity: float = 1.0


def is_negator(word: str) -> bool:
    bare = word.replace("'", "")
    return bare in NEGATORS or word.endswith("n't")


_facts: dict[str, tuple[str, bool, bool, float | None]] = {}
_FACTS_LIMIT = 200_000


def _word_facts(word: str) -> tuple[str, bool, bool, float | None]:
    """(stem, ends a negation scope, is a negator, booster multiplier or None), cached."""
    facts = _facts.get(word)
    if facts is None:
        if len(_facts) >= _FACTS_LIMIT:
            _facts.clear()
        facts = (stem(word), word in CLAUSE_BREAKS, is_negator(word), BOOSTERS.get(word))
        _facts[word] = facts
    return facts


def annotate(sentence: str) -> list[Token]:
    """Tokenise a lowercase sentence and mark negation scope and intensity per token."""
    tokens: list[Token] = []
    sentence = without_placeholders(sentence)
    splitter = _CLAUSE_SPLIT if "-" in sentence else _MARK_SPLIT
    for clause in splitter.split(sentence):
        scope_left, boost = 0, 1.0
        for word in _WORD.findall(clause):
            facts = _facts.get(word) or _word_facts(word)
            token = Token(word, facts[0])
            if facts[1]:
                scope_left = 0
            if facts[2] or (word == "one" and tokens and tokens[-1].text == "no"):
                token.negator = True
                scope_left = SCOPE_WINDOW
            elif scope_left:
                token.negated = True
                scope_left -= 1
            if facts[3] is not None:
                boost *= facts[3]
            else:
                token.intensity, boost = boost, 1.0
            tokens.append(token)
    return tokens


def negation_marked(tokens: list[Token], prefix: str = "not_") -> list[str]:
    """Stems with ``prefix`` on those in negation scope (features for the learning path)."""
    return [prefix + t.stem if t.negated else t.stem for t in tokens]


def intensity(tokens: list[Token]) -> float:
    """The strongest booster effect in a sentence (1.0 when there is none)."""
    return max((t.intensity for t in tokens), default=1.0)
