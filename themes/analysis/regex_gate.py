"""Skip regexes that cannot match: gate each pattern on literal text any match must contain.

Running 340+ patterns over every sentence costs far more than the rest of the analysis, and
most sentences contain nothing the patterns need. ``required_pieces(pattern)`` reads the
pattern's parse tree and returns a set of letter/digit strings ("pieces") such that any match
contains at least one of them inside one word: ``\\b{WHO} (hit|slapped|punched) (me|her)`` ->
{"hit", "slapped", "punched"} (the rarest mandatory part is chosen, not the first).
``PatternIndex`` maps pieces to patterns, and for each distinct word of a text (cached, words
repeat) which patterns it could start; a sentence then only tries those. When a pattern has no
mandatory literal text (``\\w+ \\d+``), ``required_pieces`` returns None and the pattern always
runs, so gating never loses a match.

``first_words(pattern)`` is the older, weaker gate (the literal words a match must start with);
``GatedPattern.may_match`` still uses it for callers that only have a sentence's tokens.
"""

from __future__ import annotations

import functools
import re
import re._constants as _sre
import re._parser as _parser

from .text import word_set

_WORD = re.compile(r"[a-z']+")
_PREFIX = re.compile(r"^(?:\(\?#[^)]*\))?(?:\\b)?")
_RUN = re.compile(r"[a-z0-9]+")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}
# Pieces that nearly every sentence contains make poor gates; prefer anything else.
_COMMON = word_set(
    "a i the to and of in on at for it is was be my me her him his he she they them their we "
    "us our you your not no do did does an or as so if by with this that there then from up "
    "out all can will would had has have been being get got"
)


def first_words(pattern: str) -> frozenset[str] | None:
    """Words one of which must be the first token of any match, or None if unknown."""
    body = _PREFIX.sub("", pattern, count=1)
    if body.startswith("("):
        depth, end = 0, None
        for position, char in enumerate(body):
            depth += (char == "(") - (char == ")")
            if depth == 0:
                end = position
                break
        if end is None or body[end + 1 : end + 2] in ("?", "*"):
            return None
        inner = body[1:end]
        if inner.startswith("?"):
            return None
        alternatives = inner.split("|")
    else:
        alternatives = [body]
    words = set()
    for alternative in alternatives:
        match = _WORD.match(alternative)
        if not match:
            return None
        rest = alternative[match.end() :]
        if rest and rest[0] not in " \\)":
            return None
        if rest.startswith("\\") and not rest.startswith("\\b"):
            return None
        words.add(match.group())
    return frozenset(words)


@functools.cache
def _piece_cost(piece: str) -> float:
    """Rough chance that a word contains ``piece``: short pieces and common words are bad."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - wordfreq is a pinned dependency
        common = 1.0 if piece in _COMMON else 0.0
    else:
        common = 10.0 ** (wordfreq.zipf_frequency(piece, "en") - 6.0)
    return 2.0 ** -len(piece) + common + (1.0 if piece in _COMMON else 0.0)


def _cost(pieces: frozenset[str]) -> float:
    """Rough chance that a sentence contains one of ``pieces`` (lower is a better gate)."""
    return sum(_piece_cost(piece) for piece in pieces)


def _minimal(pieces) -> frozenset[str]:
    """Drop pieces that contain another piece: containing "ring" already covers "rings"."""
    ordered = sorted(set(pieces), key=len)
    kept: list[str] = []
    for piece in ordered:
        if not any(shorter in piece for shorter in kept):
            kept.append(piece)
    return frozenset(kept)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    return min(options, key=_cost) if options else None


_EXACT_LIMIT = 256


def _exact(items) -> frozenset[str] | None:
    """Every string the sequence ``items`` can match, when that is a small finite set."""
    strings = frozenset([""])
    for op, av in items:
        if op is _sre.LITERAL:
            part = frozenset([chr(av)])
        elif op is _sre.AT or op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            continue  # zero width: the matched text is unchanged
        elif op is _sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None
            part = _exact(av[3])
        elif op is _sre.BRANCH:
            branches = [_exact(branch) for branch in av[1]]
            part = None if None in branches else frozenset().union(*branches)
        elif op is _sre.IN:
            chars = [chr(v) for o, v in av if o is _sre.LITERAL]
            part = frozenset(chars) if len(chars) == len(av) else None
        elif op in _REPEATS and av[1] <= 1:
            inner = _exact(av[2])
            part = None if inner is None else inner | ({""} if av[0] == 0 else set())
        else:
            return None
        if part is None or len(strings) * len(part) > _EXACT_LIMIT:
            return None
        strings = frozenset(a + b for a in strings for b in part)
    return strings


def _from_strings(strings) -> frozenset[str] | None:
    """Pieces for text that is one of ``strings``: the best word run of each string."""
    chosen = []
    for string in strings:
        runs = _RUN.findall(string)
        if not runs:
            return None
        chosen.append(min(runs, key=_piece_cost))
    return _minimal(chosen)


def _options(items) -> list[frozenset[str]]:
    """Piece sets such that each match of the sequence ``items`` hits one of each set."""
    options: list[frozenset[str]] = []
    pending = frozenset([""])  # strings the items since the last non-literal part can match
    run: list[str] = []  # the current run of literal letters and digits

    def flush() -> None:
        if pending != {""}:
            pieces = _from_strings(pending)
            if pieces:
                options.append(pieces)

    for op, av in items:
        if op is _sre.LITERAL and chr(av) in _RUN_CHARS:
            run.append(chr(av))
        else:
            if run:
                options.append(frozenset(["".join(run)]))
            run.clear()
        exact = _exact([(op, av)])
        if exact is not None:
            alone = _from_strings(exact) if op is not _sre.LITERAL else None
            if alone:
                options.append(alone)  # the part on its own: "(paid|pays)" -> {paid, pays}
            if len(pending) * len(exact) <= _EXACT_LIMIT:
                pending = frozenset(a + b for a in pending for b in exact)
            else:
                flush()
                pending = exact
            if op is _sre.ASSERT:
                options += _options(av[1])
            continue
        flush()
        pending = frozenset([""])
        if op is _sre.SUBPATTERN:
            if not av[1] & re.IGNORECASE:
                options += _options(av[3])
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            options += _options(av)
        elif op in _REPEATS:
            if av[0] >= 1:
                options += _options(av[2])
        elif op is _sre.BRANCH:
            chosen = [_best(_options(branch)) for branch in av[1]]
            if all(chosen):
                options.append(_minimal(frozenset().union(*chosen)))
        # ANY, CATEGORY (\w, \d), NOT_LITERAL, ranges, GROUPREF...: nothing certain.
    if run:
        options.append(frozenset(["".join(run)]))
    flush()
    return options


def piece_gates(pattern: str | re.Pattern, limit: int = 3) -> tuple[frozenset[str], ...]:
    """Up to ``limit`` piece sets, best first, that every match of ``pattern`` must each hit.

    A set is hit when one of its pieces lies inside one maximal run of ``[a-z0-9]`` characters
    of the text. Empty when nothing is certain (the pattern must always be tried).
    """
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    if not isinstance(source, str) or flags & re.IGNORECASE:
        return ()
    parsed = _parser.parse(source, flags)
    if parsed.state.flags & re.IGNORECASE:
        return ()
    chosen: list[frozenset[str]] = []
    for option in sorted(set(_options(parsed.data)), key=lambda o: (_cost(o), sorted(o))):
        # A gate that contains a chosen one is implied by it: choose another part instead.
        if len(chosen) < limit and not any(gate <= option for gate in chosen):
            chosen.append(option)
    return tuple(chosen)


def required_pieces(pattern: str | re.Pattern) -> frozenset[str] | None:
    """The best of ``piece_gates``: one of these pieces is inside a word of any match, or None
    when no such set is certain."""
    gates = piece_gates(pattern, limit=1)
    return gates[0] if gates else None


def word_runs(text: str) -> set[str]:
    """The distinct maximal runs of ``[a-z0-9]`` in ``text`` (what pieces are looked up in)."""
    return set(_RUN.findall(text))


class GatedPattern:
    """A compiled pattern plus what must be present for it to be tried."""

    __slots__ = ("regex", "words", "gates", "pieces", "flag")

    def __init__(self, pattern: str, flag: bool = False) -> None:
        self.regex = re.compile(pattern)
        self.words = first_words(pattern)
        self.gates = piece_gates(self.regex)
        self.pieces = self.gates[0] if self.gates else None
        self.flag = flag

    def may_match(self, tokens: set[str] | frozenset[str]) -> bool:
        """False when none of the pattern's possible first words is among ``tokens``."""
        return self.words is None or not self.words.isdisjoint(tokens)

    def may_match_runs(self, runs: set[str] | frozenset[str]) -> bool:
        """False when some gate has no piece inside any word run of the text."""
        return all(any(piece in run for run in runs for piece in gate) for gate in self.gates)


class PatternIndex:
    """Patterns indexed by their pieces, so a text only tries the ones it could match.

    Each pattern has up to three gates (``piece_gates``); it is tried only when a piece of
    every gate is inside a word of the text. Which gates each distinct word opens is worked
    out once (every substring of a length some piece has) and cached.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, entries: list[tuple[object, GatedPattern]]) -> None:
        self._entries = entries
        count = self._count = len(entries)
        self._always = sorted(i for i, (_, p) in enumerate(entries) if not p.gates)
        # Gate keys: an entry's first gate is its own position, later gates count on from
        # ``count``, so the entries a text may match are the keys below ``count``.
        self._by_piece: dict[str, list[int]] = {}
        self._needed: list[frozenset[int]] = []
        extra = count
        for i, (_, pattern) in enumerate(entries):
            keys = []
            for number, gate in enumerate(pattern.gates):
                key = i if number == 0 else extra
                extra += number > 0
                keys.append(key)
                for piece in gate:
                    self._by_piece.setdefault(piece, []).append(key)
            self._needed.append(frozenset(keys))
        self._lengths = sorted({len(piece) for piece in self._by_piece})
        self._by_run: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        self._inert: set[str] = set()  # runs known to open no gate (most words)

    def _for_run(self, run: str) -> tuple[frozenset[int], frozenset[int]]:
        """(entries whose first gate ``run`` opens, every gate key it opens)."""
        keys: set[int] = set()
        by_piece, size = self._by_piece, len(run)
        for length in self._lengths:
            if length > size:
                break
            for start in range(size - length + 1):
                hit = by_piece.get(run[start : start + length])
                if hit:
                    keys.update(hit)
        if len(self._by_run) >= self._CACHE_LIMIT:
            self._by_run.clear()
            self._inert.clear()
        count = self._count
        found = frozenset(key for key in keys if key < count), frozenset(keys)
        self._by_run[run] = found
        if not keys:
            self._inert.add(run)
        return found

    def candidate_indices(self, runs: set[str] | list[str]) -> list[int]:
        """Positions (in input order) of the entries worth trying on a text with ``runs``."""
        # Words known to open nothing are dropped first, in C: most words of a text.
        runs = list((runs if isinstance(runs, (set, frozenset)) else set(runs)) - self._inert)
        found = list(map(self._by_run.get, runs))
        if None in found:  # words not seen before: work out once which gates they open
            found = [hit or self._for_run(run) for run, hit in zip(runs, found, strict=True)]
        hits = [hit for hit in found if hit[1]]
        first = [hit[0] for hit in hits if hit[0]]
        if not first:
            return list(self._always)
        keys = hits[0][1].union(*[hit[1] for hit in hits[1:]])
        needed = self._needed
        chosen = [key for key in first[0].union(*first[1:]) if needed[key] <= keys]
        if self._always:
            chosen += self._always
        chosen.sort()
        return chosen

    def candidates(self, runs: set[str] | list[str]) -> list[tuple[object, GatedPattern]]:
        """(key, pattern) pairs worth trying on a text whose word runs are ``runs``."""
        entries = self._entries
        return [entries[i] for i in self.candidate_indices(runs)]
