"""Horizontal bar charts with the value written at the end of each bar."""

from django.utils.html import format_html

from insights.charts.svg import FONT_SIZE, LINE_HEIGHT, hatch_pattern, svg, text, wrap

WIDTH = 640
LABEL_WIDTH = 220
BAR_SPACE = 330
ROW = 30
BAR = 18


def _bar(x, y, length, fill):
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#0b0c0c" stroke-width="1" '
        'class="app-chart__bar"/>',
        x,
        y,
        round(max(length, 0), 1),
        BAR,
        fill,
    )


def _label(y, lines):
    """A label beside its bar, in as many lines as it needs to stay inside the chart."""
    first = y + BAR / 2 + FONT_SIZE * 0.35 - (len(lines) - 1) * LINE_HEIGHT / 2
    return [
        text(LABEL_WIDTH - 8, first + number * LINE_HEIGHT, line, anchor="end")
        for number, line in enumerate(lines)
    ]


def bar_chart(chart_id, title, description, bars, *, max_value=None, hatched=()):
    """`bars` is a list of (label, value or None, value text). Labels in `hatched` get stripes.

    A value of None (a hidden count) draws no bar, only its text ('fewer than 5', 'not shown'),
    so no length gives it away; the scale is set by the values shown.
    """
    values = [value for _label, value, _text in bars if value is not None]
    top = max_value or max(values, default=0) or 1
    parts = []
    y = 10
    for label, value, value_text in bars:
        lines = wrap(label, LABEL_WIDTH - 16)
        # A label of several lines gets a taller row, the bar in its middle.
        row = max(ROW, len(lines) * LINE_HEIGHT + 8)
        bar_y = y + (row - ROW) / 2
        parts += _label(bar_y, lines)
        length = 0 if value is None else BAR_SPACE * value / top
        if value is not None:
            fill = f"url(#{chart_id}-hatch)" if label in hatched else "#1d70b8"
            parts.append(_bar(LABEL_WIDTH, bar_y, length, fill))
        parts.append(text(LABEL_WIDTH + length + 6, bar_y + BAR - 4, value_text))
        y += row
    return svg(
        chart_id,
        title,
        description,
        WIDTH,
        round(y + 10),
        "".join(parts),
        hatch_pattern(f"{chart_id}-hatch"),
    )
