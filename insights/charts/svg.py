"""The shared frame of every chart: the <svg> element, its title, description and patterns."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core.pdf import FONT_FAMILY

FONT_SIZE = 14
LINE_HEIGHT = 20  # a line of 14px Noto Sans is drawn about 19px tall
AXIS = "app-chart__label app-chart__axis"
# Wider than Noto Sans's average character (about 0.55 em), so estimates err towards room.
CHARACTER_WIDTH = 0.62


def text_width(content, size=FONT_SIZE):
    """An upper estimate of how wide `content` is drawn, for laying labels out apart."""
    return round(len(str(content)) * size * CHARACTER_WIDTH, 1)


def wrap(name, width):
    """`name` in lines of words no wider than `width` (a single longer word keeps its line)."""
    lines = []
    for word in str(name).split():
        if lines and text_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def text(x, y, content, *, anchor="start", css_class="app-chart__label"):
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" class="{}">{}</text>',
        round(x, 1),
        round(y, 1),
        anchor,
        css_class,
        content,
    )


def hatch_pattern(pattern_id):
    """Diagonal stripes, so a second series differs by texture as well as colour."""
    return format_html(
        '<pattern id="{}" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
        '<rect width="4" height="8" fill="#d4351c"/></pattern>',
        pattern_id,
    )


def svg(chart_id, title, description, width, height, body, defs=""):
    """Wrap chart elements in an accessible <svg>.

    The font is named on the <svg> itself: a PDF renderer, or the SVG opened on its own, gets
    no page CSS and would otherwise draw the labels in a serif font.
    """
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" id="{id}" role="img" '
        'viewBox="0 0 {w} {h}" aria-labelledby="{id}-title {id}-desc" font-size="{fs}" '
        'font-family="{font}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>{defs}</defs>{body}</svg>",
        id=chart_id,
        w=width,
        h=height,
        fs=FONT_SIZE,
        font=FONT_FAMILY,
        title=title,
        desc=description,
        defs=mark_safe(defs),
        body=mark_safe(body),
    )


__all__ = ["AXIS", "escape", "hatch_pattern", "svg", "text", "text_width", "wrap"]
