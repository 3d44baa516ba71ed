"""The shared frame of every chart: the <svg> element, its title, description and patterns."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

FONT_SIZE = 14
AXIS = "app-chart__label app-chart__axis"


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
    """Wrap chart elements in an accessible <svg>."""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" id="{id}" role="img" '
        'viewBox="0 0 {w} {h}" aria-labelledby="{id}-title {id}-desc" font-size="{fs}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>{defs}</defs>{body}</svg>",
        id=chart_id,
        w=width,
        h=height,
        fs=FONT_SIZE,
        title=title,
        desc=description,
        defs=mark_safe(defs),
        body=mark_safe(body),
    )


__all__ = ["AXIS", "escape", "hatch_pattern", "svg", "text"]
