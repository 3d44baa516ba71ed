"""Text pipeline basics: clean, normalise, split sentences, tokenise and stem.

Everything here needs no NLTK data files: a regexp sentence splitter, a regexp tokeniser and the
Snowball stemmer (pure code). Stems are cached per word, so the stemmer runs once per vocabulary
word rather than once per token.
"""

from __future__ import annotations

import re
import unicodedata

from nltk.stem.snowball import SnowballStemmer

from .placeholders import without_placeholders


def word_set(words: str) -> frozenset[str]:
    """A set from a space-separated string of words (keeps word lists compact)."""
    return frozenset(words.split())


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_BOUNDARY = re.compile(r"(?:[.!?]+[\"')\]]*\s+)|\n+|\s*[\u2022*]\s+")
# The first branch alone, for text with no line break or bullet (the others cannot match
# there). Starting with a character class, it lets the regex engine skip to a candidate
# character instead of trying every position: a third of the time.
_STOP_BOUNDARY = re.compile(r"[.!?][.!?]*[\"')\]]*\s+")
_ABBREVIATIONS = word_set(
    "mr mrs ms miss dr prof st rd ave no nos tel approx etc e.g i.e vs jan feb mar apr jun jul "
    "aug sep sept oct nov dec cllr rev mx"
)
# Irregular forms the stemmer cannot join to their base verb.
IRREGULAR = {
    "got": "get",
    "gotten": "get",
    "getting": "get",
    "went": "go",
    "gone": "go",
    "rang": "ring",
    "rung": "ring",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "felt": "feel",
    "left": "leave",
    "came": "come",
    "made": "make",
    "kept": "keep",
    "heard": "hear",
    "sent": "send",
    "paid": "pay",
    "thought": "think",
    "brought": "bring",
    "said": "say",
    "fell": "fall",
    "fallen": "fall",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "wrote": "write",
    "written": "write",
    "began": "begin",
    "lost": "lose",
    "met": "meet",
}
_stemmer: SnowballStemmer | None = None
_stem_cache: dict[str, str] = {}
_STEM_CACHE_LIMIT = 500_000


def clean(text: str) -> str:
    """NFKC-normalise, fold curly quotes and dashes, drop control characters; keep case."""
    if text and text.isascii() and text.isprintable():
        # The common case, same result: NFKC keeps ASCII, only "`" is folded, and there are
        # no control characters or line breaks, so only runs of spaces can change.
        if "`" in text:
            text = text.replace("`", "'")
        if "  " in text:
            text = _SPACES.sub(" ", text)
        return text.strip()
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    text = _CONTROL.sub(" ", text).replace("\r", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def normalise(text: str) -> str:
    """Clean and lowercase text (the form all matching works on)."""
    return clean(text).lower()


def split_sentences(text: str) -> list[str]:
    """Split cleaned text into sentences on ., ! or ? (not after Mr., Dr. ...) and line breaks."""
    sentences, start = [], 0
    plain = "\n" not in text and "*" not in text and "\u2022" not in text
    for match in (_STOP_BOUNDARY if plain else _BOUNDARY).finditer(text):
        if match.group().startswith("."):
            before = text[start : match.start()].rsplit(None, 1)
            last_word = before[-1].lower().rstrip(".") if before else ""
            if last_word in _ABBREVIATIONS or len(last_word) == 1:
                continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def tokenise(text: str) -> list[str]:
    """Lowercase word tokens; contractions stay whole ("wasn't", "i'm"); placeholders dropped."""
    return _TOKEN.findall(without_placeholders(text).lower())


def stem(word: str) -> str:
    """Snowball stem with irregular verbs mapped to their base, cached per word."""
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    global _stemmer
    if _stemmer is None:
        _stemmer = SnowballStemmer("english")
    if len(_stem_cache) > _STEM_CACHE_LIMIT:
        _stem_cache.clear()
    result = IRREGULAR.get(word) or _stemmer.stem(word.replace("'", ""))
    _stem_cache[word] = result
    return result


def stems(tokens: list[str]) -> list[str]:
    return [stem(token) for token in tokens]
