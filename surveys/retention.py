"""Retention: how long each kind of feedback data is kept, applied by `manage.py apply_retention`.

Periods come from settings (see `feedback_site/settings/base.py`):

- `RETENTION_FREE_TEXT_MONTHS`: comments older than this keep only their redacted form
  (`RETENTION_FREE_TEXT_REDACT`, by the `redact_comment_text` hook) or lose their text entirely.
  Either way `text_removed_on` records the day, so a comment is never processed twice.
- `RETENTION_CONTACT_DAYS_AFTER_CLOSE`: closed contact requests are deleted this long after closing.
- `RETENTION_OPEN_CONTACT_MONTHS`: contact requests never closed are deleted after this long.
- `RETENTION_CLOSED_RECEIPT_MONTHS`: a closed receipt (the keyed hash of a withdrawn or deleted
  feedback's code, kept so its page can say why) is deleted this long after it closed.
- `RETENTION_RESPONSE_YEARS`: optional; whole responses older than this are deleted. `None` keeps
  the anonymous answers for trend reporting.

Other apps' copies of a comment's text (the themes engine's redacted text and evidence) are
cleared through the `comments_text_removed` signal, for every comment whose text is gone: so a
restored backup or a comment handled before a receiver existed is caught up on the next run.
Other apps' own rules (the insights exports' stored files) run through `retention_due`.

Everything runs in one transaction and is idempotent, so it is safe to run every day.
"""

import calendar
import logging
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from surveys.imports import pending_files_delete_expired
from surveys.models import ClosedReceipt, ContactRequest, FreeTextAnswer, Response
from surveys.models.receipts import receipt_digest
from surveys.selectors import comment_redacted
from surveys.signals import comments_text_removed, retention_due

logger = logging.getLogger(__name__)


@dataclass
class RetentionReport:
    """What one run did (or, in a dry run, would do)."""

    comments_redacted: int = 0
    comments_removed: int = 0
    comments_redacted_again: int = 0
    text_copies_cleared: int = 0
    closed_contacts_deleted: int = 0
    open_contacts_deleted: int = 0
    responses_deleted: int = 0
    closed_receipts_deleted: int = 0
    elsewhere: dict = field(default_factory=dict)  # other apps' rules: {what: count}

    def as_dict(self):
        counts = asdict(self)
        return counts | counts.pop("elsewhere")


def months_before(day, months):
    """The same day of the month `months` earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


@dataclass(frozen=True)
class RetentionCutoffs:
    """The last day that is still kept, for each rule (None: the rule is off)."""

    free_text: date
    closed_contact: date
    open_contact: date
    response: date | None
    closed_receipt: date

    @classmethod
    def from_settings(cls, today):
        years = settings.RETENTION_RESPONSE_YEARS
        return cls(
            free_text=months_before(today, settings.RETENTION_FREE_TEXT_MONTHS),
            closed_contact=today - timedelta(days=settings.RETENTION_CONTACT_DAYS_AFTER_CLOSE),
            open_contact=months_before(today, settings.RETENTION_OPEN_CONTACT_MONTHS),
            response=months_before(today, 12 * years) if years else None,
            closed_receipt=months_before(today, settings.RETENTION_CLOSED_RECEIPT_MONTHS),
        )


def retention_apply(*, dry_run=False, today=None):
    """Apply every retention rule once. Returns a RetentionReport with the counts.

    A dry run does the same work inside the transaction and then rolls it back.
    """
    today = today or timezone.localdate()
    cutoffs = RetentionCutoffs.from_settings(today)
    report = RetentionReport()
    with transaction.atomic():
        _delete_old_responses(cutoffs, report, today)
        _delete_contact_requests(cutoffs, report)
        _forget_closed_receipts(cutoffs, report)
        _redact_earlier_redactions_again(report)
        _remove_old_comment_text(cutoffs, report, today)
        _clear_copies_of_removed_text(report)
        for _receiver, done in retention_due.send(sender=RetentionReport, today=today):
            report.elsewhere |= done or {}
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run:
        # Files, not rows: outside the transaction. Import files nobody confirmed go too, even
        # if nobody opens the import page again (which also clears them).
        pending_files_delete_expired()
        logger.info("Retention applied", extra={"task": "apply_retention", **report.as_dict()})
    return report


def _delete_old_responses(cutoffs, report, today):
    if cutoffs.response is None:
        return
    old = Response.objects.filter(submitted_on__lt=cutoffs.response)
    # Contact details go with their response, never left behind without it.
    ContactRequest.objects.filter(response__in=old).delete()
    _close_receipts(old, today)
    report.responses_deleted = old.delete()[1].get(Response._meta.label, 0)


def _close_receipts(responses, today):
    """Their receipt pages then say the feedback was deleted at the end of its keeping period."""
    ClosedReceipt.objects.bulk_create(
        [
            ClosedReceipt(
                code_digest=receipt_digest(code),
                reason=ClosedReceipt.Reason.RETENTION,
                closed_on=today,
            )
            for code in responses.values_list("receipt_code", flat=True).iterator()
        ],
        ignore_conflicts=True,
    )


def _forget_closed_receipts(cutoffs, report):
    """After its period a receipt code is simply unknown again ("we could not find feedback")."""
    old = ClosedReceipt.objects.filter(closed_on__lt=cutoffs.closed_receipt)
    report.closed_receipts_deleted = old.delete()[0]


def _delete_contact_requests(cutoffs, report):
    closed = ContactRequest.objects.filter(
        status=ContactRequest.Status.CLOSED, closed_on__lt=cutoffs.closed_contact
    )
    never_closed = ContactRequest.objects.filter(
        status=ContactRequest.Status.OPEN, created_on__lt=cutoffs.open_contact
    )
    report.closed_contacts_deleted = closed.delete()[0]
    report.open_contacts_deleted = never_closed.delete()[0]


def _remove_old_comment_text(cutoffs, report, today):
    redact = _redactor()
    old = FreeTextAnswer.objects.filter(
        text_removed_on__isnull=True, response__submitted_on__lt=cutoffs.free_text
    ).only("id", "text")
    changed = []
    for comment in old.iterator(chunk_size=500):
        comment.text = redact(comment.text) if redact else ""
        comment.text_removed_on = today
        changed.append(comment)
    FreeTextAnswer.objects.bulk_update(changed, ["text", "text_removed_on"], batch_size=500)
    if redact:
        report.comments_redacted = len(changed)
    else:
        report.comments_removed = len(changed)


def _redact_earlier_redactions_again(report):
    """Text an earlier, weaker redactor kept may still hold what it missed: today's redactor
    goes over it again, so the only text kept is text today's engine has redacted. Redacting
    redacted text again changes nothing, so this counts only real improvements."""
    redact = _redactor()
    if redact is None:
        return
    earlier = (
        FreeTextAnswer.objects.filter(text_removed_on__isnull=False).exclude(text="").only("text")
    )
    changed = []
    for comment in earlier.iterator(chunk_size=500):
        redacted = redact(comment.text)
        if redacted != comment.text:
            comment.text = redacted
            changed.append(comment)
    FreeTextAnswer.objects.bulk_update(changed, ["text"], batch_size=500)
    report.comments_redacted_again = len(changed)


def _clear_copies_of_removed_text(report):
    removed = FreeTextAnswer.objects.filter(text_removed_on__isnull=False)
    replies = comments_text_removed.send(sender=FreeTextAnswer, comments=removed)
    report.text_copies_cleared = sum(count or 0 for _receiver, count in replies)


def _redactor():
    return comment_redacted if settings.RETENTION_FREE_TEXT_REDACT else None
