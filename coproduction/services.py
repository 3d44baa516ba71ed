"""Every change of state in co-production goes through one of these functions.

Each checks the rule (coproduction/rules.py), validates, saves in a transaction and writes an
entry to Wagtail's audit log. Views, the admin, imports, the demo and tests all call them.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coproduction import minutes_versions, notifications, rules, selectors
from coproduction.choices import (
    ActionStatus,
    BoardRole,
    MinutesStatus,
    PaymentStatus,
    ThemeDecision,
)
from coproduction.models import (
    Action,
    ActionProgressNote,
    InvolvementPayment,
    Minutes,
    MinutesComment,
    MinutesSendBack,
    ThemeReviewDecision,
)
from core import roles
from themes.models import PhraseDecision
from themes.services import phrase_decision_record, phrase_merge_into, theme_from_phrase


def role_group_name(board_role):
    """Officers join the Officers group; everyone else on a board joins Board members."""
    return roles.OFFICERS if board_role == BoardRole.OFFICER else roles.BOARD_MEMBERS


def membership_groups_sync(*, user):
    """Bring a person's role groups in line with their active board seats, after any seat is
    added, changed, ended or removed. Board members is taken away when no active seat needs
    it; Officers never is, because administrators also give it to staff who sit on no board."""
    seats = user.board_memberships.filter(left_on__isnull=True)
    needed = {role_group_name(role) for role in seats.values_list("role", flat=True)}
    held = set(user.groups.values_list("name", flat=True))
    missing = [Group.objects.get_or_create(name=name)[0] for name in sorted(needed - held)]
    if missing:
        user.groups.add(*missing)
    if roles.BOARD_MEMBERS in held - needed:
        user.groups.remove(Group.objects.get(name=roles.BOARD_MEMBERS))


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def minutes_circulate(*, minutes, by):
    """Draft → circulated: members are emailed to read and comment."""
    _require(rules.can_circulate_minutes(by, minutes), "Only a draft can be circulated.")
    with transaction.atomic():
        minutes.status = MinutesStatus.CIRCULATED
        minutes.circulated_at = timezone.now()
        minutes.save(update_fields=["status", "circulated_at"])
        log(minutes, "coproduction.minutes.circulate", user=by)
    notifications.minutes_circulated(minutes)
    return minutes


def minutes_comment_add(*, minutes, author, body):
    _require(
        rules.can_comment_on_minutes(author, minutes), "These minutes are not open for comment."
    )
    comment = MinutesComment(
        minutes=minutes, author=author, body=body.strip(), version=minutes.version
    )
    comment.full_clean()
    with transaction.atomic():
        comment.save()
        log(minutes, "coproduction.minutes.comment", user=author, data={"comment": comment.pk})
    return comment


def _open_comments(minutes):
    return minutes.comments.filter(
        version=minutes.version, sent_back__isnull=True, approved_in__isnull=True
    )


def minutes_approve(*, minutes, by):
    """Circulated → approved, by the board's chair or co-chair. What they approved is frozen as
    a version, and the comments on it are marked as approved in that version."""
    minutes.refresh_from_db()  # what is frozen is what is saved, never a stale copy
    _require(
        rules.can_approve_minutes(by, minutes), "Only the chair can approve circulated minutes."
    )
    with transaction.atomic():
        minutes.status = MinutesStatus.APPROVED
        minutes.approved_at = timezone.now()
        minutes.approved_by = by
        minutes.save(update_fields=["status", "approved_at", "approved_by"])
        version = minutes_versions.version_freeze(minutes)
        _open_comments(minutes).update(approved_in=version)
        log(minutes, "coproduction.minutes.approve", user=by, data={"version": version.number})
    return minutes


def minutes_publish(*, minutes, by):
    """Approved → published: this version replaces any earlier one on the public site."""
    _require(rules.can_publish_minutes(by, minutes), "Only approved minutes can be published.")
    with transaction.atomic():
        minutes.status = MinutesStatus.PUBLISHED
        minutes.published_at = timezone.now()
        minutes.save(update_fields=["status", "published_at"])
        minutes.versions.filter(number=minutes.version).update(published_at=minutes.published_at)
        log(minutes, "coproduction.minutes.publish", user=by, data={"version": minutes.version})
    return minutes


def minutes_send_back(*, minutes, by, note):
    """Circulated → draft again, with a note saying what must change. The comments on this
    draft are marked as answered by it, so their authors can see what happened."""
    _require(rules.can_send_back_minutes(by, minutes), "Only circulated minutes can be sent back.")
    send_back = MinutesSendBack(minutes=minutes, version=minutes.version, note=note.strip())
    if not send_back.note:
        raise ValidationError({"note": _("Say what needs to change.")})
    send_back.sent_by = by
    send_back.full_clean()
    with transaction.atomic():
        send_back.save()
        _open_comments(minutes).update(sent_back=send_back)
        minutes.status = MinutesStatus.DRAFT
        minutes.circulated_at = None
        minutes.save(update_fields=["status", "circulated_at"])
        log(minutes, "coproduction.minutes.send_back", user=by, data={"note": send_back.note})
    return send_back


def minutes_correct(*, minutes, by, reason):
    """Start a correction of approved or published minutes: a new draft version that goes
    round circulate → approve → publish again. Until it is published the public page keeps the
    version it has, and every version stays readable to members."""
    _require(rules.can_correct_minutes(by, minutes), "Only approved minutes can be corrected.")
    if not reason.strip():
        raise ValidationError({"reason": _("Say what needs correcting.")})
    with transaction.atomic():
        minutes.version += 1
        minutes.change_note = reason.strip()
        minutes.status = MinutesStatus.DRAFT
        minutes.circulated_at = minutes.approved_at = minutes.published_at = None
        minutes.approved_by = None
        minutes.save(
            update_fields=[
                *("version", "change_note", "status", "circulated_at", "approved_at"),
                *("approved_by", "published_at"),
            ]
        )
        log(minutes, "coproduction.minutes.correct", user=by, data={"version": minutes.version})
    return minutes


class MinutesLocked(PermissionDenied):
    pass


def minutes_assert_editable(*, minutes):
    """Refuse to change or delete minutes once circulated: members have read them and the chair
    may have approved them. The admin's edit and delete actions, its form and imports ask."""
    saved = Minutes.objects.filter(pk=minutes.pk) if minutes.pk else Minutes.objects.none()
    if saved.exclude(status=MinutesStatus.DRAFT).exists():
        raise MinutesLocked(
            _(
                "These minutes can no longer be changed: they have been circulated or approved. "
                "To change approved minutes, start a correction from the minutes page; to change "
                "circulated ones, send them back to draft."
            )
        )


def action_update_status(*, action, status, by, note=""):
    """Move an action between open and in progress, with an optional progress note."""
    _require(rules.can_update_action(by, action), "You cannot update actions.")
    if status not in {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}:
        raise ValidationError(_("Use 'close' or 'drop' to finish an action."))
    with transaction.atomic():
        action.status = status
        action.save(update_fields=["status"])
        if note.strip():
            ActionProgressNote.objects.create(action=action, note=note.strip(), author=by)
        log(action, "wagtail.edit", user=by)
    return action


def action_close(*, action, by, we_did="", you_said="", on=None):
    """Mark an action done, recording what changed ('we did') for 'You said, we did'."""
    _require(rules.can_update_action(by, action), "You cannot update actions.")
    with transaction.atomic():
        action.status = ActionStatus.DONE
        action.completed_on = on or timezone.localdate()
        action.we_did = we_did.strip() or action.we_did
        action.you_said = you_said.strip() or action.you_said
        action.save(update_fields=["status", "completed_on", "we_did", "you_said"])
        log(action, "coproduction.action.close", user=by)
        transaction.on_commit(lambda: notifications.residents_told_done(action, "done"))
    return action


def action_drop(*, action, by, reason):
    """Stop an action, saying why. The reason is required."""
    _require(rules.can_update_action(by, action), "You cannot update actions.")
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the action is being dropped.")})
    with transaction.atomic():
        action.status = ActionStatus.DROPPED
        action.dropped_reason = reason.strip()
        action.save(update_fields=["status", "dropped_reason"])
        log(action, "coproduction.action.drop", user=by)
    return action


def action_publish(*, action, by):
    """Publish a done action's 'You said, we did' to the public page."""
    _require(rules.can_publish_you_said_we_did(by, action), "Only done actions can be published.")
    if not (action.you_said.strip() and action.we_did.strip()):
        raise ValidationError(_("Write both 'you said' and 'we did' before publishing."))
    with transaction.atomic():
        action.published_at = timezone.now()
        action.save(update_fields=["published_at"])
        log(action, "wagtail.publish", user=by)
        transaction.on_commit(lambda: notifications.residents_told_done(action, "published"))
    return action


def theme_review_record(
    *, meeting, suggested_phrase, decision, by, new_name="", theme=None, reason=""
):
    """Record what the meeting decided about a suggested theme (accept, rename, merge, reject).
    Everything is checked before anything is written: a failed rename leaves no theme behind."""
    _require(rules.can_review_themes(by, meeting.board), "You cannot record theme decisions.")
    record = ThemeReviewDecision(
        meeting=meeting,
        suggested_phrase=suggested_phrase.strip(),
        decision=decision,
        new_name=new_name.strip(),
        theme=theme,
        reason=reason.strip(),
        decided_by=by,
    )
    _validate_decision(record)
    record.full_clean(exclude=["theme"])
    with transaction.atomic():
        if decision in {ThemeDecision.ACCEPT, ThemeDecision.RENAME} and record.theme is None:
            record.theme = theme_from_phrase(
                name=record.new_name or record.suggested_phrase,
                phrase=record.suggested_phrase,
                by=by,
            )
        if decision == ThemeDecision.MERGE:
            phrase_merge_into(phrase=record.suggested_phrase, into=record.theme, by=by)
        else:
            phrase_decision_record(
                phrase=record.suggested_phrase,
                outcome=PHRASE_OUTCOMES[decision],
                theme=record.theme,
            )
        record.save()
        log(
            meeting,
            "coproduction.theme.decide",
            user=by,
            data={
                "decision": record.pk,
                "phrase": record.suggested_phrase,
                "outcome": record.decision,
                "theme": record.theme_id,
            },
        )
    return record


PHRASE_OUTCOMES = {
    ThemeDecision.ACCEPT: PhraseDecision.Outcome.ACCEPTED,
    ThemeDecision.RENAME: PhraseDecision.Outcome.ACCEPTED,
    ThemeDecision.REJECT: PhraseDecision.Outcome.REJECTED,
}


def _validate_decision(record):
    if not record.suggested_phrase:
        raise ValidationError({"suggested_phrase": _("Give the phrase the board discussed.")})
    if record.decision == ThemeDecision.RENAME and not record.new_name:
        raise ValidationError({"new_name": _("Give the theme its new name.")})
    if record.decision == ThemeDecision.MERGE and record.theme is None:
        raise ValidationError({"theme": _("Choose the theme to merge it into.")})


def theme_adopt(
    *,
    board,
    theme,
    by,
    owner="",
    owner_email="",
    meeting=None,
    due_on=None,
    evidence_summary="",
):
    """The board adopts a theme as a priority: an action linked to the theme is raised. Without
    an owner's email it shows as needing an owner, and the officers are told each week."""
    _require(rules.can_review_themes(by, board), "You cannot adopt priorities for this board.")
    action = Action(
        board=board,
        meeting=meeting,
        owner=owner.strip(),
        owner_email=owner_email.strip(),
        due_on=due_on,
        title=_("Priority: %(theme)s") % {"theme": theme.name},
        evidence_summary=evidence_summary,
    )
    action.full_clean()
    with transaction.atomic():
        action.save()
        action.themes.add(theme)
        log(action, "coproduction.theme.adopt", user=by)
    return action


def action_reminders_send(*, days_ahead=7, today=None, dry_run=False):
    """Email each owner of an open action due soon, once per due date. Returns the actions."""
    due = selectors.actions_due_for_reminder(days_ahead=days_ahead, today=today)
    if dry_run:
        return due
    for action in due:
        notifications.action_reminder(action)
        Action.objects.filter(pk=action.pk).update(reminder_sent_for=action.due_on)
    return due


def action_overdue_reminders_send(*, today=None, dry_run=False):
    """Chase each owner of an overdue action, once a week until it is done or re-dated.
    Returns the actions. Running it daily is harmless: each chase is recorded."""
    today = today or timezone.localdate()
    overdue = selectors.actions_overdue_for_chasing(today=today)
    if dry_run:
        return overdue
    for action in overdue:
        notifications.action_overdue(action, today=today)
        Action.objects.filter(pk=action.pk).update(overdue_reminded_on=today)
    return overdue


def action_owner_digests_send(*, today=None, dry_run=False):
    """Tell each board's officers, once a week, which of its actions need an owner (nobody is
    reminded about those). Returns {board: actions} for the boards told."""
    today = today or timezone.localdate()
    due = selectors.actions_needing_owner_by_board(today=today)
    if dry_run:
        return due
    sent = {}
    for board, actions in due.items():
        if notifications.actions_needing_owner(board, actions):
            Action.objects.filter(pk__in=[a.pk for a in actions]).update(owner_digest_on=today)
            sent[board] = actions
    return sent


def action_assign(*, action, by, owner, owner_email, due_on=None):
    """Give an action its owner and due date (re-dating an overdue action stops the chasing)."""
    _require(rules.can_update_action(by, action), "You cannot update actions.")
    action.owner, action.owner_email, action.due_on = owner.strip(), owner_email.strip(), due_on
    action.full_clean()
    with transaction.atomic():
        action.save(update_fields=["owner", "owner_email", "due_on"])
        log(action, "wagtail.edit", user=by)
    return action


def access_needs_record(*, needs, by):
    """Record or update a member's access needs: only the officers of their board may."""
    new = needs.pk is None
    _require(
        rules.can_record_access_needs(by, needs.membership.board, new=new),
        "Only the officers of the member's board can record their access needs.",
    )
    needs.full_clean()
    with transaction.atomic():
        needs.save()
        log(needs, "wagtail.create" if new else "wagtail.edit", user=by)
    return needs


PAYMENT_STAGES = [PaymentStatus.CLAIMED, PaymentStatus.APPROVED, PaymentStatus.PAID]


def payment_record(*, payment, by):
    """Record a payment or a change to it, checked and in order: claimed, approved, paid. Who
    approved it, and when, is stamped the first time it moves past 'claimed'."""
    before = InvolvementPayment.objects.filter(pk=payment.pk or None).first()
    _require(
        rules.can_record_payment(by, payment.membership.board, new=before is None),
        "Only the officers of the member's board can record their payments.",
    )
    if before is not None and _moved_back(before, payment):
        raise ValidationError({"status": _("A payment cannot go back to an earlier stage.")})
    payment.full_clean()
    approving = payment.status != PaymentStatus.CLAIMED and payment.approved_at is None
    if approving:
        payment.approved_by, payment.approved_at = by, timezone.now()
    with transaction.atomic():
        payment.save()
        log(payment, "wagtail.create" if before is None else "wagtail.edit", user=by)
        if approving:
            log(payment, "coproduction.payment.approve", user=by)
    return payment


def _moved_back(before, after):
    return PAYMENT_STAGES.index(after.status) < PAYMENT_STAGES.index(before.status)
