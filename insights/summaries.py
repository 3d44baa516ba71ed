"""Theme summaries for any filter: counts, shares, trend against the previous period, quotes.

Counting happens in the database. Comments with a safeguarding flag never appear here, and
small numbers are suppressed (`insights.suppression`).
"""

from insights.changes import change_in_points
from insights.dashboard.emerging import emerging_cached
from insights.dashboard.sources import response_measures, theme_measures
from insights.filters import FeedbackFilter
from insights.rollups import counted_mentions
from insights.suppression import partition_shares, share, shown_count, too_small
from themes.analysis.placeholders import mostly_placeholders
from themes.analysis.resources import stopwords
from themes.models import Theme

QUOTES_PER_THEME = 3


def _mentions(feedback_filter):
    return counted_mentions().filter(**feedback_filter.mention_filters())


def _theme_counts(feedback_filter):
    """{theme_id: counts}, added up from the roll-ups where they can answer the filter."""

    return {row["theme_id"]: row for row in theme_measures(feedback_filter)}


def _response_total(feedback_filter):

    return response_measures(feedback_filter)["responses"]


def theme_rows(feedback_filter, *, with_quotes=True):
    """One row per theme mentioned in the period, most mentioned first (none at all for a
    selection of fewer than 5 responses, as `theme_movement`)."""
    total = _response_total(feedback_filter)
    if too_small(total):
        return [], total
    previous_filter = feedback_filter.previous_period()
    previous_total = _response_total(previous_filter)
    previous = _theme_counts(previous_filter)
    themes = {theme.pk: theme for theme in Theme.objects.all()}
    rows = []
    for theme_id, row in _theme_counts(feedback_filter).items():
        count = shown_count(row["responses"])
        current_share = share(row["responses"], total)
        before = previous.get(theme_id, {}).get("responses", 0)
        previous_share = share(before, previous_total)
        change = (
            round(current_share - previous_share, 1)
            if current_share is not None and previous_share is not None
            else None
        )
        # Good and poor mentions split the theme's count: one table, as in `partition_shares`.
        tones = partition_shares(
            row["responses"], {"negative": row["negative"], "positive": row["positive"]}
        )
        rows.append(
            {
                "theme_id": theme_id,
                "key": themes[theme_id].key,
                "name": themes[theme_id].name,
                "count": count,
                "suppressed": count.suppressed,
                "share": current_share,
                "negative_share": tones["negative"],
                "positive_share": tones["positive"],
                "previous_share": previous_share,
                "change": change,
                "change_text": change_in_points(change),
                "quotes": []
                if count.suppressed or not with_quotes
                else theme_quotes(feedback_filter, theme_id),
            }
        )
    # Hidden counts go last, by name: an order among them would rank numbers nobody may see.
    rows.sort(key=lambda row: (row["suppressed"], -(row["count"].value or 0), row["name"]))
    return rows, total


def theme_quotes(feedback_filter, theme_id, limit=QUOTES_PER_THEME):
    """A few short, redacted sentences that show what people mean, most negative first.

    A sentence that is mostly placeholders ("Call my daughter [name] on [phone]") says nothing
    about the service and is never quoted.
    """
    evidence = (
        _mentions(feedback_filter)
        .filter(theme_id=theme_id)
        .order_by("compound", "-confidence")
        .values_list("evidence", flat=True)[: limit * 4]
    )
    quotes, stop = [], stopwords()
    for sentence in evidence:
        if not 12 <= len(sentence) <= 240 or mostly_placeholders(sentence, stop):
            continue
        if sentence not in quotes:
            quotes.append(sentence)
        if len(quotes) == limit:
            break
    return quotes


def theme_summary(*, start, end, **filters):
    """The summary boards and managers read. Safe for board members: redacted throughout."""

    feedback_filter = FeedbackFilter(start=start, end=end, **filters)
    rows, total = theme_rows(feedback_filter)
    suppressed = too_small(total)
    return {
        "start": start,
        "end": end,
        "response_count": shown_count(total),
        "suppressed": suppressed,
        "themes": [] if suppressed else rows,
        # Worked out in the background and cached (see insights.dashboard.emerging).
        "emerging_phrases": [] if suppressed else emerging_cached(feedback_filter) or [],
    }
