from datetime import date

from insights.models import DailyResponseRollup, DailyThemeRollup, ThemeMention
from insights.rollups import rollups_rebuild
from tests.insights.factories import flag, response_with

DAY = date(2026, 3, 5)


def _rebuild():
    return rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_response_rollup_counts_friends_and_family_answers(touchpoint):
    for overall in ["very_good", "good", "poor", "very_poor", "neither", "", "dont_know"]:
        response_with(touchpoint, DAY, overall=overall, ascs_satisfaction=6)
    response_with(touchpoint, DAY, overall="good", channel="paper")
    _rebuild()
    qr = DailyResponseRollup.objects.get(day=DAY, channel="qr")
    assert (qr.responses, qr.answered, qr.positive, qr.negative) == (7, 6, 2, 2)
    assert (qr.ascs_answered, qr.ascs_satisfied) == (7, 7)
    assert DailyResponseRollup.objects.get(day=DAY, channel="paper").responses == 1


def test_theme_rollup_leaves_out_flagged_and_rejected_mentions(touchpoint):
    for _ in range(3):
        response_with(touchpoint, DAY, themes=["respite"])
    response_with(touchpoint, DAY, themes=["respite"], sentiment="positive")
    flag(response_with(touchpoint, DAY, themes=["respite"]))
    rejected = response_with(touchpoint, DAY, themes=["respite"])
    ThemeMention.objects.filter(response=rejected).update(review="rejected")
    _rebuild()
    row = DailyThemeRollup.objects.get(day=DAY, theme__key="respite")
    assert (row.responses, row.negative, row.positive) == (4, 3, 1)


def test_rebuild_is_idempotent_and_replaces_old_rows(touchpoint):
    response_with(touchpoint, DAY, themes=["respite"])
    _rebuild()
    _rebuild()
    assert DailyResponseRollup.objects.get(day=DAY).responses == 1
    response_with(touchpoint, DAY)
    _rebuild()
    assert DailyResponseRollup.objects.get(day=DAY).responses == 2
    assert DailyThemeRollup.objects.count() == 1


def test_tagging_a_submitted_response_updates_its_day(touchpoint):
    from insights.services import response_analyse

    response = response_with(touchpoint, DAY, overall="poor")
    assert not DailyResponseRollup.objects.exists()
    response_analyse(response=response)
    row = DailyResponseRollup.objects.get(day=DAY)
    assert (row.responses, row.negative) == (1, 1)
