"""How a theme moved after a board changed something: a line chart of responses each month,
with a dashed line at the month of the change, its words and the table of the same numbers."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insights.charts.lines import line_chart
from insights.periods import month_label


def trend_panel(chart_id, trend):
    """`trend` is what `insights.selectors.theme_mentions_around` returns (not None)."""
    months, changed = trend["months"], trend["changed"]
    labels = [month_label(month) for month in months]
    title = ngettext(
        "Responses each month mentioning this theme",
        "Responses each month mentioning these themes",
        len(trend["themes"]),
    )
    summary = _(
        "From %(start)s to %(end)s. The dashed line marks %(month)s, when the change was made. "
        "A month with fewer than 5 responses has no point, and the line breaks there."
    ) % {"start": labels[0], "end": labels[-1], "month": month_label(changed)}
    chart = line_chart(
        chart_id,
        title,
        summary,
        labels,
        [(theme.name, [count.value for count in counts]) for theme, counts in trend["themes"]],
        mark=(months.index(changed), _("Change made")),
    )
    rows = [
        {
            "label": label,
            "when": _("Before the change") if month < changed else _("Since the change"),
            "counts": [counts[index] for _theme, counts in trend["themes"]],
        }
        for index, (month, label) in enumerate(zip(months, labels, strict=True))
    ]
    themes = [theme for theme, _counts in trend["themes"]]
    return {"id": chart_id, "chart": chart, "summary": summary, "themes": themes, "rows": rows}
