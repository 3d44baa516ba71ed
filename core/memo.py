"""Values each process remembers between requests, forgotten together on every server.

A memo is stamped with a version held in the shared cache (Redis in production): `forget()`
writes a new version, so every server computes its values again on its next request, at the
price of one cache read per lookup. Values must not depend on the request beyond the key.
"""

import uuid

from django.core.cache import cache

_memos = []


class SharedMemo:
    def __init__(self, name, *, max_entries=64):
        self.version_key = f"core:memo:{name}:version"
        self.max_entries = max_entries  # keys may come from request headers: bound the memory
        self._values = {}
        _memos.append(self)

    def _version(self):
        return cache.get_or_set(self.version_key, lambda: uuid.uuid4().hex, timeout=None)

    def get(self, key, compute):
        """The remembered value for `key`, or `compute()` when none or when it was forgotten."""
        version = self._version()
        found = self._values.get(key)
        if found is None or found[0] != version:
            value = compute()
            if len(self._values) >= self.max_entries:
                self._values.clear()
            found = self._values[key] = (version, value)
        return found[1]

    def forget(self, *args, **kwargs):
        """Forget on every server (usable as a signal receiver)."""
        cache.set(self.version_key, uuid.uuid4().hex, timeout=None)
        self._values.clear()

    def clear_local(self):
        self._values.clear()


def memos_clear_local():
    """This process's copies only, for tests whose rows go with a rollback (no signal)."""
    for memo in _memos:
        memo.clear_local()
