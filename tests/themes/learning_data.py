"""Reviewed comments written for the learning tests: the rules tag "letter" as communication,
which is right when nobody answered a letter and wrong for a letter of thanks (staff reject it).
"""

from tests.surveys.factories import FreeTextAnswerFactory, ResponseFactory
from tests.themes.factories import CommentAnalysisFactory, mention_of
from themes.learning import rules_tagger
from themes.models import Theme

SUBJECTS = [
    "the rota",
    "the new timetable",
    "my mother's move",
    "the parking permit",
    "the garden work",
    "the minibus",
    "the lunch club",
    "the key safe",
    "the new lift",
    "the laundry",
    "the night cover",
    "the referral",
    "the form I sent",
    "the fence",
]
WRITERS = ["I", "We", "My son", "My daughter", "Our family", "My husband", "Dad", "Mum"]
THANKED = [
    "the team at the centre",
    "the night staff",
    "the drivers",
    "the kitchen staff",
    "the cleaners",
    "the volunteers",
    "the manager",
]
UNIQUE_WORD = "quillerbrook"


def unanswered_letters():
    return [f"Nobody replied to my letter about {subject}." for subject in SUBJECTS]


def letters_of_thanks():
    texts = [f"{w} wrote a letter of thanks to {t}." for w in WRITERS[:4] for t in THANKED[:5]]
    # One comment has a word no other has (think of a surname or a street): it must not be kept.
    return [*texts, f"We wrote a letter of thanks to the {UNIQUE_WORD} helpers."]


def reviewed_comment(touchpoint, text, *, reject=(), extra=(), tagger=None):
    """A comment tagged by the rules, with every tag reviewed: `reject` themes rejected, the
    rest confirmed; `extra` themes added and confirmed by staff."""
    comment = FreeTextAnswerFactory(response=ResponseFactory(touchpoint=touchpoint), text=text)
    CommentAnalysisFactory(comment=comment)
    for tag in (tagger or rules_tagger()).analyse(text).tags:
        review = "rejected" if tag.theme_key in reject else "confirmed"
        theme = Theme.objects.get(key=tag.theme_key)
        mention_of(comment, theme, matched_words=list(tag.matched_words), review=review)
    for key in extra:
        mention_of(comment, Theme.objects.get(key=key), source="staff", review="confirmed")
    return comment


def reviewed_letters(touchpoint):
    """Staff confirmed communication on unanswered letters and rejected it on thanks."""
    tagger = rules_tagger()
    for text in unanswered_letters():
        reviewed_comment(touchpoint, text, tagger=tagger)
    for text in letters_of_thanks():
        reviewed_comment(touchpoint, text, reject={"communication"}, tagger=tagger)
