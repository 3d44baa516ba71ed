"""/healthz tells the load balancer when a server can't reach its cache (Redis) as well as its
database: without the cache its rate limits and confirmation pages would be its own."""

import json
import socket

import pytest

from core.views import health


@pytest.fixture
def redis_nobody_listens_on(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }


def test_health_is_503_when_the_cache_is_unreachable(rf, db, redis_nobody_listens_on):
    # The view itself; through the middleware, see the next test.
    response = health(rf.get("/healthz"))
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "ok",
        "cache": "error",
    }


@pytest.mark.parametrize("path", ["/healthz", "/", "/f/hd7k2", "/admin/login/"])
def test_every_page_is_try_again_when_the_cache_is_unreachable(
    client, db, redis_nobody_listens_on, path
):
    """core.site_memo's middleware reads the cache first on every request: a 503 with "please
    try again" (the load balancer's signal too), never a 500 or a stack trace."""
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Please try again" in response.content.decode()


def test_health_shows_no_data_and_needs_no_sign_in(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert set(response.json()) == {"status", "database", "cache"}
    assert "Set-Cookie" not in response.headers
