"""The suppression layer on its own: "fewer than 5", secondary suppression that stops a hidden
count being worked out from a total and the counts beside it, shares, and charts that draw
nothing for a hidden count."""

from hypothesis import given, settings
from hypothesis import strategies as st

from insights.charts import bar_chart, line_chart
from insights.suppression import (
    SECONDARY,
    SMALL,
    WITHHELD,
    SuppressedCount,
    partition_shares,
    plural_count,
    shown_count,
    suppressed_table,
)

TABLES = settings(max_examples=200, deadline=None)


def test_a_count_of_1_to_4_shows_as_fewer_than_5_and_keeps_no_number():
    assert [str(shown_count(n)) for n in (0, 1, 4, 5, 1234)] == [
        "0",
        "fewer than 5",
        "fewer than 5",
        "5",
        "1234",
    ]
    assert shown_count(3).value is None and shown_count(3).suppressed
    assert shown_count(12) == 12 and shown_count(3) != 3
    assert [plural_count(n) for n in (shown_count(1), shown_count(1), 1, 22)] == [5, 5, 5, 22]


def test_a_hidden_month_can_no_longer_be_worked_out_from_the_total():
    """January 2, February 9, March 14, and the headline says 25."""
    months = {"Jan": 2, "Feb": 9, "Mar": 14}
    table = suppressed_table(months)
    total = sum(months.values())
    # Before: January was "fewer than 5" but 25 - 9 - 14 = 2.
    assert str(table["Jan"]) == "fewer than 5"
    shown = sum(count.value for count in table.values() if not count.hidden)
    assert total - shown != months["Jan"]
    # Now the smallest other month is hidden too, and January could be anything from 1 to 4.
    assert [str(table[m]) for m in months] == ["fewer than 5", "not shown", "14"]
    assert _possible(table, list(months), total)["Jan"] == {1, 2, 3, 4}


def test_two_small_counts_that_add_up_to_2_are_protected():
    table = suppressed_table({"a": 1, "b": 1, "c": 30})
    assert _possible(table, ["a", "b", "c"], 32)["a"] != {1}
    assert table["c"].hidden == SECONDARY


def test_a_group_with_nothing_left_to_hide_is_withheld_whole():
    """1 and 5 of 6: hiding the 5 as well would still say 1 (the only way "fewer than 5" and
    "5 or more" add up to 6), so neither shows, and both say the same words."""
    table = suppressed_table({"a": 1, "b": 5})
    assert {count.hidden for count in table.values()} == {WITHHELD}
    assert {str(count) for count in table.values()} == {"not shown"}


def test_a_cross_table_is_protected_along_rows_and_columns():
    cells = {(r, c): n for r, row in enumerate([[2, 9, 9], [8, 7, 9]]) for c, n in enumerate(row)}
    rows = [[(r, c) for c in range(3)] for r in range(2)]
    columns = [[(r, c) for r in range(2)] for c in range(3)]
    table = suppressed_table(cells, rows + columns)
    for group in rows + columns:
        total = sum(cells[key] for key in group)
        assert _possible(table, group, total).get((0, 0), {0, 1}) != {2}


def test_good_and_poor_shares_do_not_give_away_the_rest():
    # 6 good and 5 poor of 12: both shares would tell that 1 said something else.
    shares = partition_shares(12, {"good": 6, "poor": 5})
    assert shares == {"good": 50.0, "poor": None}
    assert partition_shares(20, {"good": 10, "poor": 10}) == {"good": 50.0, "poor": 50.0}
    assert partition_shares(3, {"good": 3, "poor": 0}) == {"good": None, "poor": None}


def test_a_bar_for_a_hidden_count_is_not_drawn():
    svg = bar_chart("c", "Title", "Summary", [("Jan", None, "fewer than 5"), ("Feb", 9, "9")])
    assert svg.count("app-chart__bar") == 1 and "fewer than 5" in svg


def test_a_point_for_a_hidden_count_is_not_drawn():
    svg = line_chart("c", "Title", "Summary", ["Jan", "Feb", "Mar"], [("Theme", [None, 7, 9])])
    assert svg.count("<circle") == 2


def _ranges(count, left, marked):
    """The values a reader can tell a count may have from the words it shows."""
    if not count.hidden:
        return [count.value]
    if count.hidden == WITHHELD:
        return range(0, left + 1)
    if not marked:
        return range(1, left + 1)
    return range(1, 5) if count.hidden == SMALL else range(5, left + 1)


def _possible(table, group, total, marked=True):
    """{key: every value each hidden count in `group` could have}, for a reader who knows the
    group's total: worked out by trying every combination the words allow, not by the rule."""
    hidden = [key for key in group if table[key].hidden]
    left = total - sum(table[key].value for key in group if not table[key].hidden)

    def sums(keys):
        reachable = {0}
        for key in keys:
            ranges = _ranges(table[key], left, marked)
            reachable = {s + v for s in reachable for v in ranges if s + v <= left}
        return reachable

    return {
        key: {
            v
            for v in _ranges(table[key], left, marked)
            if left - v in sums([k for k in hidden if k != key])
        }
        for key in hidden
    }


def _assert_protected(counts, table, groups, marked=True):
    for key, count in counts.items():
        assert table[key].hidden or table[key].value == count
        assert table[key].hidden != SMALL or 1 <= count <= 4
        assert table[key].hidden != SECONDARY or count >= 5
    for group in groups:
        total = sum(counts[key] for key in group)
        if total < 5:  # a total of 1 to 4 is "fewer than 5" itself: nothing exact to start from
            continue
        possible = _possible(table, group, total, marked)
        for key in group:
            if 1 <= counts[key] <= 4:
                assert table[key].hidden, (counts, key)
                assert len(possible[key]) > 1, (counts, group, key, possible[key])


@TABLES
@given(st.lists(st.integers(0, 12), min_size=1, max_size=6), st.booleans())
def test_no_count_of_1_to_4_can_be_worked_out_from_a_row_and_its_total(values, marked):
    counts = dict(enumerate(values))
    table = suppressed_table(counts, marked=marked)
    _assert_protected(counts, table, [list(counts)], marked)


@TABLES
@given(st.lists(st.lists(st.integers(0, 9), min_size=3, max_size=3), min_size=2, max_size=4))
def test_no_count_of_1_to_4_can_be_worked_out_from_any_row_or_column(matrix):
    counts = {(r, c): n for r, row in enumerate(matrix) for c, n in enumerate(row)}
    rows = [[(r, c) for c in range(3)] for r in range(len(matrix))]
    columns = [[(r, c) for r in range(len(matrix))] for c in range(3)]
    table = suppressed_table(counts, rows + columns)
    _assert_protected(counts, table, rows + columns)


def test_a_suppressed_count_compares_and_renders_like_the_number_it_shows():
    assert SuppressedCount(7) == 7 and str(SuppressedCount(7)) == "7"
    assert SuppressedCount(None, SMALL) != SuppressedCount(None, SECONDARY)
    assert not SuppressedCount(0) and SuppressedCount(None, SMALL)
