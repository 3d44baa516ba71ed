from django import template
from django.utils.formats import number_format

from insights import selectors, suppression

register = template.Library()


@register.filter
def plural_count(count):
    """`{% blocktranslate count counter=row.count|plural_count %}`: the plural form for a
    count that may be shown as "fewer than 5" (a `SuppressedCount`, or a plain number)."""
    return suppression.plural_count(count)


@register.filter
def signed(change):
    """A change with its sign written out, so a rise doesn't look like a plain number: "+3.5",
    "−1.2" (a true minus sign, which screen readers say as "minus"), "0"."""
    if change > 0:
        return f"+{number_format(change)}"
    if change < 0:
        return f"\u2212{number_format(-change)}"
    return number_format(0)


# Co-production pages sit below insights and can't import it: they load these tags instead.
@register.simple_tag
def meeting_theme_summary(meeting):
    """`{% meeting_theme_summary meeting as summary %}`: the redacted themes summary a board
    reviews at `meeting`."""
    return selectors.theme_summary_for_meeting(meeting=meeting)


@register.simple_tag
def theme_trend_since(theme, since):
    """`{% theme_trend_since theme action.completed_on as trend %}`: how mentions of `theme`
    moved since a date, or None before there is one."""
    return selectors.theme_trend(theme=theme, start=since) if since else None
