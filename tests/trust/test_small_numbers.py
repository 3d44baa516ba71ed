"""Small numbers are hidden everywhere (issue #20, "Small numbers hidden everywhere").

Random small sets of responses, every dashboard panel (staff and board version), the Local
Account chapter and the CQC evidence pack, rendered as pages: no count of 1 to 4 appears in
their text, in the figures their views hand to the templates, in chart labels, or in the length
of a bar or the points of a line. And the pen-test's own finding: a filter that picks out 3
people shows that the group is too small, and nothing about them month by month or answer by
answer.
"""

import re
from contextlib import contextmanager
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import roles
from insights.charts.bars import BAR, LABEL_WIDTH
from insights.charts.lines import LEFT
from insights.rollups import rollups_rebuild
from surveys.models import Service, Touchpoint
from tests.insights.factories import flag, response_with
from themes.models import ResponseAnalysis

PAGES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
THEMES = ["waiting_times", "respite", "communication"]
DAYS = [date(2026, 1, 6), date(2026, 1, 27), date(2026, 2, 10), date(2026, 3, 3), date(2026, 3, 30)]
PERIODS = [("2026-01-01", "2026-03-31"), ("2026-01-15", "2026-03-31"), ("2026-03-01", "2026-03-31")]
FILTERS = [
    {},
    {"ethnic_group": "mixed"},
    {"ethnic_group": "mixed", "religion": "sikh"},
    {"disability": "yes"},
    {"channel": "paper"},
    {"second_service": True},
    {"compare_first": "ethnic_group", "compare_second": "religion"},
]

a_response = st.fixed_dictionaries(
    {
        "on": st.sampled_from(DAYS),
        "overall": st.sampled_from(["very_good", "good", "neither", "poor", "dont_know", ""]),
        "ethnic_group": st.sampled_from(["mixed", "white", "prefer_not", ""]),
        "religion": st.sampled_from(["sikh", "none", ""]),
        "disability": st.sampled_from(["yes", "no", ""]),
        "ascs_satisfaction": st.sampled_from([None, 2, 6]),
        "channel": st.sampled_from(["qr", "paper"]),
        "themes": st.lists(st.sampled_from(THEMES), max_size=2, unique=True),
        "tone": st.sampled_from(["positive", "neutral", "negative"]),
        "second_service": st.booleans(),
        "flagged": st.booleans(),
    }
)
# A base of a few responses in many shapes, then a group that is often just under or over 5.
responses = st.tuples(
    st.lists(a_response, max_size=14),
    st.integers(0, 9),
    a_response,
)

# Numbers on these pages that are not counts of people: dates, years, percentages, changes in
# percentage points, shares "out of every 100", how many themes a chart shows, and the words
# that stand in for a hidden count.
NOT_COUNTS = [
    r"fewer than 5",
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) \d{4}\b",
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b",
    r"\b(?:19|20)\d{2}\b",
    r"[+\u2212-]?\d+(?:[.,]\d+)?\s?%",
    r"[+\u2212-]?\d+(?:[.,]\d+)? points?\b",
    r"\d+(?:[.,]\d+)? out of every 100",
    r"the \d+ most mentioned themes",
]
NOT_COUNTS_RE = re.compile("|".join(NOT_COUNTS))
SMALL_COUNT_RE = re.compile(r"(?<![\w.,\u2212+-])[1-4](?![\w.,%])")
# Figures that are not about people, so not suppressed: the staff's own safeguarding queue (the
# same size whatever the filter) and counts of themes and board actions in "Closing the loop".
NOT_PEOPLE = {"safeguarding_open", "loop", "theme_id", "year", "code"}


@pytest.fixture
def people(django_user_model):
    """An engagement lead (every staff page) and a board member (the board dashboard)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    lead = django_user_model.objects.create_user(username="lead", password="x", is_staff=True)
    lead.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    TOTP.activate(lead, generate_totp_secret())
    member = django_user_model.objects.create_user(username="member", password="x")
    member.groups.add(Group.objects.get(name=roles.BOARD_MEMBERS))
    return {"staff": lead, "board": member}


@pytest.fixture
def second_touchpoint(touchpoint):
    service = Service.objects.create(name="Home care", slug="home-care")
    return Touchpoint.objects.create(
        name="Home care team", code="hc1", service=service, survey=touchpoint.survey
    )


@contextmanager
def rolled_back():
    """Each example's responses are gone before the next one: a savepoint rolled back."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def _make(example, touchpoint, second_touchpoint):
    base, group_size, group = example
    for fields in [*base, *[group] * group_size]:
        fields = dict(fields)
        tone, flagged = fields.pop("tone"), fields.pop("flagged")
        at = second_touchpoint if fields.pop("second_service") else touchpoint
        response = response_with(at, fields.pop("on"), sentiment=tone, **fields)
        ResponseAnalysis.objects.create(response=response, status="done", sentiment=tone)
        if flagged:
            flag(response)
    rollups_rebuild(start=date(2025, 10, 1), end=date(2026, 3, 31))


def _query(period, chosen, second_touchpoint):
    query = {"start": period[0], "end": period[1], **chosen}
    if query.pop("second_service", False):
        query["service"] = second_touchpoint.service_id
    return query


def small_counts_in_text(html):
    """The counts of 1 to 4 a reader can see on the page: the text of <main>, with the filter
    form, row and column headings (labels, not figures), chart axes and the figures that are not
    about people taken out, and every number that is not a count struck out."""
    main = BeautifulSoup(html, "html.parser").find("main")
    for node in main.select("form, th, .app-chart__axis, section[aria-labelledby=loop-heading]"):
        node.decompose()
    for tick in main.select("svg text"):  # the scale of a line chart, left of its plot
        if float(tick["x"]) < LEFT:
            tick.decompose()
    queue = main.find("a", href=reverse("themes_staff:flags"))
    if queue:
        queue.find_parent("dd").decompose()
    text = NOT_COUNTS_RE.sub(" ", main.get_text(" "))
    return [match.group() for match in SMALL_COUNT_RE.finditer(text)]


def small_counts_in_context(value, key=""):
    """Plain numbers of 1 to 4 in what a view hands its template, wherever they are nested."""
    if key in NOT_PEOPLE:
        return []
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in small_counts_in_context(v, str(k))]
    if isinstance(value, list | tuple):
        return [n for v in value for n in small_counts_in_context(v, key)]
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return [f"{key}={value}"]
    return []


def bars_for_hidden_values(html):
    """Bars drawn for a value the chart writes in words ("fewer than 5", "not shown"): a bar's
    length would give the number away."""
    leaks = []
    for chart in BeautifulSoup(html, "html.parser").select("svg.app-chart"):
        bars = {float(rect["y"]) for rect in chart.select("rect.app-chart__bar")}
        values = [text for text in chart.find_all("text") if float(text["x"]) > LABEL_WIDTH]
        for label in values:
            words = label.get_text()
            if words and not re.search(r"\d", words) and float(label["y"]) - BAR + 4 in bars:
                leaks.append((chart["id"], words))
    return leaks


def points_for_hidden_values(html):
    """The "Themes over time" line chart plots one point per number its table shows; a point
    for a hidden number would give it away by its height."""
    soup = BeautifulSoup(html, "html.parser")
    chart = soup.find("svg", id="chart-themes-time")
    if chart is None:
        return 0, 0
    points = chart.select("circle, polygon") + [
        r for r in chart.select("rect") if "app-chart__bar" not in r.get("class", [])
    ]
    section = chart.find_parent("section")
    shown = [td for td in section.select("td") if re.fullmatch(r"\d[\d,]*", td.get_text().strip())]
    return len(points), len(shown)


def _assert_nothing_small(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert small_counts_in_text(html) == []
    figures = {name: response.context.get(name) for name in ("panels", "report", "pack")}
    assert small_counts_in_context(figures) == []
    assert bars_for_hidden_values(html) == []
    points, shown = points_for_hidden_values(html)
    assert points == shown


@PAGES
@given(example=responses, period=st.sampled_from(PERIODS), chosen=st.sampled_from(FILTERS))
def test_no_dashboard_panel_shows_a_count_of_1_to_4(
    client, people, touchpoint, second_touchpoint, example, period, chosen
):
    with rolled_back():
        _make(example, touchpoint, second_touchpoint)
        query = _query(period, chosen, second_touchpoint)
        for audience, page in (
            ("staff", "insights:dashboard"),
            ("board", "insights:board-dashboard"),
        ):
            client.force_login(people[audience])
            _assert_nothing_small(client.get(reverse(page), query))


@PAGES
@given(example=responses, period=st.sampled_from(PERIODS), chosen=st.sampled_from(FILTERS))
def test_no_report_shows_a_count_of_1_to_4(
    client, people, touchpoint, second_touchpoint, example, period, chosen
):
    with rolled_back():
        _make(example, touchpoint, second_touchpoint)
        client.force_login(people["staff"])
        _assert_nothing_small(client.get(reverse("insights:local-account"), {"year": 2025}))
        query = _query(period, chosen, second_touchpoint)
        _assert_nothing_small(client.get(reverse("insights:cqc-pack"), query))


@pytest.fixture
def three_of_a_group(touchpoint):
    """The pen-test's data: 3 people of mixed ethnicity who are Sikh, one in each month from
    January to March, among 30 others."""
    for on in (date(2026, 1, 12), date(2026, 2, 12), date(2026, 3, 12)):
        response_with(
            touchpoint, on, overall="poor", ethnic_group="mixed", religion="sikh", disability="yes"
        )
    for index in range(30):
        response_with(
            touchpoint,
            DAYS[index % len(DAYS)],
            overall=["good", "poor", "very_good"][index % 3],
            ethnic_group="white",
            religion="none",
            themes=["waiting_times"],
        )
    rollups_rebuild(start=date(2025, 10, 1), end=date(2026, 3, 31))


GROUP = {"start": "2026-01-01", "end": "2026-03-31", "ethnic_group": "mixed", "religion": "sikh"}


@pytest.mark.parametrize("audience", ["staff", "board"])
def test_a_filter_to_3_responses_shows_no_breakdown(client, people, three_of_a_group, audience):
    client.force_login(people[audience])
    page = "insights:dashboard" if audience == "staff" else "insights:board-dashboard"
    response = client.get(reverse(page), GROUP)
    html = response.content.decode()
    main = BeautifulSoup(html, "html.parser").find("main")
    assert "fewer than 5 responses" in main.get_text()
    assert "too small to show" in main.get_text()
    # No months, no month with the most responses, no answers the group gave.
    assert "The most responses came in" not in html
    assert main.find("table") is None and main.find("svg") is None
    for heading in ("volume-heading", "fft-time-heading", "equality-heading", "themes-heading"):
        assert main.find(id=heading) is None
    assert set(response.context["panels"]) <= {"headline", "too_small", "safeguarding_open"}


def test_the_cqc_pack_for_3_responses_shows_no_breakdown(client, people, three_of_a_group):
    client.force_login(people["staff"])
    html = client.get(reverse("insights:cqc-pack"), GROUP).content.decode()
    main = BeautifulSoup(html, "html.parser").find("main")
    assert "too small to show" in main.get_text()
    assert main.find("table") is None


def test_a_month_under_5_cannot_be_worked_out_from_the_total(client, people, touchpoint):
    """January 2, February 9, March 14: the headline says 25, so with February and March shown
    January would be 25 - 9 - 14 = 2. February is hidden as well."""
    for on, count in ((date(2026, 1, 12), 2), (date(2026, 2, 12), 9), (date(2026, 3, 12), 14)):
        for _ in range(count):
            response_with(touchpoint, on, overall="good")
    rollups_rebuild(start=date(2025, 10, 1), end=date(2026, 3, 31))
    client.force_login(people["staff"])
    response = client.get(
        reverse("insights:dashboard"), {"start": "2026-01-01", "end": "2026-03-31"}
    )
    rows = {
        str(row["label"]): str(row["responses"])
        for row in response.context["panels"]["volume"]["rows"]
    }
    assert rows == {"Jan 2026": "fewer than 5", "Feb 2026": "not shown", "Mar 2026": "14"}
    assert str(response.context["panels"]["headline"]["responses"]) == "25"
