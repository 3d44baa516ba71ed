"""Closing the loop, per service: did negative themes lead to a board action, were those
actions done, and how long did each step take?"""

from statistics import median

from django.db.models.functions import Coalesce, TruncDate

from coproduction.choices import ActionStatus
from coproduction.models import Action
from insights.dashboard.sources import theme_measures
from surveys.models import Service


def _negative_themes(feedback_filter):
    """{(service_id, theme_id): first day with a negative mention} in the period."""
    rows = theme_measures(feedback_filter, ("service_id", "theme_id"), first_negative=True)
    return {
        (row["service_id"], row["theme_id"]): row["first_negative_on"]
        for row in rows
        if row["negative"]
    }


def _actions(feedback_filter, theme_ids):
    # Raised on its meeting's day: rows seeded or imported today for old meetings keep it.
    raised_on = Coalesce(TruncDate("meeting__starts_at"), TruncDate("created_at"))
    return list(
        Action.objects.filter(themes__in=theme_ids)
        .annotate(raised_on=raised_on)
        .filter(raised_on__gte=feedback_filter.start)
        .values("id", "service_id", "themes", "status", "raised_on", "completed_on")
        .order_by("raised_on", "id")
    )


def _matches(actions, service_id, theme_id):
    return [a for a in actions if a["themes"] == theme_id and a["service_id"] in (service_id, None)]


def _percent(part, whole):
    """Counts of themes and actions identify nobody, so these shares are not suppressed."""
    return round(100 * part / whole, 1) if whole else None


def _median_days(values):
    return round(median(values)) if values else None


def closing_the_loop(feedback_filter):
    """One row per service with negative themes in the period, in service order."""
    negative = _negative_themes(feedback_filter)
    actions = _actions(feedback_filter, {theme_id for _s, theme_id in negative})
    names = dict(Service.objects.filter(pk__in={s for s, _t in negative}).values_list("id", "name"))
    per_service = {}
    for (service_id, theme_id), first_day in negative.items():
        entry = per_service.setdefault(
            service_id, {"themes": 0, "acted": 0, "actions": {}, "to_action": []}
        )
        entry["themes"] += 1
        matched = _matches(actions, service_id, theme_id)
        if matched:
            entry["acted"] += 1
            entry["to_action"].append(max((matched[0]["raised_on"] - first_day).days, 0))
            entry["actions"].update({a["id"]: a for a in matched})
    return sorted((_row(names[s], e) for s, e in per_service.items()), key=lambda r: r["service"])


def _row(service, entry):
    actions = entry["actions"].values()
    done = [a for a in actions if a["status"] == ActionStatus.DONE]
    to_outcome = [(a["completed_on"] - a["raised_on"]).days for a in done if a["completed_on"]]
    return {
        "service": service,
        "negative_themes": entry["themes"],
        "themes_with_action": entry["acted"],
        "action_share": _percent(entry["acted"], entry["themes"]),
        "actions": len(actions),
        "actions_done": len(done),
        "done_share": _percent(len(done), len(actions)),
        "days_to_action": _median_days(entry["to_action"]),
        "days_to_outcome": _median_days([max(d, 0) for d in to_outcome]),
    }
