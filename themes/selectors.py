"""Reads: the safeguarding queue and counts, and phrases no theme covers yet."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, IntegerField, Value, When
from django.urls import reverse
from django.utils import dateformat, timezone
from wagtail import hooks

from themes.analysis import ThemeTag, emerging_phrases
from themes.choices import safeguarding_category_label
from themes.models import CommentAnalysis, PhraseDecision, SafeguardingFlag, ThemeMention

# Enough recent comments for phrases to recur; few enough to read in the background quickly.
EMERGING_SAMPLE = 5000


def safeguarding_queue():
    """Flags waiting for an outcome first (soonest due first), then decided ones."""
    return (
        SafeguardingFlag.objects.select_related("response__service", "outcome_by")
        .annotate(
            is_decided=Case(
                When(outcome="", then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("is_decided", "due_on", "pk")
    )


@dataclass(frozen=True)
class QueueItem:
    """One row of the safeguarding queue: a survey comment's flag, or a flag another app keeps
    for text of its own (the `safeguarding_queue_items` hook)."""

    due_on: date
    is_open: bool
    is_overdue: bool
    where: str
    category_labels: list
    outcome_label: str
    outcome_by: object
    outcome_at: datetime | date | None  # a day only, for apps that keep no time of day
    url: str

    @property
    def outcome_when(self):
        if isinstance(self.outcome_at, datetime):
            return dateformat.format(timezone.localtime(self.outcome_at), "j M Y H:i")
        return dateformat.format(self.outcome_at, "j M Y") if self.outcome_at else ""


def _flag_item(flag):
    return QueueItem(
        due_on=flag.due_on,
        is_open=flag.is_open,
        is_overdue=flag.is_overdue,
        where=str(flag.response.service or ""),
        category_labels=flag.category_labels,
        outcome_label=flag.get_outcome_display(),
        outcome_by=flag.outcome_by,
        outcome_at=flag.outcome_at,
        url=reverse("themes_staff:flag", args=[flag.pk]),
    )


def safeguarding_queue_items():
    """Every flag a safeguarding lead must decide, from every app: open first, soonest due
    first (Python's sort is stable, so flags due the same day keep their order)."""
    items = [_flag_item(flag) for flag in safeguarding_queue()]
    for more in hooks.get_hooks("safeguarding_queue_items"):
        items.extend(more())
    return sorted(items, key=lambda item: (not item.is_open, item.due_on))


def safeguarding_counts_for_responses(responses):
    """How many flags these responses raised, by category and by outcome: counts, never text.

    A flag with several categories counts once in each of them."""
    flags = SafeguardingFlag.objects.filter(response__in=responses)
    by_category = Counter()
    for categories in flags.values_list("categories", flat=True):
        by_category.update(set(categories))
    outcomes = dict(SafeguardingFlag.Outcome.choices)
    by_outcome = flags.values("outcome").annotate(n=Count("pk")).order_by("outcome")
    return {
        "total": sum(row["n"] for row in by_outcome),
        "by_category": [
            (safeguarding_category_label(code), n) for code, n in by_category.most_common()
        ],
        "by_outcome": [
            (outcomes.get(row["outcome"], row["outcome"]), row["n"]) for row in by_outcome
        ],
    }


def safeguarding_open_count():
    """Flags waiting for an outcome, other apps' (the `safeguarding_open_count` hook) included."""
    count = SafeguardingFlag.objects.filter(outcome="").count()
    return count + sum(more() for more in hooks.get_hooks("safeguarding_open_count"))


def emerging_phrases_in(responses, *, top=10):
    """Recurring phrases in these responses' comments that no theme matched: candidates for
    new themes, as (phrase, count) pairs. Read from the redacted copies; flagged comments left
    out."""
    analyses = list(
        CommentAnalysis.objects.filter(
            comment__response__in=responses, comment__safeguarding_flags__isnull=True
        )
        .order_by("-comment_id")
        .values_list("comment_id", "redacted_text")[:EMERGING_SAMPLE]
    )
    tagged = {}
    for comment_id, index in ThemeMention.objects.filter(
        comment_id__in=[a[0] for a in analyses]
    ).values_list("comment_id", "sentence_index"):
        tagged.setdefault(comment_id, []).append(ThemeTag("", "", (), "", sentence_index=index))
    decided = phrases_decided()
    phrases = emerging_phrases(
        [text for _id, text in analyses],
        [tagged.get(i, []) for i, _t in analyses],
        top=top + len(decided),
    )
    return [(p.phrase, p.count) for p in phrases if not is_decided(p.phrase, decided)][:top]


def phrases_decided():
    """Phrases boards have decided on (accepted, merged or rejected): never suggested again
    until staff reopen them."""
    return set(PhraseDecision.objects.values_list("phrase", flat=True))


def is_decided(phrase, decided):
    return PhraseDecision.normalise(phrase) in decided
