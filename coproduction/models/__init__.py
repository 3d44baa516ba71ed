from coproduction.models.actions import Action, ActionProgressNote
from coproduction.models.boards import (
    AccessNeeds,
    Board,
    BoardInvitation,
    BoardMembership,
    InvolvementPayment,
)
from coproduction.models.follow_ups import DoneNotice, FollowUp, FollowUpAnswer
from coproduction.models.meetings import (
    AgendaItem,
    Attendance,
    BoardPapersCollection,
    Meeting,
    MeetingPaper,
)
from coproduction.models.minutes import (
    MinuteItem,
    Minutes,
    MinutesComment,
    MinutesSendBack,
    MinutesVersion,
    ThemeReviewDecision,
)

__all__ = [
    "AccessNeeds",
    "Action",
    "ActionProgressNote",
    "AgendaItem",
    "Attendance",
    "Board",
    "BoardInvitation",
    "BoardMembership",
    "BoardPapersCollection",
    "DoneNotice",
    "FollowUp",
    "FollowUpAnswer",
    "InvolvementPayment",
    "Meeting",
    "MeetingPaper",
    "MinuteItem",
    "Minutes",
    "MinutesComment",
    "MinutesSendBack",
    "MinutesVersion",
    "ThemeReviewDecision",
]
