"""Minutes stay what the chair approved: locked once circulated, corrected by a new version that
goes round the workflow again, every version kept for members (issue #17)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from freezegun import freeze_time
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from coproduction import services
from coproduction.choices import MinutesStatus
from coproduction.models import Minutes
from coproduction.resources import MinutesResource

FIRST_APPROVAL = datetime.datetime(2026, 3, 20, 11, 0, tzinfo=datetime.UTC)
SECOND_APPROVAL = datetime.datetime(2026, 4, 24, 11, 0, tzinfo=datetime.UTC)


def _published(minutes, officer, chair, on=FIRST_APPROVAL):
    with freeze_time(on):
        services.minutes_circulate(minutes=minutes, by=officer)
        services.minutes_approve(minutes=minutes, by=chair)
        services.minutes_publish(minutes=minutes, by=officer)
    return minutes


def _admin_edit(client, minutes, easy_read):
    return client.post(
        reverse("coproduction_minutes:edit", args=[minutes.pk]),
        nested_form_data(
            {
                "meeting": minutes.meeting_id,
                "summary": rich_text(minutes.summary),
                "easy_read_summary": easy_read,
                "items": inline_formset([]),
            }
        ),
    )


def _review_url(minutes):
    return reverse(
        "coproduction:minutes-review", args=[minutes.meeting.board.slug, minutes.meeting_id]
    )


def _day(moment):
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def test_officer_edits_a_draft_in_the_admin(client, minutes, officer):
    client.force_login(officer)
    _admin_edit(client, minutes, "We met on a Tuesday.")
    minutes.refresh_from_db()
    assert minutes.easy_read_summary == "We met on a Tuesday."


@pytest.mark.parametrize("stage", ["circulated", "published"])
def test_the_admin_refuses_to_edit_minutes_once_circulated(client, minutes, officer, chair, stage):
    if stage == "published":
        _published(minutes, officer, chair)
    else:
        services.minutes_circulate(minutes=minutes, by=officer)
    client.force_login(officer)
    response = _admin_edit(client, minutes, "We never met.")
    minutes.refresh_from_db()
    assert minutes.easy_read_summary == "We talked about waiting times."
    assert "can no longer be changed" in response.content.decode()


def test_the_admin_says_locked_minutes_are_locked_before_anyone_types(
    client, minutes, officer, chair
):
    _published(minutes, officer, chair)
    client.force_login(officer)
    html = client.get(reverse("coproduction_minutes:edit", args=[minutes.pk])).content.decode()
    assert "These minutes are locked" in html
    assert _review_url(minutes) in html


@pytest.fixture
def superuser_client(client, django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    admin = django_user_model.objects.create_superuser("root", "root@council.example", "x" * 12)
    TOTP.activate(admin, generate_totp_secret())
    client.force_login(admin)
    return client


def test_the_admin_deletes_a_draft(superuser_client, minutes):
    superuser_client.post(reverse("coproduction_minutes:delete", args=[minutes.pk]))
    assert not Minutes.objects.filter(pk=minutes.pk).exists()


def test_the_admin_refuses_to_delete_approved_minutes(superuser_client, minutes, officer, chair):
    _published(minutes, officer, chair)
    superuser_client.post(reverse("coproduction_minutes:delete", args=[minutes.pk]))
    assert Minutes.objects.filter(pk=minutes.pk).exists()


def test_the_public_page_shows_what_the_chair_approved_whatever_happens_to_the_row(
    client, minutes, officer, chair
):
    _published(minutes, officer, chair)
    Minutes.objects.filter(pk=minutes.pk).update(easy_read_summary="We never met.")
    html = client.get(minutes.get_absolute_url()).content.decode()
    assert "We talked about waiting times." in html
    assert "We never met." not in html
    assert f"Version 1, approved by the chair on {_day(FIRST_APPROVAL)}." in html


@pytest.mark.parametrize("status", ["circulated", "approved", "published"])
def test_the_service_refuses_to_change_minutes_once_circulated(minutes, status):
    Minutes.objects.filter(pk=minutes.pk).update(status=status)
    with pytest.raises(services.MinutesLocked):
        services.minutes_assert_editable(minutes=minutes)


def test_the_service_lets_a_draft_be_changed(minutes):
    services.minutes_assert_editable(minutes=minutes)


def test_an_import_cannot_overwrite_published_minutes(minutes, officer, chair):
    _published(minutes, officer, chair)
    dataset = MinutesResource().export(queryset=Minutes.objects.all())
    dataset[0] = tuple(
        "We never met." if header == "easy_read_summary" else value
        for header, value in zip(dataset.headers, dataset[0], strict=True)
    )
    result = MinutesResource().import_data(dataset, raise_errors=False)
    assert result.has_errors()
    minutes.refresh_from_db()
    assert minutes.easy_read_summary == "We talked about waiting times."


def test_a_correction_goes_round_again_and_replaces_the_public_version(
    client, minutes, officer, chair, member
):
    _published(minutes, officer, chair)
    client.force_login(officer)
    client.post(_review_url(minutes), {"form": "correct", "reason": "Item 2 named the wrong team."})
    minutes.refresh_from_db()
    assert (minutes.status, minutes.version) == (MinutesStatus.DRAFT, 2)

    _admin_edit(client, minutes, "We talked about waiting times and respite.")
    public = client.get(minutes.get_absolute_url()).content.decode()
    assert "Version 1, approved" in public and "respite" not in public

    _published(minutes, officer, chair, on=SECOND_APPROVAL)
    public = client.get(minutes.get_absolute_url()).content.decode()
    assert f"Version 2, approved by the chair on {_day(SECOND_APPROVAL)}." in public
    assert "We talked about waiting times and respite." in public
    assert "This version corrects version 1." in public
    assert "Item 2 named the wrong team." in public

    client.force_login(member)
    slug, pk = minutes.meeting.board.slug, minutes.meeting_id
    earlier = client.get(reverse("coproduction:minutes-version", args=[slug, pk, 1]))
    assert "We talked about waiting times.</p>" in earlier.content.decode()
    assert "Version 2 has replaced this version" in earlier.content.decode()


def test_earlier_versions_are_for_members_not_the_public(client, minutes, officer, chair):
    _published(minutes, officer, chair)
    slug, pk = minutes.meeting.board.slug, minutes.meeting_id
    response = client.get(reverse("coproduction:minutes-version", args=[slug, pk, 1]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_correction_needs_a_reason(minutes, officer, chair):
    _published(minutes, officer, chair)
    with pytest.raises(ValidationError):
        services.minutes_correct(minutes=minutes, by=officer, reason="  ")
    minutes.refresh_from_db()
    assert (minutes.status, minutes.version) == (MinutesStatus.PUBLISHED, 1)


def test_members_and_the_chair_cannot_start_a_correction(minutes, officer, chair, member):
    _published(minutes, officer, chair)
    for person in (member, chair):
        with pytest.raises(PermissionDenied):
            services.minutes_correct(minutes=minutes, by=person, reason="Typo")


def test_a_draft_is_edited_not_corrected(minutes, officer):
    with pytest.raises(PermissionDenied):
        services.minutes_correct(minutes=minutes, by=officer, reason="Typo")


def test_papers_stay_public_while_a_correction_goes_round(minutes, officer, chair):
    _published(minutes, officer, chair)
    services.minutes_correct(minutes=minutes, by=officer, reason="Typo")
    assert minutes.is_published
