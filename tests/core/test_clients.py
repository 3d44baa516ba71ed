"""Rate limits count each resident behind a load balancer apart, and a forged header from
anyone else changes nothing."""

import pytest
from django.test import RequestFactory

from core.clients import client_address

BALANCER = "10.0.0.5"


def _request(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(_request(BALANCER, "203.0.113.7")) == BALANCER


def test_a_trusted_balancer_vouches_for_the_forwarded_client(behind_balancer):
    assert client_address(_request(BALANCER, "203.0.113.7")) == "203.0.113.7"
    # Several trusted hops: the first untrusted one from the right is the client.
    assert client_address(_request(BALANCER, "203.0.113.7, 10.1.2.3")) == "203.0.113.7"


def test_what_the_client_wrote_into_the_header_is_ignored(behind_balancer):
    forged = "198.51.100.1, 203.0.113.7"  # the client prepended a made-up address
    assert client_address(_request(BALANCER, forged)) == "203.0.113.7"


def test_an_untrusted_peer_cannot_choose_its_address(behind_balancer):
    assert client_address(_request("198.51.100.2", "203.0.113.7")) == "198.51.100.2"


def test_garbage_in_the_header_falls_back_to_the_peer(behind_balancer):
    assert client_address(_request(BALANCER, "not-an-address")) == BALANCER


@pytest.mark.django_db
def test_failed_sign_ins_from_one_resident_do_not_lock_out_another(
    client, settings, behind_balancer, django_user_model
):
    django_user_model.objects.create_user("staff", "staff@council.example", "right-password-1")
    for n in range(6):
        client.post(
            "/accounts/login/",
            {"login": f"nobody{n}@example.org", "password": "wrong"},
            REMOTE_ADDR=BALANCER,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    throttled = client.post(
        "/accounts/login/",
        {"login": "nobody@example.org", "password": "wrong"},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    other = client.post(
        "/accounts/login/",
        {"login": "staff@council.example", "password": "right-password-1"},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert "Too many failed login attempts" in throttled.content.decode()
    assert other.status_code == 302, "another resident behind the same balancer still signs in"
