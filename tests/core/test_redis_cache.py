"""core.cache.RedisCache against the machine's Redis, under a prefix of its own: one client per
connection pool, and an incr that never leaves a key without its expiry."""

import secrets
import threading

import pytest

from core.cache import RedisCache
from surveys import ratelimit


@pytest.fixture
def redis_cache():
    cache = RedisCache(
        "redis://127.0.0.1:6379/0", {"KEY_PREFIX": f"test-core-cache-{secrets.token_hex(4)}"}
    )
    yield cache
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*"))
    if keys:
        client.delete(*keys)


def test_one_client_serves_every_call_and_thread(redis_cache):
    first = redis_cache._cache.get_client("a", write=True)
    seen = []
    threads = [
        threading.Thread(target=lambda: seen.append(redis_cache._cache.get_client("b")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(client is first for client in seen) and len(seen) == 4


def test_incr_counts_an_existing_key_and_keeps_its_expiry(redis_cache):
    redis_cache.set("count", 5, timeout=300)
    assert redis_cache.incr("count") == 6
    assert redis_cache.incr("count", 4) == 10
    assert redis_cache.get("count") == 10
    ttl = redis_cache._cache.get_client().ttl(redis_cache.make_key("count"))
    assert 0 < ttl <= 300


def test_incr_of_a_missing_key_raises_and_creates_nothing(redis_cache):
    with pytest.raises(ValueError, match="not found"):
        redis_cache.incr("missing")
    assert redis_cache.get("missing") is None
    assert not redis_cache._cache.get_client().exists(redis_cache.make_key("missing"))


def test_the_rate_limit_counts_every_attempt_in_its_window(redis_cache, monkeypatch):
    monkeypatch.setattr(ratelimit, "cache", redis_cache)
    assert [ratelimit._count("rate:x", 60) for _ in range(3)] == [1, 2, 3]
    ttl = redis_cache._cache.get_client().ttl(redis_cache.make_key("rate:x"))
    assert 0 < ttl <= 60
    # A new window once the old one is gone.
    redis_cache.delete("rate:x")
    assert ratelimit._count("rate:x", 60) == 1


def test_attempts_at_once_are_each_counted_once(redis_cache, monkeypatch):
    monkeypatch.setattr(ratelimit, "cache", redis_cache)
    counts, lock = [], threading.Lock()

    def attempt():
        for _ in range(25):
            value = ratelimit._count("rate:burst", 60)
            with lock:
                counts.append(value)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == list(range(1, 201))
