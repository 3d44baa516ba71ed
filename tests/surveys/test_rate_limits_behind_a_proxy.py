"""Behind a trusted load balancer each resident has their own submission limit; a forged
X-Forwarded-For from anyone else changes nothing."""

import uuid

import pytest

from surveys.models import Response

BALANCER = "10.0.0.5"


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]


def _send(client, keys, forwarded, peer=BALANCER):
    return client.post(
        "/f/hd7k2",
        {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"},
        REMOTE_ADDR=peer,
        HTTP_X_FORWARDED_FOR=forwarded,
    ).status_code


def test_residents_behind_one_balancer_each_have_their_own_limit(
    client, touchpoint, keys, settings, behind_balancer
):
    settings.SURVEY_RATE_LIMIT = (2, 600)
    first = [_send(client, keys, "203.0.113.7") for _ in range(3)]
    second = [_send(client, keys, "203.0.113.8") for _ in range(2)]
    assert first == [302, 302, 429] and second == [302, 302]
    assert Response.objects.count() == 4


def test_a_forged_header_from_outside_does_not_escape_the_limit(
    client, touchpoint, keys, settings, behind_balancer
):
    settings.SURVEY_RATE_LIMIT = (2, 600)
    statuses = [_send(client, keys, f"203.0.113.{n}", peer="198.51.100.2") for n in range(4)]
    assert statuses == [302, 302, 429, 429]
