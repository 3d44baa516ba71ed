"""Panels about themes: which are mentioned most, which are rising or falling against the
period before, and how the biggest ones moved month by month.

A response can mention several themes, so themes don't add up to anything: each count is
suppressed on its own. The months of one theme do add up to its count, so "Themes over time"
gets secondary suppression down each theme's column.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insights.changes import change_in_points
from insights.charts import bar_chart, line_chart
from insights.dashboard.sources import response_measures, theme_measures
from insights.periods import month_key, month_label, months_between
from insights.suppression import (
    partition_shares,
    share,
    shown_count,
    suppressed_table,
    too_small,
)
from themes.models import Theme

STEADY_WITHIN = 1.0  # percentage points
TOP_THEMES = 5


def _direction(change):
    if change is None:
        return _("Not enough to say")
    if change >= STEADY_WITHIN:
        return _("Rising")
    if change <= -STEADY_WITHIN:
        return _("Falling")
    return _("Steady")


def theme_movement(feedback_filter, *, total=None, previous_total=None):
    """Each theme's share of responses now and in the period before, most mentioned first.

    None at all for a selection of fewer than 5 responses: even "fewer than 5" against each
    theme would tell what that small group talked about.
    """
    names = dict(Theme.objects.values_list("id", "name"))
    previous = feedback_filter.previous_period()
    if total is None:
        total = response_measures(feedback_filter)["responses"]
    if too_small(total):
        return []
    if previous_total is None:
        previous_total = response_measures(previous)["responses"]
    before = {row["theme_id"]: row["responses"] for row in theme_measures(previous)}
    found = sorted(theme_measures(feedback_filter), key=lambda row: -row["responses"])
    rows = []
    for row in found:
        count = shown_count(row["responses"])
        now_share = share(row["responses"], total)
        before_share = share(before.get(row["theme_id"], 0), previous_total)
        change = (
            round(now_share - before_share, 1)
            if now_share is not None and before_share is not None
            else None
        )
        negative = {"negative": row["negative"]}
        rows.append(
            {
                "theme_id": row["theme_id"],
                "name": names.get(row["theme_id"], ""),
                "count": count,
                "suppressed": count.suppressed,
                "share": now_share,
                "negative_share": partition_shares(row["responses"], negative)["negative"],
                "previous_share": before_share,
                "change": change,
                "change_text": change_in_points(change),
                "direction": _direction(change),
            }
        )
    # Hidden counts go last, by name: an order among them would rank numbers nobody may see.
    rows.sort(key=lambda row: (row["suppressed"], -(row["count"].value or 0), row["name"]))
    return rows


def movement_panel(rows):
    moving = [row for row in rows if row["change"] is not None]
    rising = sorted((r for r in moving if r["change"] > 0), key=lambda r: -r["change"])[:3]
    falling = sorted((r for r in moving if r["change"] < 0), key=lambda r: r["change"])[:3]
    parts = []
    if rising:
        parts.append(_("Rising most: %s.") % ", ".join(r["name"] for r in rising))
    if falling:
        parts.append(_("Falling most: %s.") % ", ".join(r["name"] for r in falling))
    summary = " ".join(parts) or _("Not enough feedback to compare with the period before.")
    top = [row for row in rows if not row["suppressed"]][:10]
    chart = bar_chart(
        "chart-themes",
        _("Share of responses mentioning each theme (%)"),
        summary,
        [(row["name"], row["share"], f"{row['share']:g}%") for row in top if row["share"]],
    )
    return {
        "rows": rows,
        "rising": rising,
        "falling": falling,
        "summary": summary,
        "chart": chart,
    }


def monthly_panel(feedback_filter, rows):
    """Month-by-month counts for the most mentioned themes."""
    top = [row for row in rows if not row["suppressed"]][:TOP_THEMES]
    months = months_between(feedback_filter.start, feedback_filter.end)
    found = {
        (month_key(row["month"]), row["theme_id"]): row["responses"]
        for row in theme_measures(feedback_filter, ("month", "theme_id"))
        if row["theme_id"] in {t["theme_id"] for t in top}
    }
    cells = {(m, t["theme_id"]): found.get((m, t["theme_id"]), 0) for m in months for t in top}
    columns = [[(m, t["theme_id"]) for m in months] for t in top]
    counts = suppressed_table(cells, columns)  # each column adds up to the theme's count
    table = [
        {"label": month_label(m), "counts": [counts[(m, t["theme_id"])] for t in top]}
        for m in months
    ]
    series = [(t["name"], [counts[(m, t["theme_id"])].value for m in months]) for t in top]
    summary = ngettext(
        "Responses each month mentioning the most mentioned theme.",
        "Responses each month mentioning the %(n)s most mentioned themes.",
        len(top),
    ) % {"n": len(top)}
    chart = line_chart(
        "chart-themes-time",
        _("Themes each month (responses)"),
        summary,
        [month_label(month) for month in months],
        series,
    )
    return {"themes": top, "rows": table, "summary": summary, "chart": chart}
