"""Values each process remembers between requests, forgotten together on every server.

A memo is stamped with a version held in the shared cache (Redis in production): `forget()`
writes a new version, so every server computes its values again on its next request. Inside a
request (`memo_versions_for_request`, used by core.site_memo's middleware) every memo's version
is read in one round trip, the first time one is needed, and kept until the request ends, so a
page is built from one consistent set of versions. Values must not depend on the request beyond
the key, and are shared between threads: treat them as read-only. None is never remembered.
"""

import threading
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

_memos = []
# The versions read for the current request: {version key: version}, or None outside one.
_request_versions = ContextVar("memo_request_versions", default=None)


def _new_version():
    return uuid.uuid4().hex


class SharedMemo:
    def __init__(self, name, *, max_entries=64):
        self.version_key = f"core:memo:{name}:version"
        self.max_entries = max_entries  # keys may come from request headers: bound the memory
        self._values = OrderedDict()  # least recently used first
        self._lock = threading.Lock()
        _memos.append(self)

    def version(self):
        """The shared version; within a request, as read at its start."""
        versions = _request_versions.get()
        if versions is None:
            return cache.get_or_set(self.version_key, _new_version, timeout=None)
        if versions.get(self.version_key) is None:
            _versions_read(versions)
        return versions[self.version_key]

    def get(self, key, compute):
        """The remembered value for `key`, or `compute()` when none or when it was forgotten."""
        version = self.version()
        with self._lock:
            found = self._values.get(key)
            if found is not None and found[0] == version:
                self._values.move_to_end(key)
                return found[1]
        value = compute()
        if value is None:  # not remembered: a key that finds nothing may be anyone's guess
            return None
        with self._lock:
            self._values[key] = (version, value)
            self._values.move_to_end(key)
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)
        return value

    def forget(self, *args, **kwargs):
        """Forget on every server (usable as a signal receiver): now, and again once the
        change commits, since a server that reads before the commit remembers the old rows."""
        self._version_write()
        transaction.on_commit(self._version_write)

    def _version_write(self):
        version = _new_version()
        cache.set(self.version_key, version, timeout=None)
        versions = _request_versions.get()
        if versions is not None:
            versions[self.version_key] = version
        self.clear_local()

    def clear_local(self):
        with self._lock:
            self._values.clear()


def _versions_read(versions):
    """Every memo's version in one round trip; a version the cache has lost is made anew."""
    keys = [memo.version_key for memo in _memos]
    versions.update(cache.get_many(keys))
    for key in keys:
        if versions.get(key) is None:
            cache.add(key, _new_version(), timeout=None)
            versions[key] = cache.get(key)


@contextmanager
def memo_versions_for_request():
    """Within the block, each memo's version is read once (all in one round trip)."""
    token = _request_versions.set({})
    try:
        yield
    finally:
        _request_versions.reset(token)


def memos_clear_local():
    """This process's copies only, for tests whose rows go with a rollback (no signal)."""
    for memo in _memos:
        memo.clear_local()
