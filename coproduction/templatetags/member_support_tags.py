from django import template

from coproduction import rules, selectors
from coproduction.models import AccessNeeds

register = template.Library()

# Each need, and the meeting's arrangement that meets it (None: nothing to tick on a meeting).
ARRANGED_BY = {
    "bsl_interpreter": "bsl_interpreter",
    "easy_read_papers": "easy_read_agenda",
    "large_print": None,
    "hearing_loop": "hearing_loop",
    "step_free_access": "step_free_access",
    "regular_breaks": None,
}


@register.simple_tag(takes_context=True)
def attendee_needs(context, meeting):
    """`{% attendee_needs meeting as needs %}`: for the officers who arrange `meeting` (the
    board's officers, `rules.can_see_member_support`), what its attendees need, each need
    counted and marked if the meeting hasn't arranged it; None for everyone else."""
    if not rules.can_see_member_support(context["request"].user, meeting.board):
        return None
    people, whole_board = selectors.attendee_needs(meeting=meeting)
    return {
        "people": [{"needs": n, "labels": _labels(n.needs())} for n in people],
        "counts": _counts(meeting, people),
        "whole_board": whole_board,
    }


def _label(name):
    return AccessNeeds._meta.get_field(name).verbose_name


def _labels(names):
    return [_label(name) for name in names]


def _counts(meeting, people):
    counts = []
    for name, arrangement in ARRANGED_BY.items():
        count = sum(name in n.needs() for n in people)
        if count:
            missing = arrangement is not None and not getattr(meeting, arrangement)
            counts.append({"label": _label(name), "count": count, "not_arranged": missing})
    return counts
