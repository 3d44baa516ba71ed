"""'Is it better now?' answers as pages may show them: every count through the suppression
layer, for the public entry, the board's action page, the dashboard and the Local Account."""

from dataclasses import dataclass

from coproduction.follow_ups import follow_up_tallies
from coproduction.models import Action
from insights.suppression import SuppressedCount, shown_count, suppressed_table, too_small


@dataclass(frozen=True)
class FollowUpShown:
    total: SuppressedCount
    better: SuppressedCount | None = None
    same: SuppressedCount | None = None
    worse: SuppressedCount | None = None

    @property
    def broken_down(self):
        """Fewer than 5 answers are not broken down at all: only "fewer than 5" is said."""
        return self.better is not None


def follow_up_shown(tally):
    """A {"better": n, "same": n, "worse": n} tally, suppressed. The total is shown with the
    parts, so a small part is protected against the total and the others too."""
    total = sum(tally.values())
    if not total or too_small(total):
        return FollowUpShown(shown_count(total))
    parts = suppressed_table(tally)
    return FollowUpShown(shown_count(total), parts["better"], parts["same"], parts["worse"])


def follow_up_rows(feedback_filter):
    """One row per 'You said, we did' entry (for the filter's service) that residents answered
    in the filter's period, with what they said: for the dashboard's closing-the-loop panel and
    the Local Account. Follow-ups are not survey responses, so no response count includes them."""
    entries = Action.objects.you_said_we_did().select_related("service").order_by("-completed_on")
    if feedback_filter.service_id:
        entries = entries.filter(service_id=feedback_filter.service_id)
    entries = list(entries.filter(completed_on__lte=feedback_filter.end))
    tallies = follow_up_tallies(entries, start=feedback_filter.start, end=feedback_filter.end)
    return [
        {"entry": entry, "answers": follow_up_shown(tallies[entry.pk])}
        for entry in entries
        if any(tallies[entry.pk].values())
    ]
