"""Closing the loop counts days from the meeting that raised an action, not from when its row
was written: seeded or imported history (rows written today for meetings months ago) too."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from coproduction.choices import ActionStatus
from insights.dashboard import loop
from tests.coproduction.factories import ActionFactory, BoardFactory, MeetingFactory
from tests.surveys.factories import ServiceFactory
from tests.themes.factories import ThemeFactory


def test_days_to_done_run_from_the_meeting_to_the_done_date(db, monkeypatch):
    service, theme, board = ServiceFactory(), ThemeFactory(), BoardFactory()
    first_negative = datetime.date(2025, 9, 1)
    monkeypatch.setattr(
        loop, "_negative_themes", lambda f: {(service.pk, theme.pk): first_negative}
    )
    meeting = MeetingFactory(
        board=board, starts_at=timezone.make_aware(datetime.datetime(2025, 10, 1, 18))
    )
    # Written today (as seed_demo and imports do), raised at the meeting, done 20 days later.
    action = ActionFactory(
        board=board,
        meeting=meeting,
        service=service,
        status=ActionStatus.DONE,
        completed_on=datetime.date(2025, 10, 21),
    )
    action.themes.add(theme)
    (row,) = loop.closing_the_loop(SimpleNamespace(start=datetime.date(2025, 7, 1)))
    assert row["days_to_outcome"] == 20
    assert row["days_to_action"] == 30
