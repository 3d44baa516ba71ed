"""Line charts over time. Series differ by line style and marker shape as well as colour,
and each line is named in a column to the right of the plot, level with its last point.

Layout is worked out here, not left to the browser, so that it holds in a PDF too: month
labels are thinned until they can't overlap, and the line names are wrapped to fit the
column and moved apart so that none overlaps another or leaves the chart.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html

from insights.charts.svg import AXIS, FONT_SIZE, LINE_HEIGHT, svg, text, text_width, wrap

WIDTH = 640
HEIGHT = 260
LEFT, TOP, BOTTOM = 48, 16, 46
MARKER_TOP = 40  # room above the plot for the words naming a marked month
GAP = 12  # between the plot and the line names, and between month labels
SWATCH = 24  # the sample of each line's style before its name
NAME_WIDTH = 150  # line names wrap to this width
NICE_STEPS = (1, 2, 3, 4, 6, 12)  # months between labels: every quarter, half year, year
STYLES = [
    {"colour": "#1d70b8", "dash": "", "marker": "circle"},
    {"colour": "#d4351c", "dash": "8 4", "marker": "square"},
    {"colour": "#00703c", "dash": "2 4", "marker": "triangle"},
    {"colour": "#4c2c92", "dash": "12 4 2 4", "marker": "diamond"},
    {"colour": "#505a5f", "dash": "4 4", "marker": "circle"},
]


@dataclass(frozen=True)
class Frame:
    """Where the plot sits in the chart; the line names take the space to its right."""

    height: int
    top: int
    right: float  # x of the plot's right edge
    months: int

    @property
    def bottom(self):
        return self.height - BOTTOM

    @property
    def span(self):
        return (self.right - LEFT) / max(self.months - 1, 1)

    def x(self, index):
        return round(LEFT + index * self.span, 1)

    def y(self, value, top_value):
        return round(self.top + (self.bottom - self.top) * (1 - value / top_value), 1)


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


def nice_top(value):
    """The smallest round number at or above `value` that splits into 4 round steps."""
    if value <= 4:
        return 4  # whole numbers up the scale, even for a chart of zeros
    step = value / 4
    magnitude = 10 ** math.floor(math.log10(step))
    # 2.5 only from 25 up, so that a scale of counts never shows half a person.
    for nice in (1, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step <= nice * magnitude and (nice != 2.5 or magnitude >= 10):
            return 4 * nice * magnitude
    return value


def label_step(labels, span):
    """Label every nth month, n the smallest that leaves a gap between neighbouring labels."""
    widest = max((text_width(label) for label in labels), default=0)
    needed = math.ceil((widest + GAP) / span) if span else 1
    return next((step for step in NICE_STEPS if step >= needed), needed)


def spread(wanted, heights, low, high, gap=2):
    """Tops for blocks of `heights` as near `wanted` as they can be without overlapping,
    all between `low` and `high`. The blocks keep their order."""
    tops = []
    for index, top in enumerate(wanted):
        floor = tops[-1] + heights[index - 1] + gap if tops else low
        tops.append(max(top, floor))
    ceiling = high
    for index in reversed(range(len(tops))):
        tops[index] = max(min(tops[index], ceiling - heights[index]), low)
        ceiling = tops[index] - gap
    return tops


def runs(points):
    """The unbroken stretches of a series: [[(index, value), ...], ...], split at each None."""
    found, current = [], []
    for index, value in enumerate(points):
        if value is None:
            if current:
                found.append(current)
            current = []
        else:
            current.append((index, value))
    return found + [current] if current else found


def _axes(frame, top_value, x_labels, anchor):
    parts = []
    for step in range(5):
        value = top_value * step / 4
        y = frame.y(value, top_value)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#b1b4b6"/>',
                LEFT,
                frame.right,
                y,
                y,
            )
        )
        # Scale marks, not figures: the top is a round number above the largest value shown.
        parts.append(text(LEFT - 6, y + 4, f"{value:g}", anchor="end", css_class=AXIS))
    every = label_step(x_labels, frame.span)
    for index, label in enumerate(x_labels):
        # Counted from `anchor` (the last or the marked month), so that month is labelled.
        if (anchor - index) % every == 0:
            # Kept inside the chart: the first and last labels may be wider than the margins.
            half = text_width(label) / 2
            x = min(max(frame.x(index), half + 2), WIDTH - half - 2)
            # Low enough to clear the scale's 0 at the plot's bottom left corner.
            parts.append(text(x, frame.bottom + 26, label, anchor="middle"))
    return parts


def _month_marker(frame, index, words):
    x = frame.x(index)
    half = text_width(words) / 2
    # The words stay over the plot, clear of the line names to its right.
    words_x = min(max(x, LEFT + half), frame.right - half)
    return [
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#0b0c0c" stroke-width="2" '
            'stroke-dasharray="6 3" class="app-chart__marker"/>',
            x,
            x,
            frame.top - 8,
            frame.bottom,
        ),
        text(words_x, frame.top - 14, words, anchor="middle"),
    ]


def _series(frame, top_value, points, style):
    """The line, broken wherever a month is hidden, and a marker for each month shown."""
    stretches = runs(points)
    parts = []
    path = " ".join(
        "M" + " L".join(f"{frame.x(i)},{frame.y(v, top_value)}" for i, v in stretch)
        for stretch in stretches
        if len(stretch) > 1
    )
    if path:
        parts.append(
            format_html(
                '<path d="{}" fill="none" stroke="{}" stroke-width="3" stroke-dasharray="{}" '
                'class="app-chart__line"/>',
                path,
                style["colour"],
                style["dash"] or "none",
            )
        )
    for stretch in stretches:
        parts.extend(
            _marker(style["marker"], frame.x(i), frame.y(v, top_value), style["colour"])
            for i, v in stretch
        )
    return parts


def _names(frame, named):
    """Each line's name beside the plot, level with its last point, apart from the others.
    `named` is a list of (wanted y, name lines, style)."""
    named = sorted(named, key=lambda item: item[0])
    heights = [len(lines) * LINE_HEIGHT for _y, lines, _style in named]
    wanted = [y - LINE_HEIGHT / 2 for y, _lines, _style in named]
    tops = spread(wanted, heights, 2, frame.height - BOTTOM + 4)
    x = frame.right + GAP
    parts = []
    for top, (_y, lines, style) in zip(tops, named, strict=True):
        middle = top + LINE_HEIGHT / 2
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="3" '
                'stroke-dasharray="{}"/>',
                x,
                x + SWATCH,
                middle,
                middle,
                style["colour"],
                style["dash"] or "none",
            )
        )
        for number, line in enumerate(lines):
            baseline = top + FONT_SIZE - 1 + number * LINE_HEIGHT
            parts.append(text(x + SWATCH + 6, baseline, line, css_class="app-chart__label"))
    return parts


def _frame(series, months, marked):
    names = [wrap(name, NAME_WIDTH) for name, _points in series]
    widest = max((text_width(line) for lines in names for line in lines), default=0)
    right = WIDTH - GAP - SWATCH - 6 - widest - 4
    top = MARKER_TOP if marked else TOP
    # Tall enough for every name to sit apart from the others beside the plot.
    needed = sum(len(lines) * LINE_HEIGHT + 2 for lines in names) + BOTTOM
    return Frame(height=max(HEIGHT, needed), top=top, right=right, months=months), names


def line_chart(chart_id, title, description, x_labels, series, *, max_value=None, mark=None):
    """`series` is a list of (name, values); a None value (a hidden count) breaks its line,
    with no point to give its height away. `mark` is (index, words) for a dashed line at one
    month, e.g. when a change was made."""
    series = list(zip(series, STYLES, strict=False))
    values = [v for (_name, points), _style in series for v in points if v is not None]
    top_value = max_value or nice_top(max(values, default=0))
    frame, names = _frame([s for s, _style in series], len(x_labels), mark is not None)
    anchor = mark[0] if mark is not None else len(x_labels) - 1
    parts = _axes(frame, top_value, x_labels, anchor)
    if mark is not None:
        parts += _month_marker(frame, *mark)
    named = []
    for ((_name, points), style), lines in zip(series, names, strict=True):
        parts += _series(frame, top_value, points, style)
        shown = [(i, v) for i, v in enumerate(points) if v is not None]
        if shown:
            named.append((frame.y(shown[-1][1], top_value), lines, style))
    parts += _names(frame, named)
    return svg(chart_id, title, description, WIDTH, frame.height, "".join(parts))
