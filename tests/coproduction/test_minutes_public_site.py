"""A resident finds a board and its published minutes from the public site, and there is one
"You said, we did" page (issue #17)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduction import services
from coproduction.choices import MinutesStatus
from coproduction.models import Board, Minutes
from tests.coproduction.factories import MeetingFactory, MinutesFactory


def _links(html):
    return re.findall(r'<a class="govuk-link[^"]*" href="([^"]+)"', html)


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_resident_finds_published_minutes_from_the_home_page(client, demo_site):
    board = Board.objects.get(slug="always-listening")
    board_page = reverse("coproduction:board-public", args=[board.slug])
    assert board_page in _links(_get(client, "/"))
    published = Minutes.objects.get(meeting__board=board, status=MinutesStatus.PUBLISHED)
    html = _get(client, board_page)
    assert published.get_absolute_url() in _links(html)
    assert "Version 1, approved by the chair on" in _get(client, published.get_absolute_url())


def test_the_you_said_we_did_page_links_each_board(client, demo_site):
    html = _get(client, "/you-said-we-did/")
    assert reverse("coproduction:board-public", args=["always-listening"]) in _links(html)


@pytest.mark.parametrize(
    "old, new",
    [
        ("/board/you-said-we-did/", "/you-said-we-did/"),
        ("/board/you-said-we-did/?service=home-care", "/you-said-we-did/?service=home-care"),
        ("/ur/board/you-said-we-did/", "/ur/you-said-we-did/"),
    ],
)
def test_the_old_you_said_we_did_address_moves_for_good_to_the_cms_page(
    client, demo_site, old, new
):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)


def test_the_old_address_finds_nothing_before_the_cms_page_exists(client, db):
    assert client.get("/board/you-said-we-did/").status_code == 404


@pytest.fixture
def board_page(client, board, minutes, officer, chair):
    board.purpose = "Residents who check that adult social care listens."
    board.who_can_join = "Anyone who uses adult social care, or cares for someone who does."
    board.save()
    services.minutes_circulate(minutes=minutes, by=officer)
    services.minutes_approve(minutes=minutes, by=chair)
    services.minutes_publish(minutes=minutes, by=officer)
    approved_only = MeetingFactory(board=board, title="Approved, not yet published")
    MinutesFactory(meeting=approved_only, status=MinutesStatus.APPROVED)
    MeetingFactory(
        board=board,
        title="Next quarterly meeting",
        starts_at=timezone.now() + datetime.timedelta(days=20),
        place="Library, Meeting Room 1",
        online_link="https://meet.council.example/secret-room",
        step_free_access=True,
    )
    return _get(client, reverse("coproduction:board-public", args=[board.slug]))


def test_the_board_page_says_what_it_is_who_can_join_and_when_it_meets(board_page):
    assert "Residents who check that adult social care listens." in board_page
    assert "Anyone who uses adult social care, or cares for someone who does." in board_page
    assert "Library, Meeting Room 1" in board_page and "Step-free access" in board_page


def test_the_board_page_lists_only_published_minutes(board_page, minutes):
    assert minutes.get_absolute_url() in _links(board_page)
    assert "Approved, not yet published" not in board_page


def test_the_board_page_keeps_the_joining_link_private(board_page):
    assert "secret-room" not in board_page
