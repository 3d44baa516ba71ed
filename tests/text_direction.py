"""Checks that text residents typed can't reorder the page around it (Unicode bidi)."""

import re

RIGHT_TO_LEFT_OVERRIDE = "\u202e"
_ISOLATED = re.compile(r"<bdi>.*?</bdi>", re.DOTALL)


def outside_bdi(html):
    """The page with every <bdi> element taken out: what the resident's text could reorder."""
    return _ISOLATED.sub("", html)


def assert_isolated(html, text=RIGHT_TO_LEFT_OVERRIDE):
    assert text in html
    assert text not in outside_bdi(html)
