"""Theme summaries for any filter: counts, shares, trend against the previous period, quotes.

Counting happens in the database. Comments with a safeguarding flag never appear here, and
small numbers are suppressed (`insights.suppression`).
"""

from django.db.models import Exists, OuterRef, Q

from insights.changes import change_in_points
from insights.dashboard.emerging import emerging_cached
from insights.dashboard.sources import response_measures, theme_measures
from insights.filters import FeedbackFilter
from insights.rollups import counted_mentions
from insights.suppression import partition_shares, share, shown_count, too_small
from themes.analysis.placeholders import mostly_placeholders
from themes.analysis.resources import stopwords
from themes.models import Theme, ThemeMention

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
                "quotes": [],
            }
        )
    # Hidden counts go last, by name: an order among them would rank numbers nobody may see.
    rows.sort(key=lambda row: (row["suppressed"], -(row["count"].value or 0), row["name"]))
    if with_quotes:
        quotes_add(feedback_filter, rows)
    return rows, total


def quotes_add(feedback_filter, rows, limit=QUOTES_PER_THEME):
    """Fill each shown row's "quotes", in the rows' order (so the most mentioned themes choose
    first), never quoting one sentence twice among them. Returns the rows."""
    quoted = set()
    for row in rows:
        row["quotes"] = (
            []
            if row["suppressed"]
            else theme_quotes(feedback_filter, row["theme_id"], limit, used=quoted)
        )
    return rows


def _fits_its_theme(mentions):
    """Mentions whose evidence sentence is about their theme: found by the theme's own phrases
    (or confirmed by staff), and with no other theme found in the same sentence more surely.

    "Different carers every week, my mum gets confused" is tagged with staff continuity on
    "different carers" and with information and advice on "confused": it is quoted under the
    first, never under the second. A learned model's unconfirmed guess names no words of the
    theme in its sentence, so it is never quoted.
    """
    surer = ThemeMention.objects.filter(
        comment_id=OuterRef("comment_id"),
        evidence=OuterRef("evidence"),
        confidence__gt=OuterRef("confidence"),
        theme__is_safeguarding=False,
    ).exclude(review=ThemeMention.Review.REJECTED)
    by_rule = Q(source=ThemeMention.Source.RULE) | Q(source=ThemeMention.Source.STAFF)
    return mentions.filter(by_rule | Q(review=ThemeMention.Review.CONFIRMED)).filter(~Exists(surer))


def _same_words(sentence):
    return " ".join(sentence.split()).casefold()


def theme_quotes(feedback_filter, theme_id, limit=QUOTES_PER_THEME, *, used=None):
    """A few short, redacted sentences that show what people mean, most negative first.

    Only sentences about the theme (`_fits_its_theme`). A sentence that is mostly placeholders
    ("Call my daughter [name] on [phone]") says nothing about the service and is never quoted.
    `used` is the set of sentences a report has quoted already: pass the same set for every
    theme of one report and no sentence is quoted twice in it. Chosen ones are added to it.
    """
    used = set() if used is None else used
    evidence = (
        _fits_its_theme(_mentions(feedback_filter).filter(theme_id=theme_id))
        .order_by("compound", "-confidence")
        .values_list("evidence", flat=True)[: limit * 4 + len(used)]
    )
    quotes, stop = [], stopwords()
    for sentence in evidence:
        if not 12 <= len(sentence) <= 240 or mostly_placeholders(sentence, stop):
            continue
        if _same_words(sentence) not in used:
            used.add(_same_words(sentence))
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
