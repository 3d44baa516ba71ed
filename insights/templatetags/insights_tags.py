from django import template
from django.utils.formats import number_format

from coproduction.follow_ups import follow_up_tallies
from insights import selectors, suppression
from insights.charts.lines import STYLES
from insights.charts.trends import trend_panel
from insights.follow_ups import follow_up_shown

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


def _trend_themes(action):
    return list(action.themes.all())[: len(STYLES)]  # one line style each


@register.simple_tag
def action_theme_trends(actions):
    """`{% action_theme_trends entries as trends %}`: {action pk: trend panel or None} for done
    actions, counted together (a page of them costs two queries), for `action_trend`."""
    changes = [
        (action.pk, themes, action.completed_on)
        for action in actions
        if action.completed_on and (themes := _trend_themes(action))
    ]
    return {
        pk: trend_panel(f"trend-{pk}", trend) if trend else None
        for pk, trend in selectors.theme_trends(changes).items()
    }


@register.simple_tag
def action_trend(action, trends=None):
    """`{% action_trend action trends as trend %}`: responses each month mentioning a done
    action's themes, before and since, as a chart and table; None before it is done, without
    themes, or with too little feedback to show. `trends` is from `action_theme_trends`."""
    if not isinstance(trends, dict):  # none counted for the page (or not in its context)
        trends = action_theme_trends([action])
    return trends.get(action.pk)


@register.simple_tag
def follow_up_summary(action, tallies=None):
    """`{% follow_up_summary entry as answers %}`: what residents said since a change ("is it
    better now?"), through the suppression layer. `tallies` is from `follow_up_tallies` for a
    page of entries; without it this entry is counted alone."""
    if not isinstance(tallies, dict) or action.pk not in tallies:
        tallies = follow_up_tallies([action])
    return follow_up_shown(tallies[action.pk])


@register.simple_tag
def follow_up_tallies_for(actions):
    """`{% follow_up_tallies_for entries as tallies %}`: a page of entries counted in one query."""
    return follow_up_tallies(actions)
