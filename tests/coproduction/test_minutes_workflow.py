import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from coproduction import services
from coproduction.choices import MinutesStatus
from coproduction.models import MinutesComment
from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE, assert_isolated


def _transition(client, minutes, name):
    meeting = minutes.meeting
    return client.post(
        reverse("coproduction:minutes-transition", args=[meeting.board.slug, meeting.pk, name])
    )


def test_draft_to_published_through_the_pages(client, minutes, officer, chair, member, mailoutbox):
    client.force_login(officer)
    _transition(client, minutes, "circulate")
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.CIRCULATED
    assert {m.to[0] for m in mailoutbox} == {officer.email, chair.email, member.email}

    client.force_login(chair)
    _transition(client, minutes, "approve")
    minutes.refresh_from_db()
    assert (minutes.status, minutes.approved_by) == (MinutesStatus.APPROVED, chair)

    client.force_login(officer)
    _transition(client, minutes, "publish")
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.PUBLISHED
    public = client.get(minutes.get_absolute_url())
    assert public.status_code == 200
    assert "We talked about waiting times." in public.content.decode()


def test_member_cannot_approve_minutes(minutes, officer, member):
    services.minutes_circulate(minutes=minutes, by=officer)
    with pytest.raises(PermissionDenied):
        services.minutes_approve(minutes=minutes, by=member)


def test_officer_cannot_approve_minutes_on_the_chairs_behalf(minutes, officer):
    services.minutes_circulate(minutes=minutes, by=officer)
    with pytest.raises(PermissionDenied):
        services.minutes_approve(minutes=minutes, by=officer)


def test_chair_cannot_approve_a_draft_nobody_has_seen(minutes, chair):
    with pytest.raises(PermissionDenied):
        services.minutes_approve(minutes=minutes, by=chair)


def test_minutes_cannot_be_published_before_approval(minutes, officer):
    services.minutes_circulate(minutes=minutes, by=officer)
    with pytest.raises(PermissionDenied):
        services.minutes_publish(minutes=minutes, by=officer)


def test_chair_cannot_publish(minutes, officer, chair):
    services.minutes_circulate(minutes=minutes, by=officer)
    services.minutes_approve(minutes=minutes, by=chair)
    with pytest.raises(PermissionDenied):
        services.minutes_publish(minutes=minutes, by=chair)


def test_member_comments_on_circulated_minutes(client, minutes, officer, member):
    services.minutes_circulate(minutes=minutes, by=officer)
    client.force_login(member)
    url = reverse(
        "coproduction:minutes-review", args=[minutes.meeting.board.slug, minutes.meeting.pk]
    )
    response = client.post(url, {"body": "Item 2 missed the point about respite."})
    assert response.status_code == 302
    assert MinutesComment.objects.get().author == member


def test_member_comment_with_a_direction_override_is_isolated(client, minutes, officer, member):
    services.minutes_circulate(minutes=minutes, by=officer)
    body = f"Item 2 {RIGHT_TO_LEFT_OVERRIDE}tipser tuoba"
    services.minutes_comment_add(minutes=minutes, author=member, body=body)
    client.force_login(officer)
    url = reverse(
        "coproduction:minutes-review", args=[minutes.meeting.board.slug, minutes.meeting.pk]
    )
    assert_isolated(client.get(url).content.decode())


def test_empty_comment_shows_the_error_summary(client, minutes, officer, member):
    services.minutes_circulate(minutes=minutes, by=officer)
    client.force_login(member)
    url = reverse(
        "coproduction:minutes-review", args=[minutes.meeting.board.slug, minutes.meeting.pk]
    )
    html = client.post(url, {"body": ""}).content.decode()
    assert "govuk-error-summary" in html
    assert not MinutesComment.objects.exists()


def test_members_cannot_comment_on_drafts(minutes, member):
    with pytest.raises(PermissionDenied):
        services.minutes_comment_add(minutes=minutes, author=member, body="Too early")


def test_members_cannot_read_draft_minutes(client, minutes, member):
    # The page is theirs (it tells them what became of their comments); the draft is not.
    client.force_login(member)
    url = reverse(
        "coproduction:minutes-review", args=[minutes.meeting.board.slug, minutes.meeting.pk]
    )
    html = client.get(url).content.decode()
    assert minutes.easy_read_summary not in html and "reviewed waiting times" not in html


def test_unpublished_minutes_are_not_public(client, minutes, officer, chair):
    services.minutes_circulate(minutes=minutes, by=officer)
    services.minutes_approve(minutes=minutes, by=chair)
    assert client.get(minutes.get_absolute_url()).status_code == 404


def test_workflow_writes_the_audit_log(minutes, officer):
    from wagtail.models import ModelLogEntry

    services.minutes_circulate(minutes=minutes, by=officer)
    entry = ModelLogEntry.objects.get(action="coproduction.minutes.circulate")
    assert entry.user == officer
