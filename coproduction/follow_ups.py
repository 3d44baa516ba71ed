"""'Is it better now?': residents' anonymous follow-up answers to 'You said, we did' entries.

`follow_up_submit` is the one way a FollowUp is stored. It keeps the survey's anonymity rules
(no IP address, user agent or time of day; one row per submission token) and sends the comment
through the themes engine's tagger, redaction and safeguarding checks, as a survey comment is.
Counts leave here raw: pages show them only through insights' suppression layer (the
`follow_up_summary` template tag).
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduction.models import Action, FollowUp, FollowUpAnswer
from surveys.retention import months_before
from surveys.submission import clean_text
from themes.engine import current_tagger
from themes.models import SafeguardingFlag, Theme

logger = logging.getLogger(__name__)


def follow_up_submit(*, action, answer, submission_token, comment="", given_on=None):
    """Store one answer exactly once per token. Returns (follow_up, created)."""
    if not Action.objects.you_said_we_did().filter(pk=action.pk).exists():
        raise ValidationError(_("This change is not published, so it can't be answered."))
    found = FollowUp.objects.filter(submission_token=submission_token).first()
    if found is not None:
        return found, False
    follow_up = FollowUp(
        action=action,
        answer=answer,
        comment=clean_text(comment or ""),
        given_on=given_on or timezone.localdate(),
        submission_token=submission_token,
    )
    follow_up.full_clean()
    try:
        with transaction.atomic():
            follow_up.save()
            if follow_up.comment:
                _analyse(follow_up)
    except IntegrityError:  # the same token, sent twice at once: the other request stored it
        return FollowUp.objects.get(submission_token=submission_token), False
    return follow_up, True


def _analyse(follow_up):
    """The survey comments' tagger: themes, a redacted copy, safeguarding categories."""
    analysis = current_tagger().analyse(follow_up.comment)
    follow_up.redacted_comment = analysis.redacted_text
    follow_up.safeguarding_categories = sorted({flag.category for flag in analysis.safeguarding})
    if follow_up.safeguarding_categories:  # into the safeguarding queue, due as a survey's flag
        follow_up.safeguarding_due_on = SafeguardingFlag.due_from(follow_up.given_on)
    follow_up.save(
        update_fields=["redacted_comment", "safeguarding_categories", "safeguarding_due_on"]
    )
    keys = {tag.theme_key for tag in analysis.tags}
    follow_up.themes.set(Theme.objects.filter(key__in=keys, is_active=True))
    if follow_up.is_flagged:
        from coproduction.notifications import follow_up_flagged  # emails import selectors

        transaction.on_commit(lambda: follow_up_flagged(follow_up))


def follow_up_tallies(actions, *, start=None, end=None):
    """{action pk: {"better": n, "same": n, "worse": n}} for these actions, in one query,
    optionally for answers given between two days. Raw counts: show them only suppressed."""
    pks = [getattr(action, "pk", action) for action in actions]
    tallies = {pk: dict.fromkeys(FollowUpAnswer.values, 0) for pk in pks}
    rows = FollowUp.objects.filter(action_id__in=pks)
    if start:
        rows = rows.filter(given_on__gte=start)
    if end:
        rows = rows.filter(given_on__lte=end)
    for row in rows.values("action_id", "answer").annotate(n=Count("pk")).order_by():
        tallies[row["action_id"]][row["answer"]] = row["n"]
    return tallies


def follow_up_comments_expire(*, today):
    """Retention: follow-up comments keep their text as long as survey comments do, then lose
    it (the redacted copy too); the answer and its themes stay. Returns {what: count}."""
    cutoff = months_before(today, settings.RETENTION_FREE_TEXT_MONTHS)
    old = FollowUp.objects.filter(given_on__lt=cutoff, text_removed_on__isnull=True).exclude(
        comment=""
    )
    removed = old.update(comment="", redacted_comment="", text_removed_on=today)
    return {"follow_up_comments_removed": removed}


def expire_follow_up_comments(sender, *, today, **kwargs):
    """Receiver for surveys' `retention_due`, so `apply_retention` covers follow-ups too."""
    return follow_up_comments_expire(today=today)
