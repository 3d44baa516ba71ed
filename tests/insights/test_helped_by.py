"""The dashboard filters and breaks down by "Did someone help you fill this in?" (issue #17),
from the roll-ups for whole months, with small groups hidden as everywhere."""

from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse

from core import roles
from insights.dashboard.equality import equality_panel
from insights.dashboard.sources import response_measures, uses_rollups
from insights.filters import FeedbackFilter
from insights.forms import DashboardFilterForm
from insights.rollups import rollups_rebuild
from tests.insights.factories import response_with

MARCH = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))


def _march(touchpoint):
    """10 helped by a carer (5 good, 5 poor), 6 by an interpreter (all poor), 2 by staff, 5 by
    family (hidden too, or the 2 could be worked out from the total), 7 alone."""
    answers = (
        [("carer", "good")] * 5
        + [("carer", "poor")] * 5
        + [("interpreter", "poor")] * 6
        + [("staff", "good")] * 2
        + [("family", "good")] * 5
        + [("no", "neither")] * 7
    )
    for helped_by, overall in answers:
        response_with(touchpoint, date(2026, 3, 9), overall=overall, helped_by=helped_by)
    rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 3, 31))


def _rows(panel):
    return {row["label"]: row for row in panel["helped_by"]["rows"]}


def test_breakdown_by_who_helped_in_words_with_good_and_poor_shares(touchpoint):
    _march(touchpoint)
    rows = _rows(equality_panel(MARCH))
    carer = rows["Yes, a carer"]
    assert carer["responses"] == 10 and carer["positive_share"] == 50.0
    assert rows["Yes, an interpreter"]["negative_share"] == 100.0
    assert rows["No, I filled it in myself"]["responses"] == 7
    assert "carer" not in rows and "interpreter" not in rows  # words, never codes


def test_a_small_group_of_helpers_is_hidden(touchpoint):
    _march(touchpoint)
    staff = _rows(equality_panel(MARCH))["Yes, a member of staff"]
    assert str(staff["responses"]) == "fewer than 5"
    assert staff["positive_share"] is None
    assert str(_rows(equality_panel(MARCH))["Yes, a family member or friend"]["responses"]) == (
        "not shown"
    )


def test_filter_by_who_helped_counts_only_their_responses_from_the_rollups(touchpoint):
    _march(touchpoint)
    carers = FeedbackFilter(start=MARCH.start, end=MARCH.end, equality={"helped_by": "carer"})
    assert uses_rollups(carers)
    counts = response_measures(carers)
    assert (counts["responses"], counts["positive"], counts["negative"]) == (10, 5, 5)


def test_filter_by_who_helped_on_odd_days_counts_the_same(touchpoint):
    _march(touchpoint)
    odd = FeedbackFilter(
        start=date(2026, 2, 20), end=date(2026, 3, 15), equality={"helped_by": "interpreter"}
    )
    assert response_measures(odd)["responses"] == 6


def test_the_form_turns_who_helped_into_the_filter():
    form = DashboardFilterForm(
        {"helped_by": "advocate", "start": "2026-03-01", "end": "2026-03-31"}
    )
    assert form.feedback_filter().equality == {"helped_by": "advocate"}
    assert form.fields["helped_by"].label == "Did someone help you fill this in?"


def test_the_form_refuses_an_unknown_helper():
    form = DashboardFilterForm({"helped_by": "neighbour"})
    assert "helped_by" in form.errors


def _officer(django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_user(username="officer", password="x")
    user.groups.add(Group.objects.get(name=roles.OFFICERS))
    TOTP.activate(user, generate_totp_secret())
    return user


def test_dashboard_shows_the_breakdown_and_filters_by_who_helped(
    client, django_user_model, touchpoint
):
    _march(touchpoint)
    client.force_login(_officer(django_user_model))
    query = {"start": "2026-03-01", "end": "2026-03-31"}
    page = client.get(reverse("insights:dashboard"), query).content.decode()
    assert "Who helped people fill it in" in page
    assert '<th scope="row" class="govuk-table__header">Yes, an interpreter</th>' in page
    filtered = client.get(reverse("insights:dashboard"), query | {"helped_by": "interpreter"})
    assert filtered.context["panels"]["headline"]["responses"] == 6
