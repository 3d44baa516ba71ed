"""Redaction used wherever text leaves the hands of people allowed to see it unredacted."""

from themes.analysis import redact


def redact_text(text):
    return redact(text).text
