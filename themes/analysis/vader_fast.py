"""A lean re-implementation of NLTK's VADER ``polarity_scores`` over the same lexicon.

NLTK's analyser builds a punctuation x word product for every call, which dominates its run
time on short comments. This version computes the same tokens with set look-ups and follows
NLTK's scoring rules step by step (including its quirks, such as using a repeated word's first
position). ``tests/themes/analysis/test_sentiment.py`` checks it agrees with NLTK on a sample.
"""

from __future__ import annotations

import math
import string

from nltk.sentiment.vader import VaderConstants

_C = VaderConstants
_PUNCTUATION = set(_C.PUNC_LIST)
_EDGE_CHARS = frozenset("".join(_C.PUNC_LIST))
_STRIP = str.maketrans("", "", string.punctuation)
_SO_THIS = ("so", "this")
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


def _negated(word: str) -> bool:
    lower = word.lower()
    return lower in _C.NEGATE or "n't" in lower


def words_and_emoticons(text: str) -> list[str]:
    """NLTK's SentiText tokens: whitespace split, len > 1, one edge punctuation mark removed."""
    words_only = None
    result = []
    for token in text.split():
        if len(token) <= 1:
            continue
        if token[0] not in _EDGE_CHARS:
            if token[-1] not in _EDGE_CHARS:
                result.append(token)  # nothing to strip: the common case
                continue
            if token[-1] in _PUNCTUATION and len(token) > 2 and token[:-1].isalnum():
                # "week.": the loop below would find "week" (the same token with its
                # punctuation removed) among the words and strip the mark.
                result.append(token[:-1])
                continue
        if words_only is None:
            words_only = {w for w in text.translate(_STRIP).split() if len(w) > 1}
        for size in (1, 2, 3, 4):
            head, tail = token[:size], token[size:]
            if head in _PUNCTUATION and tail in words_only:
                token = tail
                break
            head, tail = token[:-size], token[-size:]
            if tail in _PUNCTUATION and head in words_only:
                token = head
                break
        result.append(token)
    return result


class FastVader:
    """``polarity_scores``-compatible scorer sharing a lexicon dict with NLTK's analyser."""

    def __init__(self, lexicon: dict[str, float]) -> None:
        self.lexicon = lexicon
        self._keys = lexicon.keys()  # a live view: a lexicon edited later is still seen

    def polarity_scores(self, text: str) -> dict[str, float]:
        words, sentiments = self._sentiments(text)
        if sentiments is None:
            # No word has a valence, so every sentiment is 0: what _score returns for that.
            return dict(_NEUTRAL if words else _EMPTY)
        return _score(sentiments, text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``, without working out the other three."""
        sentiments = self._sentiments(text)[1]
        return _compound(sentiments, text) if sentiments else 0.0

    def _sentiments(self, text: str) -> tuple[list[str], list[float] | None]:
        """The words and each one's valence (None when no word is in the lexicon)."""
        words = words_and_emoticons(text)
        lowers = [w.lower() for w in words]
        if self._keys.isdisjoint(lowers):
            return words, None
        caps = sum(1 for w in words if w.isupper())
        cap_diff = 0 < len(words) - caps < len(words)
        first: dict[str, int] = {}
        for idx, word in enumerate(words):
            first.setdefault(word, idx)
        sentiments = []
        for item in words:
            i = first[item]
            low = lowers[i]
            if low in _C.BOOSTER_DICT or (
                low == "kind" and i < len(words) - 1 and lowers[i + 1] == "of"
            ):
                sentiments.append(0)
            elif low in self.lexicon:
                sentiments.append(self._valence(words, lowers, i, cap_diff))
            else:
                sentiments.append(0)
        if "but" in lowers:
            bi = lowers.index("but")
            sentiments = [
                s * 0.5 if k < bi else s * 1.5 if k > bi else s for k, s in enumerate(sentiments)
            ]
        return words, sentiments

    def _valence(self, words: list[str], lowers: list[str], i: int, cap_diff: bool) -> float:
        lexicon = self.lexicon
        valence = lexicon[lowers[i]]
        if cap_diff and words[i].isupper():
            valence += _C.C_INCR if valence > 0 else -_C.C_INCR
        for start_i in range(3):
            if i > start_i and lowers[i - start_i - 1] not in lexicon:
                valence += _scalar(words[i - start_i - 1], valence, cap_diff, start_i)
                valence = _never_check(valence, words, start_i, i)
                if start_i == 2:
                    valence = _idioms_check(valence, words, i)
        least = i > 0 and lowers[i - 1] == "least" and "least" not in lexicon
        if least and (i == 1 or lowers[i - 2] not in ("at", "very")):
            valence *= _C.N_SCALAR
        return valence


def _scalar(word: str, valence: float, cap_diff: bool, start_i: int) -> float:
    scalar = _C.BOOSTER_DICT.get(word.lower(), 0.0)
    if scalar == 0.0:
        return 0.0
    if valence < 0:
        scalar *= -1
    if word.isupper() and cap_diff:
        scalar += _C.C_INCR if valence > 0 else -_C.C_INCR
    return scalar * (1.0, 0.95, 0.9)[start_i]


def _never_check(valence: float, words: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        return valence * _C.N_SCALAR if _negated(words[i - 1]) else valence
    if start_i == 1:
        if words[i - 2] == "never" and words[i - 1] in _SO_THIS:
            return valence * 1.5
        return valence * _C.N_SCALAR if _negated(words[i - 2]) else valence
    if (words[i - 3] == "never" and words[i - 2] in _SO_THIS) or words[i - 1] in _SO_THIS:
        return valence * 1.25
    return valence * _C.N_SCALAR if _negated(words[i - 3]) else valence


# Every word of an idiom or of a two-word booster: without one nearby, no idiom applies.
_IDIOM_WORDS = frozenset(
    word
    for phrase in [*_C.SPECIAL_CASE_IDIOMS, *_C.BOOSTER_DICT]
    for word in phrase.split()
    if " " in phrase
)


def _idioms_check(valence: float, words: list[str], i: int) -> float:
    if _IDIOM_WORDS.isdisjoint(words[i - 3 : i + 3]):
        return valence
    idioms = _C.SPECIAL_CASE_IDIOMS
    w3, w2, w1, w0 = words[i - 3], words[i - 2], words[i - 1], words[i]
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if seq in idioms:
            valence = idioms[seq]
            break
    if len(words) - 1 > i and f"{w0} {words[i + 1]}" in idioms:
        valence = idioms[f"{w0} {words[i + 1]}"]
    if len(words) - 1 > i + 1 and f"{w0} {words[i + 1]} {words[i + 2]}" in idioms:
        valence = idioms[f"{w0} {words[i + 1]} {words[i + 2]}"]
    if f"{w3} {w2}" in _C.BOOSTER_DICT or f"{w2} {w1}" in _C.BOOSTER_DICT:
        valence += _C.B_DECR
    return valence


def _emphasis(text: str) -> float:
    emphasis = min(text.count("!"), 4) * 0.292
    questions = text.count("?")
    if questions > 1:
        emphasis += questions * 0.18 if questions <= 3 else 0.96
    return emphasis


def _compound(sentiments: list[float], text: str) -> float:
    sum_s = float(sum(sentiments))
    if sum_s > 0:
        sum_s += _emphasis(text)
    elif sum_s < 0:
        sum_s -= _emphasis(text)
    return round(sum_s / math.sqrt(sum_s * sum_s + 15), 4)


def _score(sentiments: list[float], text: str) -> dict[str, float]:
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    emphasis = _emphasis(text)
    pos_sum = sum(s + 1 for s in sentiments if s > 0)
    neg_sum = sum(s - 1 for s in sentiments if s < 0)
    neutral = sum(1 for s in sentiments if s == 0)
    if pos_sum > -neg_sum:
        pos_sum += emphasis
    elif pos_sum < -neg_sum:
        neg_sum -= emphasis
    total = pos_sum - neg_sum + neutral
    return {
        "neg": round(abs(neg_sum / total), 3),
        "neu": round(abs(neutral / total), 3),
        "pos": round(abs(pos_sum / total), 3),
        "compound": _compound(sentiments, text),
    }
