"""Theme summaries for any filter: counts, shares, trend against the previous period, quotes.

Counting happens in the database. Comments with a safeguarding flag never appear here, and
small numbers are suppressed.
"""

from django.db.models import Count, Q

from insights.analysis import ThemeTag, emerging_phrases
from insights.models import CommentAnalysis, ThemeMention
from insights.suppression import is_suppressed, share, shown_count

QUOTES_PER_THEME = 3
EMERGING_SAMPLE = 5000


def _mentions(feedback_filter):
    return (
        ThemeMention.objects.filter(**feedback_filter.mention_filters())
        .exclude(Q(theme__is_safeguarding=True) | Q(comment__safeguarding_flags__isnull=False))
        .exclude(review=ThemeMention.Review.REJECTED)
    )


def _theme_counts(feedback_filter):
    rows = (
        _mentions(feedback_filter)
        .values("theme_id", "theme__name", "theme__key")
        .annotate(
            responses=Count("response_id", distinct=True),
            negative=Count("response_id", filter=Q(sentiment="negative"), distinct=True),
            positive=Count("response_id", filter=Q(sentiment="positive"), distinct=True),
        )
        .order_by("-responses", "theme__name")
    )
    return {row["theme_id"]: row for row in rows}


def theme_rows(feedback_filter, *, with_quotes=True):
    """One row per theme mentioned in the period, most mentioned first."""
    total = feedback_filter.responses().count()
    previous_filter = feedback_filter.previous_period()
    previous_total = previous_filter.responses().count()
    previous = _theme_counts(previous_filter)
    rows = []
    for theme_id, row in _theme_counts(feedback_filter).items():
        count = row["responses"]
        current_share = share(count, total)
        before = previous.get(theme_id, {}).get("responses", 0)
        previous_share = share(before, previous_total)
        rows.append(
            {
                "theme_id": theme_id,
                "key": row["theme__key"],
                "name": row["theme__name"],
                "count": shown_count(count),
                "raw_count": count,
                "suppressed": is_suppressed(count),
                "share": current_share,
                "negative_share": share(row["negative"], count),
                "positive_share": share(row["positive"], count),
                "previous_share": previous_share,
                "change": (
                    round(current_share - previous_share, 1)
                    if current_share is not None and previous_share is not None
                    else None
                ),
                "quotes": []
                if is_suppressed(count) or not with_quotes
                else theme_quotes(feedback_filter, theme_id),
            }
        )
    return rows, total


def theme_quotes(feedback_filter, theme_id, limit=QUOTES_PER_THEME):
    """A few short, redacted sentences that show what people mean, most negative first."""
    evidence = (
        _mentions(feedback_filter)
        .filter(theme_id=theme_id)
        .order_by("compound", "-confidence")
        .values_list("evidence", flat=True)[: limit * 4]
    )
    quotes = []
    for sentence in evidence:
        if 12 <= len(sentence) <= 240 and sentence not in quotes:
            quotes.append(sentence)
        if len(quotes) == limit:
            break
    return quotes


def emerging(feedback_filter, *, top=10):
    """Recurring phrases in the period that no theme matched: candidates for new themes."""
    analyses = list(
        CommentAnalysis.objects.filter(
            comment__response__in=feedback_filter.responses(),
            comment__safeguarding_flags__isnull=True,
        )
        .order_by("-comment_id")
        .values_list("comment_id", "redacted_text")[:EMERGING_SAMPLE]
    )
    tagged = {}
    for comment_id, index in ThemeMention.objects.filter(
        comment_id__in=[a[0] for a in analyses]
    ).values_list("comment_id", "sentence_index"):
        tagged.setdefault(comment_id, []).append(ThemeTag("", "", (), "", sentence_index=index))
    phrases = emerging_phrases(
        [text for _id, text in analyses], [tagged.get(i, []) for i, _t in analyses], top=top
    )
    return [{"phrase": p.phrase, "count": shown_count(p.count)} for p in phrases]


def theme_summary(*, start, end, **filters):
    """The summary boards and managers read. Safe for board members: redacted throughout."""
    from insights.filters import FeedbackFilter

    feedback_filter = FeedbackFilter(start=start, end=end, **filters)
    rows, total = theme_rows(feedback_filter)
    suppressed = is_suppressed(total)
    return {
        "start": start,
        "end": end,
        "response_count": shown_count(total),
        "suppressed": suppressed,
        "themes": [] if suppressed else rows,
        "emerging_phrases": [] if suppressed else emerging(feedback_filter),
    }
