"""Panels about themes: which are mentioned most, which are rising or falling against the
period before, and how the biggest ones moved month by month."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insights.changes import change_in_points
from insights.charts import bar_chart, line_chart
from insights.dashboard.sources import response_measures, theme_measures
from insights.periods import month_key, month_label, months_between
from insights.suppression import is_suppressed, share, shown_count
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
    """Each theme's share of responses now and in the period before, most mentioned first."""
    names = dict(Theme.objects.values_list("id", "name"))
    previous = feedback_filter.previous_period()
    if total is None:
        total = response_measures(feedback_filter)["responses"]
    if previous_total is None:
        previous_total = response_measures(previous)["responses"]
    before = {row["theme_id"]: row["responses"] for row in theme_measures(previous)}
    rows = []
    for row in theme_measures(feedback_filter):
        now_share = share(row["responses"], total)
        before_share = share(before.get(row["theme_id"], 0), previous_total)
        change = (
            round(now_share - before_share, 1)
            if now_share is not None and before_share is not None
            else None
        )
        rows.append(
            {
                "theme_id": row["theme_id"],
                "name": names.get(row["theme_id"], ""),
                "count": shown_count(row["responses"]),
                "raw_count": row["responses"],
                "suppressed": is_suppressed(row["responses"]),
                "share": now_share,
                "negative_share": share(row["negative"], row["responses"]),
                "previous_share": before_share,
                "change": change,
                "change_text": change_in_points(change),
                "direction": _direction(change),
            }
        )
    rows.sort(key=lambda row: (-row["raw_count"], row["name"]))
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


def _plotted(count):
    return None if is_suppressed(count) else count


def monthly_panel(feedback_filter, rows):
    """Month-by-month counts for the most mentioned themes."""
    top = [row for row in rows if not row["suppressed"]][:TOP_THEMES]
    months = months_between(feedback_filter.start, feedback_filter.end)
    counts = {
        (month_key(row["month"]), row["theme_id"]): row["responses"]
        for row in theme_measures(feedback_filter, ("month", "theme_id"))
        if row["theme_id"] in {t["theme_id"] for t in top}
    }
    table = [
        {
            "label": month_label(month),
            "counts": [shown_count(counts.get((month, t["theme_id"]), 0)) for t in top],
        }
        for month in months
    ]
    series = [(t["name"], [counts.get((month, t["theme_id"]), 0) for month in months]) for t in top]
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
