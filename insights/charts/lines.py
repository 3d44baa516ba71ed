"""Line charts over time. Series differ by line style and marker shape as well as colour,
and each line is named at its last point."""

from django.utils.html import format_html

from insights.charts.svg import AXIS, svg, text

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 48, 130, 16, 40
STYLES = [
    {"colour": "#1d70b8", "dash": "", "marker": "circle"},
    {"colour": "#d4351c", "dash": "8 4", "marker": "square"},
    {"colour": "#00703c", "dash": "2 4", "marker": "triangle"},
    {"colour": "#4c2c92", "dash": "12 4 2 4", "marker": "diamond"},
    {"colour": "#505a5f", "dash": "4 4", "marker": "circle"},
]


def _marker(shape, x, y, colour):
    if shape == "circle":
        return format_html('<circle cx="{}" cy="{}" r="4" fill="{}"/>', x, y, colour)
    if shape == "square":
        return format_html(
            '<rect x="{}" y="{}" width="8" height="8" fill="{}"/>', x - 4, y - 4, colour
        )
    points = (
        f"{x},{y - 5} {x + 5},{y + 4} {x - 5},{y + 4}"
        if shape == "triangle"
        else f"{x},{y - 5} {x + 5},{y} {x},{y + 5} {x - 5},{y}"
    )
    return format_html('<polygon points="{}" fill="{}"/>', points, colour)


def _axes(top, x_labels, x_at):
    parts = []
    for step in range(5):
        value = top * step / 4
        y = _y(value, top)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#b1b4b6"/>',
                LEFT,
                WIDTH - RIGHT,
                y,
                y,
            )
        )
        # Scale marks, not figures: the top is the largest value shown, never a hidden one.
        parts.append(text(LEFT - 6, y + 4, f"{value:g}", anchor="end", css_class=AXIS))
    every = max(1, len(x_labels) // 8)
    for index, label in enumerate(x_labels):
        if index % every == 0:
            parts.append(text(x_at(index), HEIGHT - BOTTOM + 18, label, anchor="middle"))
    return parts


def _y(value, top):
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top), 1)


def line_chart(chart_id, title, description, x_labels, series, *, max_value=None):
    """`series` is a list of (name, values); a None value (a hidden count) leaves a gap in its
    line, with no point to give its height away."""
    values = [v for _name, points in series for v in points if v is not None]
    top = max_value or max(values, default=0) or 1
    span = (WIDTH - LEFT - RIGHT) / max(len(x_labels) - 1, 1)

    def x_at(index):
        return round(LEFT + index * span, 1)

    parts = _axes(top, x_labels, x_at)
    for (name, points), style in zip(series, STYLES, strict=False):
        coords = [(x_at(i), _y(v, top)) for i, v in enumerate(points) if v is not None]
        if not coords:
            continue
        path = " ".join(f"{x},{y}" for x, y in coords)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="3" '
                'stroke-dasharray="{}"/>',
                path,
                style["colour"],
                style["dash"] or "none",
            )
        )
        parts.extend(_marker(style["marker"], x, y, style["colour"]) for x, y in coords)
        parts.append(text(coords[-1][0] + 10, coords[-1][1] + 4, name))
    return svg(chart_id, title, description, WIDTH, HEIGHT, "".join(parts))
