"""Which sentences reports quote (issue #17): about the theme they are under, each at most once
per report, none that is mostly placeholders."""

from collections import Counter
from datetime import date

from insights.dashboard import BOARD, dashboard_build
from insights.filters import FeedbackFilter
from insights.reports.cqc_pack import cqc_pack_build
from insights.reports.local_account import local_account_build
from insights.rollups import rollups_rebuild
from insights.summaries import theme_summary
from tests.insights.factories import response_with
from tests.themes.factories import mention_of
from themes.models import Theme, ThemeMention

DAY = date(2025, 6, 3)  # in the financial year 2025 to 2026
YEAR = 2025
CARERS = "Different carers every week, my mum gets confused and upset."
ADVICE = "Nobody could give me any advice about paying for the care."
SLOW = "We waited three months for anyone to come and see us."


def _theme(key):
    return Theme.objects.get(key=key)


def _comment(touchpoint, text):
    return response_with(touchpoint, DAY, overall="poor", text=text).comments.get()


def _mention(comment, key, confidence, **fields):
    fields.setdefault("compound", -0.6)
    return mention_of(comment, _theme(key), evidence=comment.text, confidence=confidence, **fields)


def _rebuild():
    rollups_rebuild(start=date(2024, 4, 1), end=date(2026, 3, 31))


def _carers_and_advice(touchpoint):
    """6 comments on carers changing, tagged with staff continuity on 'different carers' (0.8)
    and with information and advice on 'confused' (0.7), as the engine tags them; 6 about
    advice alone."""
    for _ in range(6):
        comment = _comment(touchpoint, CARERS)
        _mention(comment, "staff_continuity", 0.8)
        _mention(comment, "information_advice", 0.7, compound=-0.9)
    for _ in range(6):
        _mention(_comment(touchpoint, ADVICE), "information_advice", 0.7, compound=-0.4)
    _rebuild()


def _quotes_by_theme(rows):
    return {row["name"]: row["quotes"] for row in rows}


def test_a_sentence_is_quoted_under_the_theme_it_is_about_not_a_weaker_one(touchpoint):
    _carers_and_advice(touchpoint)
    quotes = _quotes_by_theme(local_account_build(YEAR)["themes"])
    assert quotes[_theme("information_advice").name] == [ADVICE]
    assert quotes[_theme("staff_continuity").name] == [CARERS]


def test_board_dashboard_quotes_fit_their_heading(touchpoint):
    _carers_and_advice(touchpoint)
    feedback_filter = FeedbackFilter(start=date(2025, 6, 1), end=date(2025, 6, 30))
    quotes = _quotes_by_theme(dashboard_build(feedback_filter, audience=BOARD)["quotes"])
    assert CARERS not in quotes[_theme("information_advice").name]
    assert quotes[_theme("staff_continuity").name] == [CARERS]


def test_an_unconfirmed_model_guess_is_not_quoted_but_a_confirmed_one_is(touchpoint):
    guesses = [_comment(touchpoint, SLOW) for _ in range(5)]
    for comment in guesses:
        _mention(comment, "waiting_times", 0.9, source=ThemeMention.Source.MODEL)
    _rebuild()
    summary = theme_summary(start=DAY, end=DAY)
    assert _quotes_by_theme(summary["themes"])[_theme("waiting_times").name] == []
    ThemeMention.objects.filter(comment=guesses[0]).update(review=ThemeMention.Review.CONFIRMED)
    summary = theme_summary(start=DAY, end=DAY)
    assert _quotes_by_theme(summary["themes"])[_theme("waiting_times").name] == [SLOW]


def _same_sentence_under_two_themes(touchpoint):
    # Equally sure of both themes: it fits either, but is quoted once.
    for _ in range(6):
        comment = _comment(touchpoint, SLOW)
        _mention(comment, "waiting_times", 0.7)
        _mention(comment, "communication", 0.7)
    _rebuild()


def _all_quotes(rows):
    return [quote for row in rows for quote in row["quotes"]]


def test_a_sentence_is_quoted_at_most_once_in_the_local_account(touchpoint):
    _same_sentence_under_two_themes(touchpoint)
    quotes = _all_quotes(local_account_build(YEAR)["themes"])
    assert quotes == [SLOW]


def test_a_sentence_is_quoted_at_most_once_on_the_board_dashboard(touchpoint):
    _same_sentence_under_two_themes(touchpoint)
    feedback_filter = FeedbackFilter(start=date(2025, 6, 1), end=date(2025, 6, 30))
    assert _all_quotes(dashboard_build(feedback_filter, audience=BOARD)["quotes"]) == [SLOW]


def test_a_sentence_is_quoted_at_most_once_in_a_theme_summary(touchpoint):
    _same_sentence_under_two_themes(touchpoint)
    assert _all_quotes(theme_summary(start=DAY, end=DAY)["themes"]) == [SLOW]


def test_no_quote_repeats_in_the_cqc_pack_though_a_theme_is_under_several_statements(
    touchpoint,
):
    waiting = _theme("waiting_times")
    assert len(waiting.cqc_quality_statements) > 1  # else this test proves nothing
    _same_sentence_under_two_themes(touchpoint)
    for text in ("The wait for an assessment took far too long.", "Waited weeks for a call."):
        for _ in range(3):
            _mention(_comment(touchpoint, text), "waiting_times", 0.7, compound=-0.8)
    _rebuild()
    pack = cqc_pack_build(FeedbackFilter(start=date(2025, 4, 1), end=date(2026, 3, 31)))
    quotes = [
        quote
        for section in pack["sections"]
        for statement in section["statements"]
        for row in statement["themes"]
        for quote in row["quotes"]
    ]
    assert quotes and Counter(quotes).most_common(1)[0][1] == 1
    assert "The wait for an assessment took far too long." in quotes


def test_identical_sentences_from_different_people_are_quoted_once(touchpoint):
    for _ in range(6):
        _mention(_comment(touchpoint, SLOW), "waiting_times", 0.7)
    _mention(
        _comment(touchpoint, "We  waited three months for anyone to come and SEE us."),
        "waiting_times",
        0.7,
    )
    _rebuild()
    assert _all_quotes(local_account_build(YEAR)["themes"]) == [SLOW]


def test_local_account_and_cqc_pack_never_quote_a_mostly_placeholder_sentence(touchpoint):
    placeholders = "Please call my daughter [name] on [phone]."
    for _ in range(6):
        _mention(_comment(touchpoint, placeholders), "waiting_times", 0.9, compound=-0.99)
    _mention(_comment(touchpoint, SLOW), "waiting_times", 0.7)
    _rebuild()
    assert _all_quotes(local_account_build(YEAR)["themes"]) == [SLOW]
    pack = cqc_pack_build(FeedbackFilter(start=date(2025, 4, 1), end=date(2026, 3, 31)))
    rows = [row for s in pack["sections"] for st in s["statements"] for row in st["themes"]]
    assert placeholders not in _all_quotes(rows)
