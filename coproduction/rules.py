"""Who may do what to which board: named rules built from small predicates.

Group permissions (core/roles.py) say what a role may do in general; these rules add the board.
The table in docs/roles-and-permissions.md lists them.
"""

from coproduction.choices import CHAIR_ROLES, ActionStatus, BoardRole, MinutesStatus
from core import roles

STAFF_ROLE_GRANTERS = {roles.ENGAGEMENT_LEADS, roles.ADMINISTRATORS}


def _membership(user, board):
    if not user.is_authenticated:
        return None
    return board.memberships.filter(user=user, left_on__isnull=True).first()


def is_board_member(user, board):
    return _membership(user, board) is not None


def is_board_chair(user, board):
    membership = _membership(user, board)
    return membership is not None and membership.role in CHAIR_ROLES


def is_board_officer(user, board):
    membership = _membership(user, board)
    return membership is not None and membership.role == BoardRole.OFFICER


def supports_board(user, board):
    """Access needs and payments are health and money matters: only the officers who sit on the
    member's board arrange them, with administrators (who look after accounts) and superusers.
    The model permission is still needed as well (`can_see_member_support` and the admin's
    permission policy ask for both)."""
    return roles.is_administrator(user) or is_board_officer(user, board)


def can_manage_board(user, board=None):
    return user.has_perm("coproduction.change_meeting")


def can_view_board(user, board):
    return user.has_perm("coproduction.view_meeting") or is_board_member(user, board)


def can_read_paper(user, meetings):
    """A document that is a meeting's paper: public once that meeting's minutes are published,
    otherwise for the board's members and the staff who run meetings."""
    return any(
        getattr(getattr(meeting, "minutes", None), "is_published", False)
        or can_view_board(user, meeting.board)
        for meeting in meetings
    )


def can_file_papers(user, board):
    """Upload and choose `board`'s private papers: engagement leads (who set boards up) for
    every board, officers for the boards they hold an officer seat on (coproduction/papers.py)."""
    return user.has_perm("coproduction.change_meeting") and (
        user.has_perm("coproduction.change_board") or is_board_officer(user, board)
    )


def can_comment_on_minutes(user, minutes):
    return (
        minutes.status == MinutesStatus.CIRCULATED
        and user.has_perm("coproduction.add_minutescomment")
        and is_board_member(user, minutes.meeting.board)
    )


def can_read_draft_minutes(user, minutes):
    if can_manage_board(user):
        return True
    return minutes.status != MinutesStatus.DRAFT and is_board_member(user, minutes.meeting.board)


def can_approve_minutes(user, minutes):
    return minutes.status == MinutesStatus.CIRCULATED and is_board_chair(
        user, minutes.meeting.board
    )


def can_circulate_minutes(user, minutes):
    return minutes.status == MinutesStatus.DRAFT and user.has_perm("coproduction.change_minutes")


def can_publish_minutes(user, minutes):
    return minutes.status == MinutesStatus.APPROVED and user.has_perm(
        "coproduction.publish_minutes"
    )


def can_edit_minutes(user, minutes):
    """Only a draft: once circulated, members have read the text and the chair approves it."""
    return minutes.status == MinutesStatus.DRAFT and user.has_perm("coproduction.change_minutes")


def can_send_back_minutes(user, minutes):
    """The chair, or the officers writing them, take circulated minutes back to draft."""
    return minutes.status == MinutesStatus.CIRCULATED and (
        is_board_chair(user, minutes.meeting.board) or user.has_perm("coproduction.change_minutes")
    )


def can_correct_minutes(user, minutes):
    """Approved minutes are corrected by a new version, never edited."""
    return minutes.status in {
        MinutesStatus.APPROVED,
        MinutesStatus.PUBLISHED,
    } and user.has_perm("coproduction.change_minutes")


def can_read_every_minutes_comment(user, minutes):
    """The chair reads every comment before approving, as the officers writing them do; other
    members see their own."""
    return user.has_perm("coproduction.view_minutescomment") or is_board_chair(
        user, minutes.meeting.board
    )


def can_review_themes(user, board):
    if user.has_perm("coproduction.add_themereviewdecision"):
        return True
    return is_board_chair(user, board)


def can_see_member_support(user, board):
    """See the access needs (and payments) of `board`'s members."""
    return user.has_perm("coproduction.view_accessneeds") and supports_board(user, board)


def can_record_access_needs(user, board, *, new=False):
    perm = "add_accessneeds" if new else "change_accessneeds"
    return user.has_perm(f"coproduction.{perm}") and supports_board(user, board)


def can_see_payments(user, board):
    return user.has_perm("coproduction.view_involvementpayment") and supports_board(user, board)


def can_record_payment(user, board, *, new=False):
    """Record a payment for one of `board`'s members, or change or approve one."""
    perm = "add_involvementpayment" if new else "change_involvementpayment"
    return user.has_perm(f"coproduction.{perm}") and supports_board(user, board)


def can_invite(user):
    return user.has_perm("coproduction.add_boardinvitation")


def can_grant_board_role(user, role):
    """A council officer's seat puts its holder in the Officers group, with access to responses:
    only engagement leads and administrators may give one."""
    if role != BoardRole.OFFICER:
        return True
    return user.is_superuser or bool(roles.user_roles(user) & STAFF_ROLE_GRANTERS)


def can_update_action(user, action):
    return user.has_perm("coproduction.change_action")


def can_publish_you_said_we_did(user, action):
    return action.status == ActionStatus.DONE and user.has_perm("coproduction.publish_action")
