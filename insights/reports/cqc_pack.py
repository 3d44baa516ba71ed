"""The CQC evidence pack: feedback and board actions grouped by the CQC local authority
assessment framework's themes and quality statements, with counts, trend and quotes.

Small numbers are suppressed as on the dashboard, safeguarding flags too; a selection of fewer
than 5 responses has no sections, only `too_small` to say why.
"""

from coproduction.models import Action
from insights.dashboard.sources import response_measures
from insights.dashboard.themes import theme_movement
from insights.reports.charts import report_charts
from insights.summaries import quotes_add
from insights.suppression import NOT_SHOWN_NOTE, TOO_SMALL, shown_count, suppressed_table, too_small
from themes.choices import QUALITY_STATEMENT_THEME, CqcQualityStatement, CqcTheme
from themes.models import Theme
from themes.selectors import safeguarding_counts_for_responses

QUOTES_PER_THEME = 2


def _actions_by_theme(theme_ids):
    actions = {}
    for action in Action.objects.filter(themes__in=theme_ids).prefetch_related("themes").distinct():
        for theme in action.themes.all():
            actions.setdefault(theme.pk, []).append(action)
    return actions


def _statement(code, rows, actions, quoted_under):
    """One quality statement's themes. A theme under several statements has its quotes under
    the first only (`quoted_under`: theme id → code), so no quote repeats in the pack."""
    themes = []
    for row in rows:
        if code in row["statements"]:
            first = quoted_under.setdefault(row["theme_id"], code) == code
            themes.append(row if first else dict(row, quotes=[]))
    statement_actions = {a.pk: a for row in themes for a in actions.get(row["theme_id"], [])}
    return {
        "code": code,
        "label": CqcQualityStatement(code).label,
        "themes": themes,
        # Of the counts shown only: with a hidden one in, the sum would give it away.
        "mentions": shown_count(sum(row["count"].value or 0 for row in themes)),
        "actions": sorted(statement_actions.values(), key=lambda a: (a.status, a.pk)),
    }


def _flag_counts(counts):
    """Safeguarding flags, hidden as any count of people: the outcomes add up to the total, and
    categories (a flag may have several) are held to the same rule."""

    def table(pairs):
        shown = suppressed_table(dict(enumerate(count for _label, count in pairs)))
        return [(label, shown[index]) for index, (label, _count) in enumerate(pairs)]

    return {
        "total": shown_count(counts["total"]),
        "by_category": table(counts["by_category"]),
        "by_outcome": table(counts["by_outcome"]),
    }


def cqc_pack_build(feedback_filter):
    """{cqc theme: [quality statements with their feedback themes and actions]}; the
    Safeguarding statement also counts safeguarding flags by category and outcome."""
    total = response_measures(feedback_filter)["responses"]
    if too_small(total):
        nothing = {"total": shown_count(0), "by_category": [], "by_outcome": []}
        pack = {"filter": feedback_filter, "sections": [], "safeguarding": nothing}
        return pack | {"too_small": TOO_SMALL, "not_shown_note": NOT_SHOWN_NOTE}
    safeguarding = _flag_counts(safeguarding_counts_for_responses(feedback_filter.responses()))
    statements = dict(Theme.objects.values_list("pk", "cqc_quality_statements"))
    rows = theme_movement(feedback_filter, total=total)
    for row in rows:
        row["statements"] = statements.get(row["theme_id"], [])
    actions = _actions_by_theme([row["theme_id"] for row in rows])
    quotes_add(feedback_filter, rows, limit=QUOTES_PER_THEME)  # no sentence under two themes
    sections, quoted_under = [], {}
    for cqc_theme in CqcTheme:
        codes = [code for code, parent in QUALITY_STATEMENT_THEME.items() if parent == cqc_theme]
        sections.append(
            {
                "label": cqc_theme.label,
                "statements": [_statement(c, rows, actions, quoted_under) for c in codes],
            }
        )
        for statement in sections[-1]["statements"]:
            if statement["code"] == CqcQualityStatement.SAFEGUARDING:
                statement["safeguarding"] = safeguarding
    return {
        "filter": feedback_filter,
        "sections": sections,
        "charts": report_charts(feedback_filter, rows),
        "safeguarding": safeguarding,
        "too_small": None,
        "not_shown_note": NOT_SHOWN_NOTE,
    }
