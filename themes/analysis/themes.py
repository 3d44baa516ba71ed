"""Theme definitions (input) and theme tags (output), plus the default taxonomy loader."""

from __future__ import annotations

from dataclasses import dataclass, field

from .resources import loader


@dataclass(frozen=True)
class Theme:
    """A theme to tag: signal phrases (stem-matched) and regex patterns.

    ``problem_phrases`` are phrases that describe a problem by themselves ("waiting list",
    "rude"): when the sentence is otherwise neutral they make the mention negative, and when
    negated ("never had to wait") positive. ``negative_only`` themes are only tagged on negative
    mentions.
    """

    key: str
    name: str
    phrases: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    negative_only: bool = False
    problem_phrases: list[str] = field(default_factory=list)
    description: str = ""
    cqc_quality_statements: list[str] = field(default_factory=list)
    tlap_statements: list[str] = field(default_factory=list)

    @property
    def cqc_themes(self) -> list[str]:
        """CQC assessment framework themes that this theme's quality statements belong to."""
        return [
            cqc_theme
            for cqc_theme, statements in CQC_FRAMEWORK.items()
            if set(statements) & set(self.cqc_quality_statements)
        ]


@dataclass(frozen=True)
class ThemeTag:
    """One theme mention in a comment, with the evidence a person needs to see why."""

    theme_key: str
    sentence: str
    matched_words: tuple[str, ...]
    sentiment: str
    source: str = "rule"
    confidence: float = 1.0
    compound: float = 0.0
    sentence_index: int = 0


_new = object.__new__


def theme_tag(
    theme_key: str,
    sentence: str,
    matched_words: tuple[str, ...],
    sentiment: str,
    source: str,
    confidence: float,
    compound: float,
    sentence_index: int,
) -> ThemeTag:
    """``ThemeTag(...)`` with every field given, the same object made three times as fast: a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; this fills
    the instance's fields directly (the tagger makes one or more for each comment)."""
    tag = _new(ThemeTag)
    fields = tag.__dict__
    fields["theme_key"] = theme_key
    fields["sentence"] = sentence
    fields["matched_words"] = matched_words
    fields["sentiment"] = sentiment
    fields["source"] = source
    fields["confidence"] = confidence
    fields["compound"] = compound
    fields["sentence_index"] = sentence_index
    return tag


def theme_from_dict(data: dict) -> Theme:
    """Build a ``Theme`` from a JSON-style mapping (unknown keys are ignored)."""
    return Theme(
        key=data["key"],
        name=data.get("name", data["key"]),
        phrases=list(data.get("phrases", [])),
        patterns=list(data.get("patterns", [])),
        negative_only=bool(data.get("negative_only", False)),
        problem_phrases=list(data.get("problem_phrases", [])),
        description=data.get("description", ""),
        cqc_quality_statements=list(data.get("cqc_quality_statements", [])),
        tlap_statements=list(data.get("tlap_statements", [])),
    )


def default_taxonomy() -> list[Theme]:
    """The shipped adult social care taxonomy (``data/default_taxonomy.json``)."""
    data = loader.json("default_taxonomy")
    return [theme_from_dict(item) for item in data["themes"]]


CQC_FRAMEWORK = {
    "Working with people": [
        "Assessing needs",
        "Supporting people to live healthier lives",
        "Equity in experience and outcomes",
    ],
    "Providing support": [
        "Care provision, integration and continuity",
        "Partnerships and communities",
    ],
    "How the local authority ensures safety within the system": [
        "Safe pathways, systems and transitions",
        "Safeguarding",
    ],
    "Leadership": [
        "Governance, management and sustainability",
        "Learning, improvement and innovation",
    ],
}
