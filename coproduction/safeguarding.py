"""Flagged 'Is it better now?' comments in the safeguarding queue.

The queue belongs to the themes app, which sits below this one: it collects these through the
`safeguarding_queue_items` and `safeguarding_open_count` hooks (coproduction/wagtail_hooks.py).
A safeguarding lead reads the comment as typed and records an outcome, as for a survey comment's
flag, and the audit log records both.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coproduction.models import FollowUp
from themes.choices import safeguarding_category_label
from themes.models import SafeguardingFlag
from themes.selectors import QueueItem

REVIEW_PERMISSION = "themes.review_safeguardingflag"


def flagged_follow_ups():
    return FollowUp.objects.filter(safeguarding_due_on__isnull=False).select_related(
        "action", "safeguarding_outcome_by"
    )


def follow_up_queue_items():
    """The queue's rows for flagged follow-up comments."""
    return [
        QueueItem(
            due_on=follow_up.safeguarding_due_on,
            is_open=follow_up.safeguarding_is_open,
            is_overdue=follow_up.safeguarding_is_overdue,
            where=_("'Is it better now?' on: %(change)s") % {"change": follow_up.action.title},
            category_labels=[
                safeguarding_category_label(code) for code in follow_up.safeguarding_categories
            ],
            outcome_label=follow_up.get_safeguarding_outcome_display(),
            outcome_by=follow_up.safeguarding_outcome_by,
            outcome_at=follow_up.safeguarding_outcome_on,
            url=reverse("coproduction_safeguarding:follow-up", args=[follow_up.pk]),
        )
        for follow_up in flagged_follow_ups()
    ]


def follow_up_open_count():
    return flagged_follow_ups().filter(safeguarding_outcome="").count()


def follow_up_flag_open(*, follow_up, user):
    """A safeguarding lead reads the follow-up comment as typed: the audit log records it."""
    if not user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    log(instance=follow_up.action, action="coproduction.follow_up.view_unredacted", user=user)
    return follow_up


def follow_up_outcome_record(*, follow_up, outcome, notes, user):
    """The safeguarding lead's decision on a flagged follow-up comment, with who and when."""
    if not user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    if not follow_up.is_flagged:
        raise ValidationError(_("This answer was not flagged."))
    if not outcome or outcome not in SafeguardingFlag.Outcome.values:
        raise ValidationError(_("Choose an outcome."))
    follow_up.safeguarding_outcome = outcome
    follow_up.safeguarding_outcome_notes = notes
    follow_up.safeguarding_outcome_by = user
    follow_up.safeguarding_outcome_on = timezone.localdate()
    follow_up.save(
        update_fields=[
            "safeguarding_outcome",
            "safeguarding_outcome_notes",
            "safeguarding_outcome_by",
            "safeguarding_outcome_on",
        ]
    )
    log(
        instance=follow_up.action,
        action="coproduction.follow_up.safeguarding_outcome",
        user=user,
        data={"follow_up": follow_up.pk, "outcome": outcome},
    )
    return follow_up
