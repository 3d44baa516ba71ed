"""Every role against every co-production page (docs/roles-and-permissions.md, 'Pages')."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduction.choices import ActionStatus, MinutesStatus
from tests.coproduction.factories import ActionFactory, MeetingFactory, MinutesFactory

ROLES = [
    "anonymous",
    "member",
    "chair",
    "other_board_member",
    "officer",
    "engagement_lead",
    "safeguarding_lead",
    "administrator",
]
SIGNED_IN = set(ROLES) - {"anonymous"}
ON_THE_BOARD = {"member", "chair", "officer", "engagement_lead"}
CAN_INVITE = {"officer", "engagement_lead", "administrator"}


@pytest.fixture
def scene(board, minutes, you_said_we_did_page):
    minutes.status = MinutesStatus.CIRCULATED
    minutes.save()
    earlier = MeetingFactory(board=board, starts_at=timezone.now() - datetime.timedelta(days=90))
    MinutesFactory(meeting=earlier, status=MinutesStatus.PUBLISHED, approved_at=timezone.now())
    action = ActionFactory(board=board, meeting=minutes.meeting)
    published = ActionFactory(
        board=board, status=ActionStatus.DONE, you_said="x", we_did="y", published_at=timezone.now()
    )
    return {
        "board": board,
        "meeting": minutes.meeting,
        "published": earlier,
        "action": action,
        "published_action": published,
    }


def _urls(scene):
    slug, pk = scene["board"].slug, scene["meeting"].pk
    return {
        "you-said-we-did": reverse("coproduction:you-said-we-did"),
        "minutes-index": reverse("coproduction:minutes-index", args=[slug]),
        "board-public": reverse("coproduction:board-public", args=[slug]),
        "minutes-version": reverse(
            "coproduction:minutes-version", args=[slug, scene["published"].pk, 1]
        ),
        "minutes-public": reverse(
            "coproduction:minutes-public", args=[slug, scene["published"].pk]
        ),
        "board-list": reverse("coproduction:board-list"),
        "all-actions": reverse("coproduction:all-actions"),
        "board-detail": reverse("coproduction:board-detail", args=[slug]),
        "meeting-detail": reverse("coproduction:meeting-detail", args=[slug, pk]),
        "minutes-review": reverse("coproduction:minutes-review", args=[slug, pk]),
        "theme-review": reverse("coproduction:theme-review", args=[slug, pk]),
        "action-log": reverse("coproduction:action-log", args=[slug]),
        "action-detail": reverse("coproduction:action-detail", args=[slug, scene["action"].pk]),
        "invite": reverse("coproduction:invite", args=[slug]),
        "follow-up": reverse("coproduction:follow-up", args=[scene["published_action"].pk]),
    }


# Who gets the page (200); everyone else signed in gets 403, anonymous people are sent to sign in.
# Pages that moved send everyone on (301) to where they are now.
MOVED_FOR_GOOD = {"you-said-we-did"}
ALLOWED = {
    "you-said-we-did": set(ROLES),
    "minutes-index": set(ROLES),
    "minutes-public": set(ROLES),
    "board-public": set(ROLES),
    "follow-up": set(ROLES),  # "Is it better now?" on a published entry: anyone, no account
    "minutes-version": ON_THE_BOARD,
    "board-list": SIGNED_IN,
    "all-actions": SIGNED_IN,  # the actions of the boards each person may see
    "board-detail": ON_THE_BOARD,
    "meeting-detail": ON_THE_BOARD,
    "minutes-review": ON_THE_BOARD,
    "theme-review": ON_THE_BOARD,
    "action-log": ON_THE_BOARD,
    "action-detail": ON_THE_BOARD,
    "invite": CAN_INVITE,
}


@pytest.mark.parametrize("page", sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_role_against_page(client, request, scene, role, page):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(_urls(scene)[page])
    if page in MOVED_FOR_GOOD:
        assert response.status_code == 301
    elif role in ALLOWED[page]:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == 403


def test_table_covers_every_url_in_the_app(scene):
    from coproduction import urls

    names = {pattern.name for pattern in urls.urlpatterns}
    covered = set(ALLOWED) | {"invitation-accept", "minutes-transition"}
    assert names == covered


# Access needs and involvement payments: the officers seated on that member's board, and
# administrators (who look after accounts); nobody else, whatever their role.
SEES_MEMBER_SUPPORT = {"officer", "administrator"}


@pytest.mark.parametrize("role", sorted(SIGNED_IN))
def test_who_sees_and_records_members_needs_and_payments(request, board, role):
    from coproduction import rules

    user = request.getfixturevalue(role)
    allowed = role in SEES_MEMBER_SUPPORT
    assert rules.can_see_member_support(user, board) is allowed
    assert rules.can_record_access_needs(user, board, new=True) is allowed
    assert rules.can_see_payments(user, board) is allowed
    assert rules.can_record_payment(user, board, new=True) is allowed


@pytest.mark.parametrize("role", sorted(SIGNED_IN))
def test_who_opens_the_needs_and_payments_lists_in_the_admin(client, request, board, role):
    client.force_login(request.getfixturevalue(role))
    # Engagement leads hold the permission but list nobody without an officer seat.
    reaches = SEES_MEMBER_SUPPORT | {"engagement_lead"}
    for name in ["coproduction_accessneeds:index", "coproduction_involvementpayment:index"]:
        status = client.get(reverse(name)).status_code
        assert (status == 200) is (role in reaches), (name, status)
