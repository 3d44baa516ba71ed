"""Server-rendered SVG charts: no JavaScript, no CDN, and readable without colour.

Each chart has a <title> and <desc> (named by aria-labelledby), direct value labels, and
patterns or line styles as well as colour. Pages pair every chart with a text summary and a
table of the same numbers.
"""

from insights.charts.bars import bar_chart
from insights.charts.lines import line_chart

__all__ = ["bar_chart", "line_chart"]
