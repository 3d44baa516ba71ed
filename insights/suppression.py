"""Small-number suppression: the one layer every figure passes through on its way to a page,
so that nobody can be picked out of a count.

Three rules, applied here and nowhere else:

1. A count of 1 to 4 shows as "fewer than 5" (`shown_count`).
2. A selection of fewer than 5 responses is not broken down at all (`too_small`): pages say
   only that the group is too small to show.
3. A hidden count can't be worked out from a total and the other counts beside it
   (`suppressed_table`, secondary suppression; percentages of a whole too, `partition_shares`).

Counts leave this module as `SuppressedCount` values, which keep no number once hidden, so no
template, chart or export can print one by mistake. docs/privacy/dpia.md describes the rules
for the council's DPIA.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

SUPPRESSION_THRESHOLD = 5
FEWER_THAN = _("fewer than 5")
NOT_SHOWN = _("not shown")
TOO_SMALL = _(
    "Fewer than 5 responses match this selection. The group is too small to show without "
    "risking identifying the people in it, so nothing is broken down. Choose a wider selection "
    "to see more."
)
NOT_SHOWN_NOTE = _(
    "'Not shown' marks a number hidden so that a group of fewer than 5 can't be worked out from "
    "the total and the numbers beside it."
)
# Why a count is hidden: it is 1 to 4 (shown as "fewer than 5"); it is hidden to protect such a
# count beside it; or its whole row or column is withheld. The last two say "not shown".
SMALL, SECONDARY, WITHHELD = "small", "secondary", "withheld"
_ANY = float("inf")


def is_suppressed(count):
    return 0 < count < SUPPRESSION_THRESHOLD


def too_small(total):
    """Whether a selection of `total` responses is too small to break down at all."""
    return is_suppressed(total)


@dataclass(frozen=True, eq=False)
class SuppressedCount:
    """A count as a page may show it: the number, or why it is hidden (then no number at all).

    Renders as the number, "fewer than 5" or "not shown"; `plural` picks the plural form of the
    words around it. Equal to an int only when shown, so `count == 12` reads naturally.
    """

    value: int | None
    hidden: str = ""

    @property
    def suppressed(self):
        return bool(self.hidden)

    @property
    def plural(self):
        """The number that picks the plural form: "fewer than 5" is worded like 5 ("fewer than
        5 responses", "mniej niż 5 osób")."""
        return SUPPRESSION_THRESHOLD if self.hidden else self.value

    def __str__(self):
        if self.hidden:
            return str(FEWER_THAN if self.hidden == SMALL else NOT_SHOWN)
        return number_format(self.value)

    def __bool__(self):
        return bool(self.hidden or self.value)

    def __eq__(self, other):
        if isinstance(other, SuppressedCount):
            return (self.value, self.hidden) == (other.value, other.hidden)
        if isinstance(other, int) and not isinstance(other, bool):
            return not self.hidden and self.value == other
        return NotImplemented

    def __hash__(self):
        return hash((self.value, self.hidden))


def shown_count(count):
    """One count with no table around it (a headline, a theme): hidden if it is 1 to 4."""
    return SuppressedCount(None, SMALL) if is_suppressed(count) else SuppressedCount(count)


def plural_count(count):
    """The number that picks the plural form for a count (a `SuppressedCount`, a plain int or
    the words "fewer than 5")."""
    if isinstance(count, SuppressedCount):
        return count.plural
    if isinstance(count, int):
        return shown_count(count).plural
    return SUPPRESSION_THRESHOLD


def _range(mark, marked):
    """What a reader can tell of a hidden count from how it is shown: (lowest, highest)."""
    if mark == WITHHELD:
        return 0, _ANY
    if not marked:
        return 1, _ANY
    if mark == SMALL:
        return 1, SUPPRESSION_THRESHOLD - 1
    return SUPPRESSION_THRESHOLD, _ANY  # hidden to protect another, so never small itself


def _worked_out(key, group, counts, hidden, marked):
    """Whether a reader who knows the group's total can tell the count at `key` exactly: the
    hidden counts add up to the total minus those shown, and each lies in its own range."""
    others = [k for k in group if k in hidden and k != key]
    left = sum(counts[k] for k in group if k in hidden)
    lowest, highest = _range(hidden[key], marked)
    lowest = max(lowest, left - sum(_range(hidden[k], marked)[1] for k in others))
    highest = min(highest, left - sum(_range(hidden[k], marked)[0] for k in others))
    return lowest >= highest


def _exposed(counts, groups, hidden, marked):
    """The first group in which a count of 1 to 4 can be worked out, unless all of it is
    withheld already (then nothing more can help)."""
    for group in groups:
        if all(hidden.get(key) == WITHHELD for key in group):
            continue
        for key in group:
            if is_suppressed(counts[key]) and _worked_out(key, group, counts, hidden, marked):
                return group
    return None


def suppressed_table(counts, groups=None, *, marked=True):
    """{key: SuppressedCount} for a table of `counts` ({key: int}), with secondary suppression.

    `groups` lists the keys whose counts add up to a total the reader knows or can work out (a
    row, a column, the months of a period whose total the headline shows); by default all the
    keys are one group. Keys never shown on the page (a 'prefer not to say' column, the answers
    that are neither good nor poor) belong in their groups all the same: they can be worked out
    too, and a small one needs protecting like any other.

    The rule, the usual one for cell suppression: first every count of 1 to 4 is hidden
    ("fewer than 5"). Then, in each group, a reader knows what the hidden counts add up to (the
    total minus the counts shown) and what range each can be in ("fewer than 5" is 1 to 4; "not
    shown" is 5 or more). While that pins a count of 1 to 4 to one value in some group (the
    only hidden count in its row is the total minus the rest; two hidden counts adding up to 2
    are both 1), the smallest non-zero count still shown in that group is hidden too ("not
    shown"). If none is left, the whole group is withheld: every count in it says "not shown",
    "fewer than 5" too, so that the words give nothing away. Each row and column is checked on
    its own; totals stay shown.

    `marked=False` is for figures whose hidden cells all look alike on the page (a percentage
    left out shows "–" whatever the reason): then a reader only knows each is at least 1.
    """
    groups = [list(counts)] if groups is None else [list(group) for group in groups]
    hidden = {key: SMALL for key, count in counts.items() if is_suppressed(count)}
    while (group := _exposed(counts, groups, hidden, marked)) is not None:
        shown = [key for key in group if key not in hidden and counts[key]]
        if shown:
            hidden[min(shown, key=counts.get)] = SECONDARY
        else:
            hidden.update(dict.fromkeys(group, WITHHELD))
    return {
        key: SuppressedCount(None, hidden[key]) if key in hidden else SuppressedCount(count)
        for key, count in counts.items()
    }


def share(part, whole):
    """A percentage, or None when either number is too small to show."""
    if not whole or whole < SUPPRESSION_THRESHOLD or is_suppressed(part):
        return None
    return round(100 * part / whole, 1)


_REST = object()  # what no part counts, e.g. the answers that are neither good nor poor


def partition_shares(whole, parts):
    """Each of `parts` ({name: count}) as a percentage of `whole`, or None.

    The parts and the rest of the whole (what no part counts) are one table with a known total:
    a share shown with the whole gives its count away, so a share is shown only where its count
    passes `suppressed_table`. Good 6 and poor 5 of 12 would tell that 1 person said something
    else; poor is left out, and good can be shown.
    """
    cells = {**parts, _REST: whole - sum(parts.values())}
    shown = suppressed_table(cells, marked=False)
    return {
        name: None if shown[name].hidden else share(count, whole) for name, count in parts.items()
    }
