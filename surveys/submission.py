"""What a resident (or a staff member keying in a card) answered, before it is stored."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Comment:
    question_key: str
    purpose: str
    text: str


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
