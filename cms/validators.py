"""Accessibility rules for what editors write: meaningful link text and headings in order.

Plain functions over HTML strings, so blocks and fields can share them and tests need no database.
"""

import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _

VAGUE_LINK_TEXT = {
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "link",
    "this link",
    "click this link",
    "this page",
    "go",
    "more info",
    "more information",
}


class _Outline(HTMLParser):
    """Collects link texts and heading levels, in document order."""

    def __init__(self):
        super().__init__()
        self.links, self.headings, self._link = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._link = []
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append("".join(self._link))
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link.append(data)


def outline(html):
    parser = _Outline()
    parser.feed(html or "")
    parser.close()
    return parser


def link_text_errors(html):
    """Messages for links whose text makes no sense read on its own ("click here")."""
    errors = []
    for text in outline(html).links:
        normalised = re.sub(r"[^\w\s]", "", text).strip().lower()
        if not normalised or normalised in VAGUE_LINK_TEXT:
            errors.append(
                _(
                    'The link text "%(text)s" does not say where the link goes. Screen reader '
                    "users often hear links on their own, so describe the destination, for "
                    'example "Find out about carers\' assessments".'
                )
                % {"text": text.strip() or _("(empty)")}
            )
    return errors


def heading_level_errors(levels, previous=1):
    """Messages for headings that skip a level. The page title is the only level 1 heading."""
    errors = []
    for level in levels:
        if level == 1:
            errors.append(_("The page title is the only main heading: use heading 2 or lower."))
        elif level > previous + 1:
            errors.append(
                _(
                    "Heading %(level)s comes straight after heading %(previous)s. Headings "
                    "can't skip a level: use heading %(expected)s here, or add one before it."
                )
                % {"level": level, "previous": previous, "expected": previous + 1}
            )
        previous = level
    return errors
