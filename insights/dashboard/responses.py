"""Panels about responses: headline figures, volume over time, Friends and Family Test
percentages by service and over time, and overall sentiment.

Every count and percentage here passes through `insights.suppression`: the months, the services
and the tones are each a table whose total is shown, so they get secondary suppression too.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insights.changes import change_in_points
from insights.charts import bar_chart, line_chart
from insights.dashboard.sources import response_measures
from insights.periods import month_key, month_label, months_between, period_label
from insights.suppression import (
    partition_shares,
    plural_count,
    share,
    shown_count,
    suppressed_table,
)
from surveys.models import Service


def _rates(row):
    """Good and poor as shares of the answers, where neither they nor the answers that are
    neither good nor poor can be worked out as a small number."""
    parts = {"positive": row["positive"], "negative": row["negative"]}
    shares = partition_shares(row["answered"], parts)
    return shares["positive"], shares["negative"]


def _percent(value):
    return _("not enough answers") if value is None else f"{value:g}%"


def headline(feedback_filter, *, now=None, before=None):
    """Totals for the period and the same figures for the period before it.

    `now` and `before` are the period's `response_measures`, when the caller has them already.
    """
    now = now or response_measures(feedback_filter)
    before = before or response_measures(feedback_filter.previous_period())
    positive, negative = _rates(now)
    previous_positive, previous_negative = _rates(before)
    change = (
        round(positive - previous_positive, 1)
        if positive is not None and previous_positive is not None
        else None
    )
    summary = ngettext(
        "%(count)s response from %(period)s.",
        "%(count)s responses from %(period)s.",
        plural_count(now["responses"]),
    ) % {
        "count": shown_count(now["responses"]),
        "period": period_label(feedback_filter.start, feedback_filter.end),
    }
    if positive is not None:
        summary += " " + _(
            "%(positive)s said their experience was good or very good and %(negative)s "
            "poor or very poor."
        ) % {"positive": _percent(positive), "negative": _percent(negative)}
    if change is not None:
        summary += " " + _("In the period before, %(before)s said good or very good.") % {
            "before": _percent(previous_positive)
        }
    return {
        "responses": shown_count(now["responses"]),
        "previous_responses": shown_count(before["responses"]),
        # No responses at all before: no figure to compare with, rather than "0".
        "has_previous": bool(before["responses"]),
        "positive_share": positive,
        "negative_share": negative,
        "previous_positive_share": previous_positive,
        "previous_negative_share": previous_negative,
        "positive_change": change,
        "positive_change_text": change_in_points(change),
        "satisfied_share": partition_shares(
            now["ascs_answered"], {"satisfied": now["ascs_satisfied"]}
        )["satisfied"],
        "summary": summary,
    }


def monthly(feedback_filter):
    """One row per calendar month in the period, months without responses included.

    The months add up to the period's total, which the headline shows, so a month's count is
    hidden as `suppressed_table` says, and its shares with it.
    """
    found = {month_key(row["month"]): row for row in response_measures(feedback_filter, ("month",))}
    empty = dict.fromkeys(("responses", "answered", "positive", "negative"), 0)
    months = months_between(feedback_filter.start, feedback_filter.end)
    counts = suppressed_table({month: found.get(month, empty)["responses"] for month in months})
    rows = []
    for month in months:
        positive, negative = (
            (None, None) if counts[month].hidden else _rates(found.get(month, empty))
        )
        rows.append(
            {
                "month": month,
                "label": month_label(month),
                "responses": counts[month],
                "positive_share": positive,
                "negative_share": negative,
            }
        )
    return rows


def _volume_summary(rows):
    # Months hidden to protect another are the smallest shown, so the largest shown is the
    # busiest; when none is shown, naming one would say something about the hidden.
    shown = [row for row in rows if not row["responses"].hidden and row["responses"].value]
    if shown:
        busiest = max(shown, key=lambda row: row["responses"].value)
        return _("The most responses came in %(month)s (%(count)s).") % {
            "month": busiest["label"],
            "count": busiest["responses"],
        }
    if any(row["responses"].hidden for row in rows):
        return _("The numbers each month are too small to show.")
    return _("No responses in this period.")


def volume_panel(rows):
    summary = _volume_summary(rows)
    chart = bar_chart(
        "chart-volume",
        _("Responses each month"),
        summary,
        [(row["label"], row["responses"].value, str(row["responses"])) for row in rows],
    )
    return {"rows": rows, "summary": summary, "chart": chart}


def fft_over_time_panel(rows):
    labels = [row["label"] for row in rows]
    summary = _(
        "Each month, the share of people who said good or very good (solid line, circles) "
        "and poor or very poor (dashed line, squares). Months with fewer than 5 answers are "
        "left out."
    )
    chart = line_chart(
        "chart-fft-time",
        _("Good and poor experiences each month (%)"),
        summary,
        labels,
        [
            (_("Good"), [row["positive_share"] for row in rows]),
            (_("Poor"), [row["negative_share"] for row in rows]),
        ],
        max_value=100,
    )
    return {"rows": rows, "summary": summary, "chart": chart}


def fft_by_service_panel(feedback_filter):
    names = dict(Service.objects.values_list("id", "name"))
    found = list(response_measures(feedback_filter, ("service_id",)))
    # The services' answers add up to all the answers: one table.
    answered = suppressed_table({row["service_id"]: row["answered"] for row in found})
    rows = []
    for row in found:
        count = answered[row["service_id"]]
        positive, negative = (None, None) if count.hidden else _rates(row)
        rows.append(
            {
                "service": names.get(row["service_id"], ""),
                "answered": count,
                "positive_share": positive,
                "negative_share": negative,
            }
        )
    rows.sort(key=lambda row: row["service"])
    shown = [row for row in rows if row["positive_share"] is not None]
    best = max(shown, key=lambda row: row["positive_share"], default=None)
    summary = (
        _("%(service)s had the highest share of good or very good answers (%(share)s).")
        % {"service": best["service"], "share": _percent(best["positive_share"])}
        if best
        else _("Not enough answers to compare services.")
    )
    chart = bar_chart(
        "chart-fft-service",
        _("Good or very good, by service (%)"),
        summary,
        [(r["service"], r["positive_share"], _percent(r["positive_share"])) for r in rows],
        max_value=100,
    )
    return {"rows": rows, "summary": summary, "chart": chart}


def sentiment_panel(feedback_filter, *, totals=None):
    totals = totals or response_measures(feedback_filter)
    labels = {
        "positive": _("Positive"),
        "neutral": _("Mixed or neutral"),
        "negative": _("Negative"),
    }
    found = {name: totals[f"sentiment_{name}"] for name in labels}
    analysed = sum(found.values())
    counts = suppressed_table(found)  # the tones add up to the total in the summary
    rows = [
        {
            "label": label,
            "count": counts[name],
            "share": None if counts[name].hidden else share(found[name], analysed),
        }
        for name, label in labels.items()
    ]
    summary = ngettext(
        "The tone of %(count)s response with comments, read by the themes engine.",
        "The tone of %(count)s responses with comments, read by the themes engine.",
        plural_count(analysed),
    ) % {"count": shown_count(analysed)}
    chart = bar_chart(
        "chart-sentiment",
        _("Tone of comments (%)"),
        summary,
        [(row["label"], row["share"], _percent(row["share"])) for row in rows],
        max_value=100,
        hatched={labels["negative"]},
    )
    return {"rows": rows, "summary": summary, "chart": chart}
