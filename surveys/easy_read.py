"""The easy read survey's words and pictures.

Easy read guidance: one short sentence per line (15 words or fewer), no jargon, and a picture
beside each question and each answer. The pictures are the project's own drawings, shipped in
surveys/static/surveys/easy-read/ (see LICENSE.md there) and never fetched at run time.
"""

import re
from dataclasses import dataclass

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

MAX_WORDS_PER_LINE = 15


@dataclass(frozen=True)
class Picture:
    name: str
    alt: str

    @property
    def url(self):
        return static(f"surveys/easy-read/{self.name}.svg")


PICTURES = {
    picture.name: picture
    for picture in [
        Picture("face-very-good", _("A face with a big smile")),
        Picture("face-good", _("A smiling face")),
        Picture("face-neither", _("A face that is not happy or sad")),
        Picture("face-poor", _("A sad face")),
        Picture("face-very-poor", _("A very sad face")),
        Picture("face-dont-know", _("A question mark")),
        Picture("question", _("A question mark")),
        Picture("talk", _("A speech bubble")),
        Picture("phone", _("A phone")),
        Picture("person", _("One person")),
        Picture("people", _("Two people")),
        Picture("helper", _("One person helping another")),
        Picture("clock", _("A clock")),
        Picture("home", _("A house")),
        Picture("letter", _("A letter")),
        Picture("thumbs-up", _("Thumbs up")),
        Picture("thumbs-down", _("Thumbs down")),
    ]
}
# For the question block's "picture" choice; face pictures belong to answers, not questions.
SYMBOL_CHOICES = [(name, p.alt) for name, p in PICTURES.items() if not name.startswith("face-")]
# For the answers of an editor's own choice question: every picture, faces too.
ANSWER_SYMBOL_CHOICES = [(name, p.alt) for name, p in PICTURES.items()]

FACE_BLOCKS = {"overall", "ascs_satisfaction", "ascs_information"}

# A question's picture when the editor chose none, by block type (free text: by purpose).
DEFAULT_SYMBOL = {
    "overall": "people",
    "went_well": "thumbs-up",
    "do_better": "thumbs-down",
    "other": "talk",
    "single_choice": "question",
    "multiple_choice": "question",
    "ascs_satisfaction": "helper",
    "ascs_information": "letter",
    "helped_by": "helper",
    "about_you": "person",
}

# Easy read words when the editor wrote none. The Adult Social Care Survey's own wording is
# long and formal, so its easy read words are fixed here (and translated like the rest).
DEFAULT_QUESTION = {
    "overall": _("Was our service good or bad?"),
    "went_well": _("What was good?"),
    "do_better": _("What should we change?"),
    "ascs_satisfaction": _("Are you happy with your care and support?"),
    "ascs_information": _("Was it easy to find out about help?"),
    "helped_by": _("Did someone help you answer?"),
}

# Answer sets in easy read words, each with its picture: value -> (words, picture name).
ANSWERS = {
    "overall": {
        "very_good": (_("Very good"), "face-very-good"),
        "good": (_("Good"), "face-good"),
        "neither": (_("Not good or bad"), "face-neither"),
        "poor": (_("Bad"), "face-poor"),
        "very_poor": (_("Very bad"), "face-very-poor"),
        "dont_know": (_("I don't know"), "face-dont-know"),
    },
    "ascs_satisfaction": {
        7: (_("Very, very happy"), "face-very-good"),
        6: (_("Very happy"), "face-very-good"),
        5: (_("Quite happy"), "face-good"),
        4: (_("Not happy or unhappy"), "face-neither"),
        3: (_("Quite unhappy"), "face-poor"),
        2: (_("Very unhappy"), "face-very-poor"),
        1: (_("Very, very unhappy"), "face-very-poor"),
    },
    "ascs_information": {
        "very_easy": (_("Very easy"), "face-very-good"),
        "fairly_easy": (_("Quite easy"), "face-good"),
        "fairly_difficult": (_("Quite hard"), "face-poor"),
        "very_difficult": (_("Very hard"), "face-very-poor"),
        "never_tried": (_("I have not looked"), "question"),
    },
    "helped_by": {
        "no": (_("No, I did it myself"), "person"),
        "family": (_("Yes, family or a friend"), "people"),
        "carer": (_("Yes, a carer"), "helper"),
        "advocate": (_("Yes, someone who speaks up for me"), "talk"),
        "staff": (_("Yes, someone who works here"), "people"),
        "interpreter": (_("Yes, someone who speaks my language"), "talk"),
    },
}

ABOUT_YOU_QUESTIONS = {
    "age_band": _("How old are you?"),
    "disability": _("Do you have a disability?"),
    "ethnic_group": _("What is your ethnic group?"),
    "carer_status": _("Do you look after someone without being paid?"),
    "sex": _("Are you female or male?"),
    "sexual_orientation": _("Are you straight, gay, lesbian or bisexual?"),
    "religion": _("What is your religion?"),
}


def question_kind(block_type, value):
    """The key for the tables above: free text questions go by their purpose."""
    return value.get("purpose", "other") if block_type == "free_text" else block_type


def question_words(block_type, value):
    return value.get("easy_read_question") or DEFAULT_QUESTION.get(
        question_kind(block_type, value), value["question"]
    )


def question_picture(block_type, value):
    name = value.get("symbol") or DEFAULT_SYMBOL[question_kind(block_type, value)]
    return PICTURES[name]


def answer_choices(kind, choices, symbols=()):
    """`choices` in easy read words, and the picture for each value (those it has one for).
    `symbols` are an editor's pictures for their own question's answers, in the same order."""
    answers = ANSWERS.get(kind, {})
    worded = [(value, answers[value][0] if value in answers else label) for value, label in choices]
    pictures = {str(value): PICTURES[name] for value, (_words, name) in answers.items()}
    for (value, _label), name in zip(choices, symbols, strict=False):
        if name in PICTURES:
            pictures[str(value)] = PICTURES[name]
    return worded, pictures


def wording_errors(text):
    """Why `text` isn't easy read: more than one sentence, or more than 15 words."""
    errors = []
    if len(re.findall(r"[.!?؟](?=\s+\S)", text.strip())) > 0:
        errors.append(_("Use one sentence. Put other ideas in other questions."))
    if len(text.split()) > MAX_WORDS_PER_LINE:
        errors.append(
            _("Use %(limit)s words or fewer. This has %(count)s.")
            % {"limit": MAX_WORDS_PER_LINE, "count": len(text.split())}
        )
    return errors
