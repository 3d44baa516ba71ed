"""Chart layout, worked out from the SVG's own geometry: month labels never overlap, line names
stay apart and inside the chart, lines break at hidden months, and text names a sans font.

Text is measured with Noto Sans's own advance widths (the font the PDFs and Chromium use here),
not with the charts' estimate; the browser test (tests/browser/test_charts.py) measures the
boxes Chromium draws."""

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from insights.charts import bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"
FONT_SIZE = 14
MIN_GAP = 6  # labels closer than this read as one
NOTO_SANS = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_NAMES = [
    "Information and advice about care and support",
    "Waiting times",
    "Staff attitude and kindness",
    "Communication",
    "Cost of care",
]


def _months(count):
    return [f"{MONTHS[i % 12]} {2024 + i // 12}" for i in range(count)]


def _parse(svg):
    root = ET.fromstring(str(svg))
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    return root, width, height


@cache
def _advances():
    if not NOTO_SANS.exists():
        pytest.skip("Noto Sans is not installed (apt-get install fonts-noto-core)")
    from fontTools.ttLib import TTFont

    font = TTFont(NOTO_SANS)
    cmap, metrics, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    widths = {code: metrics[name][0] / em for code, name in cmap.items()}
    return widths, font["hhea"].ascent / em, -font["hhea"].descent / em


def text_width(content):
    widths, _ascent, _descent = _advances()
    return sum(widths.get(ord(character), 1) for character in content) * FONT_SIZE


def _box(node):
    """(left, top, right, bottom) of a <text> as a browser boxes it: from its anchor and
    baseline, the font's ascent and descent, and the width of its characters."""
    x, y, width = float(node.get("x")), float(node.get("y")), text_width(node.text)
    _widths, ascent, descent = _advances()
    left = {"start": x, "middle": x - width / 2, "end": x - width}[node.get("text-anchor")]
    return left, y - ascent * FONT_SIZE, left + width, y + descent * FONT_SIZE


def _inside(box, width, height):
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _month_labels(root, months):
    return [node for node in root.iter(f"{SVG}text") if node.text in months]


def _segments(root):
    """Every straight stretch of line drawn for a series, as ((x1, y1), (x2, y2)), whether the
    chart draws it as a <path> or a <polyline>."""
    found = []
    for node in root.iter():
        if node.tag == f"{SVG}polyline":
            runs = [node.get("points")]
        elif node.tag == f"{SVG}path":
            runs = node.get("d").split("M")[1:]
        else:
            continue
        for run in runs:
            points = [tuple(map(float, p.split(","))) for p in re.findall(r"[\d.]+,[\d.]+", run)]
            found += list(zip(points, points[1:], strict=False))
    return found


def _series(count, months, start=10):
    return [(LONG_NAMES[i % 5], [start + i] * months) for i in range(count)]


@pytest.mark.parametrize("months", [6, 12, 24, 36])
def test_month_labels_never_overlap_and_stay_inside_the_chart(months):
    labels = _months(months)
    root, width, height = _parse(line_chart("c", "T", "D", labels, _series(5, months)))
    boxes = sorted(_box(node) for node in _month_labels(root, labels))
    assert len(boxes) >= 3  # thinned, not dropped
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert right[0] - left[2] >= MIN_GAP, (left, right)
    assert all(_inside(box, width, height) for box in boxes)


@pytest.mark.parametrize("months", [1, 2, 6, 12, 13, 24])
@pytest.mark.parametrize("mark", [None, 0, -1])
def test_no_text_of_a_line_chart_overlaps_another_or_leaves_the_chart(months, mark):
    labels = _months(months)
    marked = None if mark is None else (range(months)[mark], "Change made")
    series = [(name, [3 * i] * months) for i, name in enumerate(LONG_NAMES)]
    root, width, height = _parse(line_chart("c", "T", "D", labels, series, mark=marked))
    boxes = [(node.text, _box(node)) for node in root.iter(f"{SVG}text")]
    for index, (words, box) in enumerate(boxes):
        assert _inside(box, width, height), words
        for other, other_box in boxes[index + 1 :]:
            assert not _overlap(box, other_box), (words, other)


def test_the_last_month_is_always_labelled():
    labels = _months(12)
    root, _width, _height = _parse(line_chart("c", "T", "D", labels, _series(1, 12)))
    assert labels[-1] in [node.text for node in _month_labels(root, labels)]


def test_a_marked_month_is_labelled_and_its_words_sit_over_the_plot():
    labels = _months(13)
    svg = line_chart("c", "T", "D", labels, _series(2, 13), mark=(6, "Change made"))
    root, width, height = _parse(svg)
    assert labels[6] in [node.text for node in _month_labels(root, labels)]
    words = next(node for node in root.iter(f"{SVG}text") if node.text == "Change made")
    names = [node for node in root.iter(f"{SVG}text") if node.text and "Waiting" in node.text]
    assert not _overlap(_box(words), _box(names[0]))
    assert _inside(_box(words), width, height)


@pytest.mark.parametrize("months", [12, 24])
def test_line_names_do_not_overlap_and_stay_inside_the_chart(months):
    # Five lines ending at nearly the same height: their names would sit on top of each other.
    series = [(name, [20] * (months - 1) + [20 + i]) for i, name in enumerate(LONG_NAMES)]
    labels = _months(months)
    root, width, height = _parse(line_chart("c", "T", "D", labels, series))
    words = set(" ".join(LONG_NAMES).split())
    names = [n for n in root.iter(f"{SVG}text") if n.text and set(n.text.split()) <= words]
    assert {word for node in names for word in node.text.split()} == words  # all named
    boxes = [_box(node) for node in names]
    for index, box in enumerate(boxes):
        assert _inside(box, width, height), box
        for other in boxes[index + 1 :]:
            assert not _overlap(box, other), (box, other)
    months_boxes = [_box(node) for node in _month_labels(root, labels)]
    assert not any(_overlap(a, b) for a in boxes for b in months_boxes)


def test_a_line_breaks_at_a_hidden_month_instead_of_joining_across_it():
    labels = _months(5)
    root, _width, _height = _parse(line_chart("c", "T", "D", labels, [("A", [6, 7, None, 8, 9])]))
    segments = _segments(root)
    xs = sorted({x for segment in segments for x, _y in segment})
    assert len(xs) == 4  # months 1, 2, 4 and 5: nothing at the hidden month
    step = xs[1] - xs[0]
    assert segments and all(round(b[0] - a[0], 1) == round(step, 1) for a, b in segments)
    assert len(root.findall(f"{SVG}circle")) == 4


def test_a_month_shown_between_two_hidden_ones_is_a_point_without_a_line():
    labels = _months(3)
    root, _width, _height = _parse(line_chart("c", "T", "D", labels, [("A", [None, 7, None])]))
    assert _segments(root) == []
    assert len(root.findall(f"{SVG}circle")) == 1


def test_the_scale_goes_up_in_round_steps_above_the_largest_value():
    root, _width, _height = _parse(line_chart("c", "T", "D", _months(3), [("A", [5, 7, 6])]))
    ticks = [n.text for n in root.iter(f"{SVG}text") if "app-chart__axis" in n.get("class")]
    assert ticks == ["0", "2", "4", "6", "8"]


def test_chart_text_names_the_site_font_not_the_default_serif():
    for svg in (
        line_chart("c", "T", "D", _months(3), [("A", [5, 7, 6])]),
        bar_chart("b", "T", "D", [("A", 5, "5")]),
    ):
        family = ET.fromstring(str(svg)).get("font-family")
        assert '"Noto Sans"' in family and family.endswith("sans-serif")


def test_long_bar_labels_wrap_inside_the_chart_and_rows_grow_to_fit():
    bars = [(LONG_NAMES[0], 40, "40%"), ("Cost", 20, "20%")]
    root, width, height = _parse(bar_chart("b", "T", "D", bars))
    boxes = [_box(node) for node in root.iter(f"{SVG}text")]
    assert all(_inside(box, width, height) for box in boxes)
    for index, box in enumerate(boxes):
        assert not any(_overlap(box, other) for other in boxes[index + 1 :])
    label_lines = [n for n in root.iter(f"{SVG}text") if n.get("text-anchor") == "end"]
    assert len(label_lines) >= 3  # the long label took two lines or more
