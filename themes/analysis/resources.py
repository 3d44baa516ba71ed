"""Lazy, named loading of the files the analysis core needs.

Like ``nltk.data`` we load by name and fail with an error that says what is missing and where we
looked; unlike NLTK we never download. Resources come from files we wrote (``data/``) or from
installed packages (the VADER lexicon shipped inside ``vaderSentiment``).
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Callable
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


class ResourceMissing(LookupError):
    """A named resource could not be found; says what and where we looked."""

    def __init__(self, name: str, looked_in: list[str], hint: str = "") -> None:
        self.name = name
        self.looked_in = looked_in
        where = "; ".join(looked_in) or "nowhere (no locations registered)"
        message = f"Resource {name!r} is missing. Looked in: {where}."
        if hint:
            message += f" {hint}"
        message += " Nothing is downloaded at run time."
        super().__init__(message)


def _package_file(package: str, filename: str) -> Callable[[], list[str]]:
    def locate() -> list[str]:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            return [f"installed package {package!r} (not installed)"]
        return [str(Path(loc) / filename) for loc in spec.submodule_search_locations]

    return locate


def _data_file(filename: str) -> Callable[[], list[str]]:
    return lambda: [str(DATA_DIR / filename)]


_HINTS = {
    "vader_lexicon": "Install the pinned 'vaderSentiment' package (it ships vader_lexicon.txt).",
}


class ResourceLoader:
    """Finds resources by name, reads each once and caches it (thread-safe)."""

    def __init__(self) -> None:
        self._locators: dict[str, Callable[[], list[str]]] = {
            "stopwords": _data_file("stopwords.txt"),
            "first_names": _data_file("first_names.txt"),
            "names_faker": _data_file("names_faker.txt"),
            "names_extra": _data_file("names_extra.txt"),
            "redaction_keep": _data_file("redaction_keep.txt"),
            "default_taxonomy": _data_file("default_taxonomy.json"),
            "safeguarding_signals": _data_file("safeguarding.json"),
            "vader_lexicon": _package_file("vaderSentiment", "vader_lexicon.txt"),
        }
        self._cache: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()

    def register(self, name: str, path: str | Path) -> None:
        """Point a resource name at a file of your own (e.g. a council's lexicon)."""
        with self._lock:
            self._locators[name] = lambda: [str(path)]
            self._cache = {key: val for key, val in self._cache.items() if key[0] != name}

    def path(self, name: str) -> Path:
        """Return the first existing file for ``name`` or raise ``ResourceMissing``."""
        locator = self._locators.get(name)
        looked_in = locator() if locator else []
        for candidate in looked_in:
            if Path(candidate).is_file():
                return Path(candidate)
        raise ResourceMissing(name, looked_in, _HINTS.get(name, ""))

    def text(self, name: str) -> str:
        return self._cached(name, "text", lambda: self.path(name).read_text(encoding="utf-8"))

    def lines(self, name: str) -> tuple[str, ...]:
        """Non-blank lines, with ``#`` comments removed."""

        def read() -> tuple[str, ...]:
            stripped = (line.split("#", 1)[0].strip() for line in self.text(name).splitlines())
            return tuple(line for line in stripped if line)

        return self._cached(name, "lines", read)

    def word_set(self, name: str) -> frozenset[str]:
        """The resource's lines, lowercased, as a set."""
        found = self._cache.get((name, "set"))  # the hot path: redaction asks per comment
        if found is not None:
            return found
        return self._cached(name, "set", lambda: frozenset(w.lower() for w in self.lines(name)))

    def json(self, name: str) -> object:
        return self._cached(name, "json", lambda: json.loads(self.text(name)))

    def _cached(self, name: str, kind: str, read: Callable[[], object]):
        key = (name, kind)
        if key not in self._cache:
            value = read()
            with self._lock:
                self._cache[key] = value
        return self._cache[key]


loader = ResourceLoader()


def stopwords() -> frozenset[str]:
    """The shipped stopword list (``data/stopwords.txt``) as a set."""
    return loader.word_set("stopwords")
