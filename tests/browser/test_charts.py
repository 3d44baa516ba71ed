"""Charts as Chromium draws them (issue #17), at phone (390 px) and desktop (1280 px) widths:
no two labels of a chart overlap, month labels included, and none is cut off by the edge of
its chart; the public 'You said, we did' page, with a trend chart, has no axe violation."""

import time
from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.browser.helpers import assert_no_axe_violations, public_paths, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = [390, 1280]
TOLERANCE = 0.5  # px: rounding in the layout, not an overlap anyone could see
# Every <text> of every chart on the page, with its box and its chart's box, as drawn.
TEXT_BOXES = """() => [...document.querySelectorAll("svg.app-chart")].map(svg => {
  const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  return {
    id: svg.id,
    chart: box(svg.getBoundingClientRect()),
    texts: [...svg.querySelectorAll("text")].map(t => ({
      text: t.textContent, month: /^[A-Z][a-z]{2} \\d{4}$/.test(t.textContent),
      box: box(t.getBoundingClientRect()),
    })),
  };
})"""


def _authenticator_code():
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from demo.coproduction import DEMO_TOTP_SECRET

    if time.time() % 30 > 27:  # the code is about to change: wait for the next one
        time.sleep(30 - time.time() % 30)
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


def _overlap(a, b):
    return (
        a["left"] < b["right"] - TOLERANCE
        and b["left"] < a["right"] - TOLERANCE
        and a["top"] < b["bottom"] - TOLERANCE
        and b["top"] < a["bottom"] - TOLERANCE
    )


def _clipped(text, chart):
    return (
        text["left"] < chart["left"] - TOLERANCE
        or text["right"] > chart["right"] + TOLERANCE
        or text["top"] < chart["top"] - TOLERANCE
        or text["bottom"] > chart["bottom"] + TOLERANCE
    )


def layout_problems(page):
    """Labels that overlap another label of their chart, or are cut off by its edge."""
    problems = []
    for chart in page.evaluate(TEXT_BOXES):
        texts = [t for t in chart["texts"] if t["text"].strip()]
        for index, text in enumerate(texts):
            if _clipped(text["box"], chart["chart"]):
                problems.append(f"{chart['id']}: '{text['text']}' is cut off")
            for other in texts[index + 1 :]:
                if _overlap(text["box"], other["box"]):
                    problems.append(f"{chart['id']}: '{text['text']}' overlaps '{other['text']}'")
    return problems


def _month_labels(page, chart_id):
    chart = next(c for c in page.evaluate(TEXT_BOXES) if c["id"] == chart_id)
    return [t for t in chart["texts"] if t["month"]]


@pytest.fixture
def staff(page, site):
    from demo.accounts import DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD

    sign_in(page, site, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD)
    page.get_by_label("Code").fill(_authenticator_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site}/admin/")
    return page


@pytest.fixture
def trend_feedback():
    """Feedback about the first published change's theme, on both sides of the change, so
    the public page has a trend chart to draw."""
    from coproduction.models import Action
    from insights.rollups import rollups_rebuild
    from surveys.models import Touchpoint
    from tests.insights.factories import response_with

    action = Action.objects.you_said_we_did().filter(themes__isnull=False).first()
    theme = action.themes.first()
    touchpoint = Touchpoint.objects.filter(is_active=True).first()
    today = date.today()
    done = min(action.completed_on, today)
    days = [done - timedelta(days=30 * months) for months in (3, 2, 1)] + [done, today]
    for day in days:
        for _ in range(6):
            response_with(touchpoint, day, themes=[theme.key])
    rollups_rebuild(start=min(days), end=today)
    return action


@pytest.mark.parametrize("width", WIDTHS)
def test_dashboard_chart_labels_never_overlap_or_get_cut_off(staff, site, width):
    staff.set_viewport_size({"width": width, "height": 900})
    staff.goto(site + reverse("insights:dashboard"))
    assert staff.locator("svg.app-chart").count() >= 5
    months = _month_labels(staff, "chart-fft-time")
    assert len(months) >= 3, months  # thinned, not gone
    lefts = sorted(months, key=lambda t: t["box"]["left"])
    assert all(a["box"]["right"] < b["box"]["left"] for a, b in zip(lefts, lefts[1:], strict=False))
    assert layout_problems(staff) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_you_said_we_did_trend_chart_reads_well_and_has_no_axe_violations(
    new_page, site, trend_feedback, width
):
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site + public_paths("en")["you said, we did"])
    chart = page.locator(f"svg#trend-{trend_feedback.pk}")
    assert chart.count() == 1
    assert "Change made" in chart.text_content()
    assert layout_problems(page) == []
    assert_no_axe_violations(page)
