"""'Is it better now?' in the dashboard's closing-the-loop panel and the Local Account."""

import uuid
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone

from coproduction.choices import ActionStatus
from coproduction.follow_ups import follow_up_submit
from insights.dashboard import dashboard_build
from insights.filters import FeedbackFilter
from tests.coproduction.factories import ActionFactory
from tests.insights.test_reports import YEAR, _data, _officer


def _entry(we_did, answers):
    entry = ActionFactory(
        status=ActionStatus.DONE,
        completed_on=date(2025, 5, 1),
        you_said="Waits were long",
        we_did=we_did,
        published_at=timezone.make_aware(datetime(2025, 5, 2)),
    )
    for answer, count in answers.items():
        for _ in range(count):
            follow_up_submit(
                action=entry,
                answer=answer,
                submission_token=uuid.uuid4(),
                given_on=date(2025, 6, 1),
            )
    return entry


def test_local_account_shows_answers_after_each_change_suppressed(
    client, django_user_model, touchpoint
):
    _data(touchpoint)
    _entry("We answer the phone within a minute", {"better": 11, "same": 6, "worse": 5})
    _entry("We send letters in large print", {"better": 3})
    client.force_login(_officer(django_user_model))
    page = client.get(reverse("insights:local-account"), {"year": YEAR}).content.decode()
    table = page[page.index("What residents told us after each change, in this period") :]
    row = table[table.index("We answer the phone within a minute") :].split("</tr>")[0]
    assert [cell.split(">")[-1] for cell in row.split("</td>")[:4]] == ["22", "11", "6", "5"]
    small = table[table.index("We send letters in large print") :].split("</tr>")[0]
    assert "fewer than 5" in small and ">3<" not in small


def test_dashboard_loop_panel_counts_only_the_period(touchpoint):
    _data(touchpoint)
    _entry("We answer the phone within a minute", {"better": 6})
    period = FeedbackFilter(start=date(2025, 8, 1), end=date(2025, 12, 31))
    assert dashboard_build(period)["follow_ups"] == []
    period = FeedbackFilter(start=date(2025, 4, 1), end=date(2026, 3, 31))
    (row,) = dashboard_build(period)["follow_ups"]
    assert row["answers"].total == 6 and row["answers"].better == 6
