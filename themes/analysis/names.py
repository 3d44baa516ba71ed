"""Find people's names in free text, for redaction. Recall first: when unsure, it is a name.

Signals, combined per word: multi-origin name lexicons (``names_faker.txt`` from Faker's person
providers, ``names_extra.txt`` and ``first_names.txt`` written for this project); a title or kinship
cue before the word (Mr, Dr, pani, Auntie, "my daughter", "called"); capitals in mid-sentence on a
word that is not common English (word frequencies from the installed ``wordfreq``); surname
morphology (O', Mc, al-, hyphens, possessives); and a name straight after another name. A keep-list
(``redaction_keep.txt``) protects days, months, places, languages and organisations, including
ones named after people (Sue Ryder), and capitalised words followed by an organisation word
("Grace Court", "Hope Centre").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .resources import loader, stopwords

# Letters, joined by apostrophes or hyphens ("O'Neil-Smith"); written as runs, not a per-letter
# look-ahead, which finds the same words twice as fast.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")  # the same words in ASCII text, sooner
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_SURNAME_SHAPE = re.compile(r"^(?:O['’]|Ó|Mc|Mac(?=[A-Z])|Fitz(?=[A-Z])|D['’])[A-Z]")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“]\s*)$")
_PERSON_AFTER = re.compile(r"\s+(?:from|at)\s+the\s+\w+")
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "doctor",
        "prof",
        "professor",
        "cllr",
        "councillor",
        "dame",
        "sir",
        "lady",
        "lord",
        "rev",
        "reverend",
        "father",
        "fr",
        "pastor",
        "imam",
        "sheikh",
        "nurse",
        "sister",
        "matron",
        "auntie",
        "aunty",
        "aunt",
        "uncle",
        "nan",
        "nana",
        "nanna",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "grandpa",
        "pani",
        "pan",
        "panie",
        "doamna",
        "domnul",
        "doamnei",
        "signora",
        "signor",
        "signore",
        "senhor",
        "senhora",
        "sra",
        "sr",
        "dona",
        "tita",
        "tito",
        "tia",
        "tio",
        "kuya",
        "ate",
        "lola",
        "lolo",
        "mama",
        "papa",
        "baba",
        "amma",
        "appa",
        "ammi",
        "abba",
        "chacha",
        "chachi",
        "masi",
        "mami",
        "kaka",
        "kaki",
        "yiayia",
        "pappou",
        "yaya",
        "bro",
        "brother",
        "mister",
        "missus",
        "madam",
        "mrs.",
        "mr.",
        "dr.",
        "ms.",
        "ji",
    ]
)
_STRONG_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "mr.", "mrs.", "dr.", "ms.", "pani", "pan", "doamna"]
)
CUES = frozenset(
    [
        "daughter",
        "son",
        "husband",
        "wife",
        "partner",
        "mum",
        "mother",
        "dad",
        "father",
        "brother",
        "sister",
        "neighbour",
        "friend",
        "granddaughter",
        "grandson",
        "niece",
        "nephew",
        "cousin",
        "carer",
        "carers",
        "worker",
        "manager",
        "nurse",
        "doctor",
        "receptionist",
        "advisor",
        "adviser",
        "officer",
        "coordinator",
        "therapist",
        "physio",
        "called",
        "named",
        "name",
        "thanks",
        "thank",
        "ask",
        "with",
        "and",
        "to",
        "from",
        "by",
    ]
)
_WEAK_CUES = frozenset(["thanks", "thank", "ask", "with", "and", "to", "from", "by"])
PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "da",
        "das",
        "dos",
        "du",
        "di",
        "del",
        "della",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "bint",
        "ap",
        "ní",
        "nic",
        "ó",
        "mac",
        "von",
        "abu",
        "st",
    ]
)
_NAME_STOPWORDS = frozenset({"will"})  # 'Will from the agency'
_ENGLISH_HOMOGRAPHS = frozenset(
    ["loan", "long", "cherry", "grant", "junior", "said", "song", "wing", "hung", "gang"]
)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    key: str
    capital: bool
    sentence_start: bool


@functools.lru_cache(maxsize=1 << 17)
def fold(word: str) -> str:
    """Lower case with accents removed: 'Wiśniewska' -> 'wisniewska'. Cached: the redactor
    folds every word of every comment, and words repeat."""
    if word.isascii():
        return word.lower()
    word = word.lower().replace("ł", "l").replace("ı", "i").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _words(name: str) -> frozenset[str]:
    text = loader.text(name)
    return frozenset(
        fold(w) for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


@functools.cache
def _lexicons() -> tuple[frozenset[str], frozenset[str]]:
    curated = _words("names_extra") | _words("first_names")
    return curated, curated | _words("names_faker")


@functools.cache
def _keep() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in loader.text("redaction_keep").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            current = line.strip("[] ")
            continue
        sections.setdefault(current, []).append(line)  # a section may appear more than once
    phrases = " ".join(sections["phrases"]).split(";")
    words = " ".join(sections["words"]).split()
    org = " ".join(sections["org_words"]).split()
    return (
        frozenset(fold(w) for w in words),
        frozenset(org),
        tuple(sorted({fold(p.strip()) for p in phrases if p.strip()}, key=len, reverse=True)),
    )


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common ``word`` is in English (0 unknown .. 8), from the installed wordfreq."""
    import wordfreq  # heavy import, only when the redactor first meets a candidate word

    return wordfreq.zipf_frequency(word, "en")


_starts: dict[str, bool] = {}


def _sentence_start(before: str) -> bool:
    """Whether the (up to) three characters before a word end a sentence (cached)."""
    found = _starts.get(before)
    if found is None:
        if len(_starts) >= 100_000:
            _starts.clear()
        found = _starts[before] = bool(_SENTENCE_END.search(before))
    return found


def _tokens(text: str, infos: list | None = None, judge: _Judge | None = None) -> list[_Token]:
    """The words of ``text``; ``infos``, when given, receives each word's ``_WordInfo``."""
    tokens: list[_Token] = []
    judge = judge or _judge()
    cache, starts = _word_infos, _starts
    for match in (_ASCII_WORD if text.isascii() else _WORD).finditer(text):
        raw, start = match.group(), match.start()
        info = cache.get(raw)
        if info is None:
            if len(cache) >= _INFO_LIMIT:
                cache.clear()
            info = cache[raw] = _word_info(raw, judge)
        before = text[start - 3 : start] if start >= 3 else text[:start]
        sentence_start = starts.get(before)
        if sentence_start is None:
            sentence_start = _sentence_start(before)
        word = info[0]
        tokens.append(
            _Token(start, start + len(word), word, info[1], info[2], sentence_start or not start)
        )
        if infos is not None:
            infos.append(info)
    return tokens


@functools.cache
def _protected_pattern() -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in _keep()[2])
    return re.compile(rf"(?<!\w)(?:{phrases})(?!\w)")


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _protected_pattern().finditer(text.lower())]


_JOINERS = re.compile(r"[-']")


def _parts(key: str) -> list[str]:
    if "-" not in key and "'" not in key:
        return []
    parts = [p for p in _JOINERS.split(key) if p]
    return parts if len(parts) > 1 else []


class _Judge:
    def __init__(self) -> None:
        self.curated, self.lexicon = _lexicons()
        self.keep_words, self.org_words, _ = _keep()
        self.stop = stopwords()
        self.english_first = _words("first_names")

    def ordinary(self, key: str) -> bool:
        return key in self.keep_words or key in self.stop or key in TITLES

    def in_lexicon(self, key: str) -> bool:
        parts = _parts(key)
        if parts:
            return any(p in self.lexicon and len(p) > 2 for p in parts if p not in PARTICLES)
        return key in self.lexicon

    def organisation(self, key: str) -> bool:
        return key in self.org_words

    def lower_name(self, key: str) -> bool:
        if len(key) < 4 or key in _ENGLISH_HOMOGRAPHS or self.ordinary(key):
            return False
        parts = _parts(key)
        if parts:
            return any(self.lower_name(p) or p in self.curated for p in parts)
        if key in self.curated:
            return zipf(key) < (4.0 if key not in self.english_first else 5.0)
        if key in self.lexicon:
            return zipf(key) < 3.0
        return False

    def rare_word(self, key: str) -> bool:
        """Not a name in any list and not English: a name when it opens a sentence."""
        return (
            len(key) > 3
            and not self.ordinary(key)
            and zipf(key) < 2.3
            and not _inflected_english(key)
        )

    def capital_name(self, token: _Token) -> bool:
        key, word = token.key, token.text
        if self.ordinary(key) or len(key) < 2 or self.organisation(key):
            return False
        if _SURNAME_SHAPE.match(word) or re.match(r"^(?:al|el)-\w", key):
            return True
        if word.isupper() and len(word) <= 3 and key not in self.curated:
            return False
        common = zipf(key)
        if not token.sentence_start and not word.isupper():
            lexical = self.in_lexicon(key) and (key in self.curated or common < 4.5)
            return lexical or common < 3.2
        if key in self.curated and key not in _ENGLISH_HOMOGRAPHS:
            return common < 5.0 and len(key) > 2
        if self.in_lexicon(key):
            return common < 3.5
        return common < 3.0 and len(key) > 2

    def follows_name(self, token: _Token) -> bool:
        key = token.key
        if self.ordinary(key) or key in PARTICLES or self.organisation(key):
            return False
        if token.capital:
            return not (token.text.isupper() and len(key) <= 3 and key not in self.curated)
        return (self.in_lexicon(key) and len(key) > 2 and zipf(key) < 5.0) or zipf(key) < 3.5


_judges: dict[int, _Judge] = {}


def _judge() -> _Judge:
    """One judge per stopword list in use (the lexicons themselves are read once)."""
    stop = stopwords()
    judge = _judges.get(id(stop))
    if judge is None or judge.stop is not stop:
        _judges.clear()
        _word_infos.clear()
        _cue_pairs.clear()
        judge = _judges[id(stop)] = _Judge()
    return judge


# What each distinct word could be, worked out once: (token text, key, capital, could be a
# name by itself whatever its place in the sentence, is a cue that may make the next word a
# name, could be the person in "Dawn from the office", capital_name in mid-sentence, at a
# sentence start, lower_name, rare_word).
_WordInfo = tuple[str, str, bool, bool, bool, bool, bool, bool, bool, bool]
_word_infos: dict[str, _WordInfo] = {}
_cue_pairs: dict[tuple[str, str], bool] = {}
_INFO_LIMIT = 200_000
_CUE_WORDS = (TITLES | CUES) - _WEAK_CUES


def _word_info(raw: str, judge: _Judge) -> _WordInfo:
    word = raw
    possessive = _POSSESSIVE.search(word)
    if possessive and len(word) > 3:
        word = word[: possessive.start()]
    key, capital = fold(word), word[0].isupper()
    middle = start = lower = rare = False
    if capital:
        middle = judge.capital_name(_Token(0, 0, word, key, capital, False))
        start = judge.capital_name(_Token(0, 0, word, key, capital, True))
    else:
        lower, rare = judge.lower_name(key), judge.rare_word(key)
    by_place = (
        len(key) >= 2
        and (
            (capital and key in _NAME_STOPWORDS)
            or not (judge.ordinary(key) or judge.organisation(key))
        )
        and (capital or judge.in_lexicon(key))
    )
    by_itself = middle or start or lower or rare
    return (word, key, capital, by_itself, key in _CUE_WORDS, by_place, middle, start, lower, rare)


def _cued_pair(previous: _WordInfo, info: _WordInfo, judge: _Judge) -> bool:
    pair = (previous[0], info[0])
    found = _cue_pairs.get(pair)
    if found is None:
        if len(_cue_pairs) >= _INFO_LIMIT:
            _cue_pairs.clear()
        tokens = [_Token(0, 0, t[0], t[1], t[2], False) for t in (previous, info)]
        found = _cue_pairs[pair] = _cued(tokens, 1, judge)
    return found


def _may_have_names(text: str, judge: _Judge) -> bool:
    """False only when ``name_spans`` would find no name: no word is a name by itself, none
    follows a cue that makes it one, and no "X from the ..." has a possible person X. (Every
    other rule only widens names already found.)"""
    infos, previous = _word_infos, None
    for raw in (_ASCII_WORD if text.isascii() else _WORD).findall(text):
        info = infos.get(raw)
        if info is None:
            if len(infos) >= _INFO_LIMIT:
                infos.clear()
            info = infos[raw] = _word_info(raw, judge)
        if info[3] or (previous is not None and previous[4] and _cued_pair(previous, info, judge)):
            return True
        previous = info
    if "the" in text and _PERSON_AFTER.search(text):  # the pattern needs "the"
        for match in _WORD.finditer(text):
            raw = match.group()
            info = infos.get(raw) or _word_info(raw, judge)
            whole = len(info[0]) == len(raw)  # a possessive ends before "'s", not at a space
            if info[5] and whole and _PERSON_AFTER.match(text, match.end()):
                return True
    return False


def name_spans(text: str, use_first_names: bool = True) -> list[tuple[int, int]]:
    """Character spans of likely names, merged and sorted."""
    judge = _judge()
    if use_first_names and not _may_have_names(text, judge):
        return []
    infos: list[_WordInfo] = []
    tokens = _tokens(text, infos, judge)
    if not tokens:
        return []
    protected = _protected(text)
    if protected:
        blocked = [any(s <= t.start < e for s, e in protected) for t in tokens]
    else:
        blocked = [False] * len(tokens)
    names = [False] * len(tokens)
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if blocked[i]:
            continue
        info = infos[i]
        if token.capital:
            names[i] = use_first_names and info[7 if token.sentence_start else 6]
        elif use_first_names and not (i < last and tokens[i + 1].key == "ji"):
            names[i] = info[8] or (token.sentence_start and info[9])
        names[i] = (
            names[i]
            or (i > 0 and infos[i - 1][4] and _cued_pair(infos[i - 1], info, judge))
            or (info[5] and _person_by_place(tokens, i, judge, text))
        )
    _spread(tokens, names, blocked, judge, text)
    _drop_organisations(tokens, names, judge)
    _take_titles_and_initials(tokens, names, text)
    spans = [(t.start, t.end) for t, is_name in zip(tokens, names, strict=True) if is_name]
    return _merge(spans, text)


def _cued(tokens: list[_Token], i: int, judge: _Judge) -> bool:
    if i == 0:
        return False
    token, previous = tokens[i], tokens[i - 1]
    key = token.key
    if judge.ordinary(key) or key in PARTICLES:
        return False
    cue = previous.key.rstrip(".")
    if cue in _STRONG_TITLES or (cue in TITLES and previous.capital):
        return token.capital or zipf(key) < 4.5 or judge.in_lexicon(key)
    if cue in CUES and cue not in _WEAK_CUES:
        if token.capital:
            return zipf(key) < 5.0 or judge.in_lexicon(key)
        return judge.lower_name(key) or key in judge.curated or (zipf(key) < 3.0 and len(key) > 2)
    return False


def _inflected_english(key: str) -> bool:
    for suffix in ("ing", "ed", "es", "s", "ly", "er", "ers", "ness", "ful", "y"):
        if key.endswith(suffix) and zipf(key[: -len(suffix)]) >= 3.0:
            return True
    return False


def _person_by_place(tokens, i, judge, text) -> bool:
    """'Dawn from the office', 'Will at the centre': a capitalised word before 'from the'."""
    token = tokens[i]
    word_name = token.capital and token.key in _NAME_STOPWORDS
    if not word_name and (judge.ordinary(token.key) or judge.organisation(token.key)):
        return False
    if len(token.key) < 2:
        return False
    if not token.capital and not judge.in_lexicon(token.key):
        return False
    after_and = i > 0 and not token.sentence_start and tokens[i - 1].key == "and"
    if i > 0 and not token.sentence_start and not after_and:
        return False
    # 'Staff at the day centre', 'Nurses from the hospital': a sentence opened by a common
    # English word that no name list holds names a group, not a person ('Dawn', in the lists,
    # still is one; so is a capitalised word joined to a name by 'and').
    if not (word_name or after_and or judge.in_lexicon(token.key)) and zipf(token.key) >= 3.0:
        return False
    return bool(_PERSON_AFTER.match(text, token.end))


_AND = re.compile(r"\s*(?:,|&|\band\b)\s*|\s+and\s+")


def _coordinate(tokens, names, blocked, judge, text) -> bool:
    """'Jo and Sam', 'sukhi and manpreet': a word joined by 'and' to a name is a name."""
    changed = False
    for i in range(len(tokens) - 2):
        if tokens[i + 1].key != "and" or blocked[i] or blocked[i + 2] or names[i] == names[i + 2]:
            continue
        other = tokens[i + 2] if names[i] else tokens[i]
        if judge.ordinary(other.key) or judge.organisation(other.key) or len(other.key) < 2:
            continue
        if other.capital:
            ok = not (other.text.isupper() and len(other.key) <= 3)
        else:
            ok = judge.lower_name(other.key) or other.key in judge.curated or zipf(other.key) < 3.0
        if ok:
            names[i] = names[i + 2] = changed = True
    return changed


def _spread(tokens, names, blocked, judge, text) -> None:
    """A word joined to a name by a space, hyphen or particle is part of that name."""
    changed = True
    while changed:
        changed = False
        for i in range(len(tokens) - 1):
            left, right = tokens[i], tokens[i + 1]
            gap = text[left.end : right.start]
            if gap.strip(" -(") or blocked[i] or blocked[i + 1]:
                continue
            if names[i] and not names[i + 1] and judge.follows_name(right):
                names[i + 1] = changed = True
            elif names[i + 1] and not names[i] and _joins_left(left, judge):
                names[i] = changed = True
        for i in range(1, len(tokens) - 1):
            particle, nxt = tokens[i], tokens[i + 1]
            joinable = nxt.capital and not judge.ordinary(nxt.key)
            if particle.key in PARTICLES and names[i - 1] and not names[i + 1] and joinable:
                names[i + 1] = changed = True
        changed = _coordinate(tokens, names, blocked, judge, text) or changed


def _joins_left(token: _Token, judge: _Judge) -> bool:
    if judge.ordinary(token.key) or token.key in PARTICLES or len(token.key) < 2:
        return False
    if token.capital:
        return not (token.text.isupper() and len(token.key) <= 3)
    return judge.lower_name(token.key)


def _take_titles_and_initials(tokens, names, text) -> None:
    """'Dr. J. Patel' becomes one name: a title or initial straight before a name joins it."""
    for i in range(len(tokens) - 1, 0, -1):
        if not names[i]:
            continue
        left = tokens[i - 1]
        gap = text[left.end : tokens[i].start]
        initial = len(left.text) == 1 and left.text.isupper() and gap in {" ", ". ", "."}
        title = (
            left.key in TITLES
            and gap in {" ", ". "}
            and (left.capital or left.key in _STRONG_TITLES)
        )
        if initial or title:
            names[i - 1] = True


def _drop_organisations(tokens, names, judge) -> None:
    """Capitalised names straight before 'Court', 'Centre', 'Hospital'... are places."""
    for i in range(len(tokens) - 1, 0, -1):
        nxt = tokens[i]
        joined = tokens[i - 1].end + 1 == nxt.start
        if judge.organisation(nxt.key) and nxt.capital and names[i - 1] and joined:
            j = i - 1
            while j >= 0 and names[j] and tokens[j].capital:
                if j > 0 and tokens[j - 1].key.rstrip(".") in _STRONG_TITLES:
                    break
                names[j] = False
                j -= 1


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and text[merged[-1][1] : start] in {"", " ", "-", ".", ". "}:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
