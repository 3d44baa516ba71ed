"""Meeting papers reach their board and the staff who run meetings; nobody else, until the
meeting's minutes are published. Other documents stay public."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from coproduction.choices import MinutesStatus
from coproduction.models import MeetingPaper, Minutes
from coproduction.papers import papers_collection_for
from core import roles

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


# Officers and engagement leads attach papers through Wagtail's document chooser: each board's
# papers go into its own private collection, which nobody from another board sees.


def _upload(client, title, collection=None):
    data = {
        "document-chooser-upload-title": title,
        "document-chooser-upload-file": SimpleUploadedFile("agenda.txt", PAPER_TEXT),
    }
    if collection is not None:
        data["document-chooser-upload-collection"] = collection.pk
    return client.post(reverse("wagtaildocs_chooser:create"), data)


def test_every_board_has_its_own_papers_collection(board, other_board):
    ours, theirs = papers_collection_for(board), papers_collection_for(other_board)
    assert ours != theirs
    assert ours.name == board.name
    assert ours.get_parent().name == roles.PAPERS_COLLECTION
    board.name = "Always Listening Board"
    board.save()
    assert papers_collection_for(board).name == "Always Listening Board"
    assert papers_collection_for(board) == ours


def test_an_officer_uploads_a_paper_through_the_chooser_into_their_boards_papers(
    client, board, officer
):
    client.force_login(officer)
    response = _upload(client, "Agenda, June")
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    document = get_document_model().objects.get(title="Agenda, June")
    # Their only board: the one collection offered, so the form chose it.
    assert document.collection == papers_collection_for(board)
    assert document.uploaded_by_user == officer


def test_an_officer_cannot_upload_into_another_boards_papers(client, other_board, officer):
    client.force_login(officer)
    _upload(client, "Sneaky", collection=papers_collection_for(other_board))
    assert (
        not get_document_model()
        .objects.filter(collection=papers_collection_for(other_board))
        .exists()
    )
    form = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert other_board.name not in form


def test_the_chooser_hides_another_boards_papers(client, board, other_board, officer):
    theirs = _document("Carers' Forum budget")
    theirs.collection = papers_collection_for(other_board)
    theirs.save()
    ours = _document("Always Listening agenda")
    ours.collection = papers_collection_for(board)
    ours.save()
    client.force_login(officer)
    html = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Always Listening agenda" in html
    assert "Carers&#x27; Forum budget" not in html and "Carers' Forum budget" not in html
    # Choosing it by its id is refused too (Wagtail sends the refusal to the dashboard).
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[theirs.pk]))
    assert chosen.status_code in {302, 403}
    assert "Carers" not in chosen.content.decode()


def test_engagement_leads_file_papers_for_every_board(client, board, other_board, engagement_lead):
    client.force_login(engagement_lead)
    response = _upload(client, "Forum agenda", collection=papers_collection_for(other_board))
    assert response.json()["step"] == "chosen"
    document = get_document_model().objects.get(title="Forum agenda")
    assert document.collection == papers_collection_for(other_board)


@pytest.mark.parametrize("who", ["member", "safeguarding_lead", "administrator"])
def test_people_who_do_not_run_meetings_cannot_upload(client, request, board, who):
    client.force_login(request.getfixturevalue(who))
    response = _upload(client, "Not theirs")
    assert response.status_code in {302, 403}
    assert not get_document_model().objects.filter(title="Not theirs").exists()


def test_an_uploaded_paper_not_yet_on_a_meeting_stays_with_its_board(
    client, board, officer, member, other_board_member
):
    client.force_login(officer)
    _upload(client, "Agenda, June")
    document = get_document_model().objects.get(title="Agenda, June")
    client.logout()
    assert _get(client, document)[0] == 404
    client.force_login(other_board_member)
    assert _get(client, document)[0] == 404
    client.force_login(member)
    assert _get(client, document) == (200, PAPER_TEXT)


def test_a_paper_uploaded_for_a_meeting_is_public_once_its_minutes_are(
    client, board, meeting, officer
):
    client.force_login(officer)
    _upload(client, "Agenda, June")
    document = get_document_model().objects.get(title="Agenda, June")
    MeetingPaper.objects.create(meeting=meeting, title="Agenda", document=document)
    client.logout()
    assert _get(client, document)[0] == 404
    Minutes.objects.create(meeting=meeting, status=MinutesStatus.PUBLISHED)
    assert _get(client, document) == (200, PAPER_TEXT)
