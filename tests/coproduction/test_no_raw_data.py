"""A board member can never reach raw responses or contact details, by any route we know of."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.coproduction.factories import ActionFactory

SECRET_NAME = "Zebedee Quartermain"
SECRET_PHONE = "07700 900123"


@pytest.fixture
def contact_request(db):
    from surveys.models import ContactRequest

    return ContactRequest.objects.create(
        name=SECRET_NAME,
        phone=SECRET_PHONE,
        preferred_contact="phone",
        created_on=timezone.localdate(),
    )


def _member_pages(board, meeting, action):
    slug = board.slug
    return [
        reverse("coproduction:board-list"),
        reverse("coproduction:board-detail", args=[slug]),
        reverse("coproduction:meeting-detail", args=[slug, meeting.pk]),
        reverse("coproduction:theme-review", args=[slug, meeting.pk]),
        reverse("coproduction:action-log", args=[slug]),
        reverse("coproduction:action-detail", args=[slug, action.pk]),
    ]


def test_member_pages_never_show_contact_details(client, member, meeting, contact_request):
    action = ActionFactory(board=meeting.board)
    client.force_login(member)
    for url in _member_pages(meeting.board, meeting, action):
        html = client.get(url).content.decode()
        assert SECRET_NAME not in html and SECRET_PHONE not in html, url


@pytest.mark.parametrize(
    "perm",
    [
        "surveys.view_response",
        "surveys.view_unredacted_text",
        "surveys.export_response",
        "surveys.view_contactrequest",
        "surveys.change_contactrequest",
        "surveys.enter_paper_response",
    ],
)
def test_board_members_and_chairs_hold_no_raw_data_permission(member, chair, perm):
    assert not member.has_perm(perm)
    assert not chair.has_perm(perm)


def test_board_member_cannot_enter_the_staff_admin(client, chair):
    client.force_login(chair)
    response = client.get("/admin/")
    # A page that says so, with the way to their board (not a redirect loop through sign-in).
    assert response.status_code == 403
    assert 'href="/board/"' in response.content.decode()


def test_board_member_cannot_open_the_admin_response_or_contact_lists(client, member):
    client.force_login(member)
    for path in [
        "/admin/snippets/surveys/response/",
        "/admin/snippets/surveys/contactrequest/",
        "/admin/coproduction/accessneeds/",
        "/admin/coproduction/involvementpayment/",
    ]:
        assert client.get(path).status_code in {302, 403, 404}, path


def test_officer_sees_co_production_in_the_admin(client, officer):
    client.force_login(officer)
    assert client.get("/admin/coproduction/meeting/").status_code == 200
    assert client.get("/admin/coproduction/accessneeds/").status_code == 200


def test_safeguarding_lead_cannot_see_access_needs_or_payments(client, safeguarding_lead):
    client.force_login(safeguarding_lead)
    assert client.get("/admin/coproduction/accessneeds/").status_code in {302, 403}
    assert client.get("/admin/coproduction/involvementpayment/").status_code in {302, 403}


def test_theme_review_uses_only_the_redacted_summary(client, member, meeting, monkeypatch):
    from insights import selectors

    calls = []

    def fake_summary(*, start, end):
        calls.append((start, end))
        return {"themes": [{"name": "Waiting times", "count": 3, "quotes": ["[name] waited"]}]}

    monkeypatch.setattr(selectors, "theme_summary", fake_summary)
    client.force_login(member)
    html = client.get(
        reverse("coproduction:theme-review", args=[meeting.board.slug, meeting.pk])
    ).content.decode()
    assert "Waiting times" in html and "[name] waited" in html
    assert calls[0][1] == meeting.starts_at.date()
    assert calls[0][0] == meeting.starts_at.date() - datetime.timedelta(days=90)


@pytest.mark.parametrize("model", ["board", "meeting", "minutes", "action", "accessneeds"])
def test_engagement_lead_admin_forms_render(client, engagement_lead, model):
    client.force_login(engagement_lead)
    path = f"/admin/coproduction/{model}/new/"
    expected = (
        200 if model != "board" or engagement_lead.has_perm("coproduction.add_board") else 302
    )
    assert client.get(path).status_code == expected
