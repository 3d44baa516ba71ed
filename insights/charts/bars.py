"""Horizontal bar charts with the value written at the end of each bar."""

from django.utils.html import format_html

from insights.charts.svg import hatch_pattern, svg, text

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


def bar_chart(chart_id, title, description, bars, *, max_value=None, hatched=()):
    """`bars` is a list of (label, value or None, value text). Labels in `hatched` get stripes.

    A value of None (a hidden count) draws no bar, only its text ('fewer than 5', 'not shown'),
    so no length gives it away; the scale is set by the values shown.
    """
    values = [value for _label, value, _text in bars if value is not None]
    top = max_value or max(values, default=0) or 1
    parts = []
    for index, (label, value, value_text) in enumerate(bars):
        y = 10 + index * ROW
        parts.append(text(LABEL_WIDTH - 8, y + BAR - 4, label, anchor="end"))
        length = 0 if value is None else BAR_SPACE * value / top
        if value is not None:
            fill = f"url(#{chart_id}-hatch)" if label in hatched else "#1d70b8"
            parts.append(_bar(LABEL_WIDTH, y, length, fill))
        parts.append(text(LABEL_WIDTH + length + 6, y + BAR - 4, value_text))
    height = 20 + len(bars) * ROW
    return svg(
        chart_id,
        title,
        description,
        WIDTH,
        height,
        "".join(parts),
        hatch_pattern(f"{chart_id}-hatch"),
    )
