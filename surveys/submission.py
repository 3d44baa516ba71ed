"""What a resident (or a staff member keying in a card) answered, before it is stored."""

import re
import unicodedata
from dataclasses import dataclass, field

# C0 and C1 control characters, except tab and newline (line endings become newlines first).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text):
    """Comment text as stored: NFC, newline line endings, no control characters, trimmed.

    Control characters (NUL included) carry no meaning in a comment and break PostgreSQL,
    CSV and XLSX exports. Everything else (emoji, right-to-left text, HTML) is kept as typed
    and escaped wherever it is shown.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS.sub("", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class Comment:
    """One free-text answer, its text cleaned by `clean_text` whichever channel it came from."""

    question_key: str
    purpose: str
    text: str

    def __post_init__(self):
        object.__setattr__(self, "text", clean_text(self.text))


@dataclass
class Submission:
    overall: str = ""
    ascs_satisfaction: int | None = None
    ascs_information: str = ""
    answers: dict = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    helped_by: str = ""
    equality: dict = field(default_factory=dict)

    def is_empty(self):
        return not (
            self.overall
            or self.ascs_satisfaction
            or self.ascs_information
            or any(self.answers.values())
            or any(comment.text.strip() for comment in self.comments)
        )
