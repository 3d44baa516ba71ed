"""A change in percentage points, in words: "up 3 points", "down 1.5 points", "no change".

Words rather than a bare number, so a rise and a fall can't be mistaken for each other, and
screen readers don't have to announce a minus sign.
"""

import math

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _plural_number(points):
    """ngettext needs a whole number: round away from one, as Django's `intword` does, so
    only exactly 1 is singular ("0.5 points", "1.5 points")."""
    if points == 1:
        return 1
    return math.ceil(points) if points > 1 else math.floor(points)


def change_in_points(change):
    """`change` (percentage points, e.g. -16.7) against the period before, in words."""
    if change is None:
        return None
    if not change:
        return _("no change on the period before")
    size, number = abs(change), _plural_number(abs(change))
    if change > 0:
        text = ngettext(
            "up %(points)s point on the period before",
            "up %(points)s points on the period before",
            number,
        )
    else:
        text = ngettext(
            "down %(points)s point on the period before",
            "down %(points)s points on the period before",
            number,
        )
    return text % {"points": number_format(size, decimal_pos=0 if size == int(size) else 1)}
