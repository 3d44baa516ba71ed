"""Rule triggers staff keep rejecting, and narrowing a theme so they stop tagging it.

A rule tag rejected `REPEATED_REJECTIONS` times or more for the same trigger ("letter" tagged
as communication) is reported; narrowing removes the theme's phrase lines that the trigger
matched. Triggers from regular expressions are not listed: a pattern is edited on the theme.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.log_actions import log

from themes.analysis.matcher import phrase_stems
from themes.models import Theme, ThemeMention

REPEATED_REJECTIONS = 3
_FIELDS = ("phrases", "problem_phrases")


@dataclass
class RejectedTrigger:
    theme: Theme
    trigger: str
    rejected: int
    confirmed: int
    phrases: list


def rejected_triggers(*, at_least=REPEATED_REJECTIONS):
    """Rule triggers rejected at least `at_least` times for one theme, most rejected first."""
    counts = {}
    reviewed = ThemeMention.objects.filter(source=ThemeMention.Source.RULE).exclude(review="")
    for theme_id, review, words in reviewed.values_list("theme_id", "review", "matched_words"):
        for word in dict.fromkeys(words):
            tally = counts.setdefault((theme_id, phrase_stems(word)), Counter())
            tally[review] += 1
            tally["word:" + word.lower()] += 1
    themes = Theme.objects.in_bulk({theme_id for theme_id, _ in counts})
    found = []
    for (theme_id, stems), tally in counts.items():
        phrases = _matching_lines(themes[theme_id], stems)
        if tally[ThemeMention.Review.REJECTED] >= at_least and phrases:
            found.append(_trigger(themes[theme_id], tally, phrases))
    return sorted(found, key=lambda t: (-t.rejected, t.theme.name, t.trigger))


def _trigger(theme, tally, phrases):
    words = [(n, key[5:]) for key, n in tally.items() if key.startswith("word:")]
    return RejectedTrigger(
        theme=theme,
        trigger=max(words)[1],
        rejected=tally[ThemeMention.Review.REJECTED],
        confirmed=tally[ThemeMention.Review.CONFIRMED],
        phrases=phrases,
    )


def _matching_lines(theme, stems):
    return [
        line
        for field in _FIELDS
        for line in _lines(getattr(theme, field))
        if _covers(phrase_stems(line.lstrip("=")), stems)
    ]


def _covers(phrase, trigger):
    """The trigger is the phrase, or the phrase with one word inside ("called me back")."""
    if not phrase or phrase == trigger:
        return bool(phrase)
    if len(trigger) != len(phrase) + 1 or (trigger[0], trigger[-1]) != (phrase[0], phrase[-1]):
        return False
    return any(trigger[:i] + trigger[i + 1 :] == phrase for i in range(1, len(trigger) - 1))


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def theme_trigger_narrow(*, theme, trigger, by):
    """Stop `trigger` tagging `theme`: remove the phrase lines it matched. Audit-logged; the
    tagger rebuilds on every server because the theme changed. Returns the lines removed."""
    if not by.has_perm("themes.change_theme"):
        raise PermissionDenied
    stems = phrase_stems(trigger)
    removed = _matching_lines(theme, stems)
    if not removed:
        return []
    for field in _FIELDS:
        kept = [line for line in _lines(getattr(theme, field)) if line not in removed]
        setattr(theme, field, "\n".join(kept))
    with transaction.atomic():
        theme.save(update_fields=[*_FIELDS, "updated_at"])
        log(theme, "themes.theme.narrow", user=by, data={"trigger": trigger, "removed": removed})
    return removed
