"""The roll-ups count what the responses say, and stay right when recounted."""

from datetime import date

from django.core.management import call_command

from insights.models import (
    DailyResponseRollup,
    DailyThemeRollup,
    MonthlyEqualityPairRollup,
    MonthlyEqualityRollup,
    MonthlyEqualityThemeRollup,
    MonthlyResponseRollup,
    MonthlyThemeRollup,
)
from insights.rollups import rollups_rebuild
from tests.insights.factories import flag, response_with
from themes.models import ThemeMention

DAY = date(2026, 3, 5)
MARCH = date(2026, 3, 1)


def _rebuild():
    return rollups_rebuild(start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_response_rollup_counts_friends_and_family_answers(touchpoint):
    for overall in ["very_good", "good", "poor", "very_poor", "neither", "", "dont_know"]:
        response_with(touchpoint, DAY, overall=overall, ascs_satisfaction=6)
    response_with(touchpoint, date(2026, 3, 31), overall="good", channel="paper")
    _rebuild()
    qr = MonthlyResponseRollup.objects.get(month=MARCH, channel="qr")
    assert (qr.responses, qr.answered, qr.positive, qr.negative) == (7, 6, 2, 2)
    assert (qr.ascs_answered, qr.ascs_satisfied) == (7, 7)
    assert MonthlyResponseRollup.objects.get(month=MARCH, channel="paper").responses == 1


def test_theme_rollup_leaves_out_flagged_and_rejected_mentions(touchpoint):
    for day in (3, 9, 20):
        response_with(touchpoint, date(2026, 3, day), themes=["respite"])
    response_with(touchpoint, date(2026, 3, 1), themes=["respite"], sentiment="positive")
    flag(response_with(touchpoint, date(2026, 3, 2), themes=["respite"]))
    rejected = response_with(touchpoint, date(2026, 3, 2), themes=["respite"])
    ThemeMention.objects.filter(response=rejected).update(review="rejected")
    _rebuild()
    row = MonthlyThemeRollup.objects.get(month=MARCH, theme__key="respite")
    assert (row.responses, row.negative, row.positive) == (4, 3, 1)
    assert row.first_negative_on == date(2026, 3, 3)


def test_daily_rollups_count_each_day_and_service(touchpoint):
    response_with(touchpoint, DAY, overall="good", themes=["respite"], sentiment="positive")
    response_with(touchpoint, DAY, overall="poor", channel="paper", themes=["respite"])
    response_with(touchpoint, date(2026, 3, 6), overall="very_poor", themes=["respite"])
    flag(response_with(touchpoint, DAY, themes=["respite"]))
    _rebuild()
    day = DailyResponseRollup.objects.get(day=DAY)
    assert (day.responses, day.answered, day.positive, day.negative) == (3, 2, 1, 1)
    assert DailyResponseRollup.objects.get(day=date(2026, 3, 6)).negative == 1
    theme = DailyThemeRollup.objects.get(day=DAY, theme__key="respite")
    # The flagged comment's mention is left out, as in the monthly tables.
    assert (theme.responses, theme.negative, theme.positive) == (2, 1, 1)
    assert DailyThemeRollup.objects.count() == 2


def test_equality_rollups_count_each_answer_and_each_pair(touchpoint):
    answers = [("yes", "asian")] * 3 + [("yes", "white"), ("no", "asian"), ("", "")]
    for disability, ethnic_group in answers:
        response_with(
            touchpoint,
            DAY,
            overall="poor" if disability == "yes" else "good",
            disability=disability,
            ethnic_group=ethnic_group,
            themes=["respite"],
        )
    _rebuild()
    disabled = MonthlyEqualityRollup.objects.get(field="disability", value="yes")
    assert (disabled.responses, disabled.answered, disabled.negative) == (4, 4, 4)
    assert MonthlyEqualityRollup.objects.get(field="disability", value="").responses == 1
    # Every response is counted once for each question, answered or not.
    assert MonthlyEqualityRollup.objects.filter(field="religion").get().responses == 6
    pair = MonthlyEqualityPairRollup.objects.get(
        field="disability", value="yes", other_field="ethnic_group", other_value="asian"
    )
    assert (pair.responses, pair.positive, pair.negative) == (3, 0, 3)
    # Each pair of questions is stored once, in EQUALITY_FIELDS order.
    assert not MonthlyEqualityPairRollup.objects.filter(
        field="ethnic_group", other_field="disability"
    ).exists()
    theme = MonthlyEqualityThemeRollup.objects.get(field="ethnic_group", value="asian")
    assert (theme.responses, theme.negative) == (4, 4)


def test_rebuild_is_idempotent_and_replaces_old_rows(touchpoint):
    response_with(touchpoint, DAY, themes=["respite"])
    _rebuild()
    _rebuild()
    assert MonthlyResponseRollup.objects.get(month=MARCH).responses == 1
    response_with(touchpoint, DAY)
    _rebuild()
    assert MonthlyResponseRollup.objects.get(month=MARCH).responses == 2
    assert MonthlyThemeRollup.objects.count() == 1
    assert DailyResponseRollup.objects.get(day=DAY).responses == 2
    assert DailyThemeRollup.objects.count() == 1


def test_rebuilding_one_day_recounts_its_whole_month(touchpoint):
    response_with(touchpoint, date(2026, 3, 1))
    response_with(touchpoint, date(2026, 3, 31))
    rollups_rebuild(start=DAY, end=DAY)
    assert MonthlyResponseRollup.objects.get(month=MARCH).responses == 2


def test_tagging_a_submitted_response_updates_its_month(touchpoint):
    from themes.services import response_analyse

    response = response_with(touchpoint, DAY, overall="poor", disability="yes")
    assert not MonthlyResponseRollup.objects.exists()
    response_analyse(response=response)
    row = MonthlyResponseRollup.objects.get(month=MARCH)
    assert (row.responses, row.negative) == (1, 1)
    assert DailyResponseRollup.objects.get(day=DAY).negative == 1
    assert MonthlyEqualityRollup.objects.get(field="disability", value="yes").negative == 1


def test_command_recounts_every_month_with_responses(touchpoint, capsys):
    response_with(touchpoint, date(2024, 6, 30))
    response_with(touchpoint, DAY)
    call_command("insights_rollups", "--all")
    months = set(MonthlyResponseRollup.objects.values_list("month", flat=True))
    assert months == {date(2024, 6, 1), MARCH}
    assert "Recounted June 2024 to March 2026" in capsys.readouterr().out


def test_the_upgrade_counts_existing_days_as_the_rollups_do(touchpoint):
    """Migration 0009 fills the new daily tables for responses already stored."""
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = import_module("insights.migrations.0009_daily_rollups")
    # The models as they were at that migration (the theme models still in insights).
    apps = MigrationLoader(connection).project_state(("insights", "0009_daily_rollups")).apps
    response_with(touchpoint, DAY, overall="good", themes=["respite"], sentiment="positive")
    response_with(touchpoint, DAY, overall="poor", ascs_satisfaction=6, themes=["respite"])
    response_with(touchpoint, date(2026, 3, 6), overall="very_poor", themes=["respite"])
    flag(response_with(touchpoint, DAY, themes=["respite"]))

    def counted():
        fields = ("day", "service_id", "responses", "positive", "negative")
        return (
            sorted(DailyResponseRollup.objects.values_list(*fields, "ascs_satisfied")),
            sorted(DailyThemeRollup.objects.values_list(*fields, "theme_id")),
        )

    migration.daily_rollups_count(apps, None)
    upgraded = counted()
    DailyResponseRollup.objects.all().delete()
    DailyThemeRollup.objects.all().delete()
    _rebuild()
    assert upgraded == counted()
    assert len(upgraded[0]) == 2 and len(upgraded[1]) == 2


def test_withdrawn_feedback_leaves_every_count_at_once(touchpoint):
    from surveys.services import response_withdraw

    kept = response_with(touchpoint, DAY, overall="good", themes=["respite"], sentiment="positive")
    gone = response_with(touchpoint, DAY, overall="poor", themes=["respite"])
    _rebuild()
    assert MonthlyResponseRollup.objects.get(month=MARCH).responses == 2
    assert response_withdraw(receipt_code=gone.receipt_code)
    monthly = MonthlyResponseRollup.objects.get(month=MARCH)
    assert (monthly.responses, monthly.positive, monthly.negative) == (1, 1, 0)
    assert DailyResponseRollup.objects.get(day=DAY).responses == 1
    theme = MonthlyThemeRollup.objects.get(month=MARCH, theme__key="respite")
    assert (theme.responses, theme.negative) == (1, 0)
    assert kept.theme_mentions.count() == 1 and not ThemeMention.objects.filter(response=gone.pk)
