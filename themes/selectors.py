"""Reads: the safeguarding queue and counts, and phrases no theme covers yet."""

from collections import Counter

from django.db.models import Case, Count, IntegerField, Value, When

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
    return SafeguardingFlag.objects.filter(outcome="").count()


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
