"""Meeting papers reach their board and the staff who run meetings; nobody else, until the
meeting's minutes are published. Other documents stay public."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from coproduction.choices import MinutesStatus
from coproduction.models import MeetingPaper, Minutes

PAPER_TEXT = b"Draft budget for the carers' respite service"


def _document(title="Paper"):
    document = get_document_model()(title=title)
    document.file.save("paper.txt", ContentFile(PAPER_TEXT), save=True)
    return document


@pytest.fixture
def paper(meeting):
    document = _document()
    MeetingPaper.objects.create(meeting=meeting, title="Budget", document=document)
    return document


def _get(client, document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def test_anonymous_people_cannot_download_a_paper(client, paper):
    assert _get(client, paper)[0] == 404


def test_a_member_of_another_board_cannot_download_it(client, paper, other_board_member):
    client.force_login(other_board_member)
    assert _get(client, paper)[0] == 404


def test_members_of_the_board_and_officers_can(client, paper, member, officer):
    for person in (member, officer):
        client.force_login(person)
        assert _get(client, paper) == (200, PAPER_TEXT)


def test_papers_are_public_once_the_minutes_are_published(client, paper, meeting):
    Minutes.objects.create(meeting=meeting, status=MinutesStatus.PUBLISHED)
    assert _get(client, paper) == (200, PAPER_TEXT)


def test_documents_that_are_not_papers_stay_public(client, db):
    leaflet = _document("Leaflet")
    assert _get(client, leaflet) == (200, PAPER_TEXT)
