"""What the dashboard, reports and board pages say in English, Polish and Urdu: plural forms,
rises and falls in words, translated filter labels, and residents' words isolated (bidi)."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.utils import translation

from core import roles
from insights.changes import change_in_points
from insights.dashboard.responses import headline
from insights.filters import FeedbackFilter
from insights.forms import DashboardFilterForm
from insights.reports.local_account import responses_sentence
from insights.rollups import rollups_rebuild
from insights.suppression import shown_count
from tests.insights.factories import response_with
from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE, assert_isolated

MARCH = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))


def _rebuild():
    rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 12, 31))


@pytest.mark.parametrize(
    "change, words",
    [
        (3.0, "up 3 points on the period before"),
        (1.0, "up 1 point on the period before"),
        (0.5, "up 0.5 points on the period before"),
        (-16.7, "down 16.7 points on the period before"),
        (-1.0, "down 1 point on the period before"),
        (0.0, "no change on the period before"),
    ],
)
def test_change_in_points_says_which_way_it_went(change, words):
    assert change_in_points(change) == words


def test_no_change_in_points_without_both_periods():
    assert change_in_points(None) is None


@pytest.mark.parametrize(
    "language, change, words",
    [
        ("pl", -16.7, "spadek o 16,7 pkt proc. w porównaniu z poprzednim okresem"),
        ("pl", 2.0, "wzrost o 2 pkt proc. w porównaniu z poprzednim okresem"),
        ("ur", 1.0, "پچھلی مدت کے مقابلے میں 1 پوائنٹ اضافہ"),
        ("ur", -3.0, "پچھلی مدت کے مقابلے میں 3 پوائنٹس کمی"),
    ],
)
def test_change_in_points_in_polish_and_urdu(language, change, words):
    with translation.override(language):
        assert change_in_points(change) == words


def test_headline_counts_responses_with_plural_forms(touchpoint):
    for _ in range(3):
        response_with(touchpoint, date(2026, 3, 5))
    _rebuild()
    assert headline(MARCH)["summary"].startswith(
        "fewer than 5 responses from 1 March 2026 to 31 March 2026."
    )
    for _ in range(9):
        response_with(touchpoint, date(2026, 3, 5))
    _rebuild()
    with translation.override("pl"):
        assert headline(MARCH)["summary"].startswith(
            "12 odpowiedzi (od 1 marca 2026 do 31 marca 2026)."
        )


def _local_account(raw_responses, raw_theme_count=25):
    report = {
        "year_label": "2025 to 2026",
        "responses_sentence": responses_sentence(raw_responses, 40),
        "headline": {
            "responses": shown_count(raw_responses),
            "raw_responses": raw_responses,
            "previous_responses": 40,
            "positive_share": None,
            "previous_positive_share": None,
        },
        "themes": [
            {
                "name": "Waiting times",
                "count": shown_count(raw_theme_count),
                "raw_count": raw_theme_count,
                "share": 12.5,
                "negative_share": None,
                "quotes": [f"The carer came late {RIGHT_TO_LEFT_OVERRIDE}niaga"],
            }
        ],
        "equality": [],
        "you_said_we_did": [],
    }
    return render_to_string("insights/reports/_local_account_body.html", {"report": report})


@pytest.mark.parametrize(
    "language, raw, text",
    [
        ("en", 25, "25 people filled in"),
        ("en", 3, "fewer than 5 people filled in"),
        ("pl", 22, "22 osoby wypełniły"),
        ("pl", 25, "25 osób wypełniło"),
        ("pl", 3, "mniej niż 5 osób wypełniło"),
        ("ur", 25, "اس سال 25 لوگوں نے"),
    ],
)
def test_local_account_counts_people_with_the_languages_plural_forms(language, raw, text):
    with translation.override(language):
        assert text in _local_account(raw)


def test_local_account_theme_counts_use_plural_forms():
    with translation.override("pl"):
        assert "22 osoby o tym wspomniały" in _local_account(30, raw_theme_count=22)
        assert "25 osób o tym wspomniało" in _local_account(30, raw_theme_count=25)


def test_local_account_quotes_are_isolated_from_the_page_around_them():
    assert_isolated(_local_account(30))


def test_dashboard_filter_labels_are_translated():
    form = DashboardFilterForm()
    assert [name for name, field in form.fields.items() if field.label is None] == []
    with translation.override("pl"):
        labels = [str(form[name].label) for name in ("service", "touchpoint", "channel")]
    assert labels == ["Usługa", "Punkt kontaktu", "Kanał"]


def test_board_dashboard_isolates_residents_quotes(client, django_user_model, touchpoint):
    for _ in range(5):
        response_with(
            touchpoint,
            date(2026, 3, 5),
            themes=["waiting_times"],
            text=f"Nobody came {RIGHT_TO_LEFT_OVERRIDE}yadot lla",
        )
    _rebuild()
    member = django_user_model.objects.create_user(username="member", password="x")
    member.groups.add(Group.objects.get(name=roles.BOARD_MEMBERS))
    client.force_login(member)
    html = client.get("/insights/board/?start=2026-03-01&end=2026-03-31").content.decode()
    assert "In residents&#x27; words" in html or "In residents' words" in html
    assert_isolated(html)


def test_a_change_in_points_shows_its_sign():
    from django.utils import translation

    from insights.templatetags.insights_tags import signed

    assert (signed(3.5), signed(-16.7), signed(0.0)) == ("+3.5", "\u221216.7", "0")
    with translation.override("pl"):
        assert signed(-1.5) == "\u22121,5"
