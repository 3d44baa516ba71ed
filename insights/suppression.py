"""Small-number suppression, so nobody can be identified from a count."""

from django.utils.translation import gettext_lazy as _

SUPPRESSION_THRESHOLD = 5
FEWER_THAN = _("fewer than 5")


def is_suppressed(count):
    return 0 < count < SUPPRESSION_THRESHOLD


def shown_count(count):
    """The count as it may be shown: 0, 'fewer than 5', or the number."""
    return FEWER_THAN if is_suppressed(count) else count


def plural_count(count):
    """The number that picks the plural form for `shown_count(count)`: "fewer than 5" is
    worded like 5 ("fewer than 5 responses", "mniej niż 5 osób")."""
    return SUPPRESSION_THRESHOLD if is_suppressed(count) else count


def share(part, whole):
    """A percentage, or None when either number is too small to show."""
    if not whole or whole < SUPPRESSION_THRESHOLD or is_suppressed(part):
        return None
    return round(100 * part / whole, 1)
