"""Spreadsheets people download from the member area and the admin: headers in words, in the
language of the person exporting, every cell neutralised by `core.spreadsheets` (no formulas)."""

import tablib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import dataset_export

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def spreadsheet_response(dataset, file_format, filename):
    """`dataset` as a CSV or XLSX download."""
    response = HttpResponse(
        dataset_export(dataset, file_format), content_type=CONTENT_TYPES[file_format]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def _yes_no(value):
    return _("Yes") if value else _("No")


def action_log_dataset(actions, *, today=None):
    """The action log as shown, one row per action."""
    today = today or timezone.localdate()
    dataset = tablib.Dataset(
        headers=[
            _("Board"),
            _("Action"),
            _("Raised at"),
            _("Raised on"),
            _("Who"),
            _("Due"),
            _("Status"),
            _("Overdue"),
            _("Needs an owner"),
            _("Themes"),
            _("Service"),
            _("Done on"),
            _("Days to done"),
        ]
    )
    dataset.title = _("Actions")
    for action in actions:
        done_in = (action.completed_on - action.raised_on).days if action.completed_on else None
        dataset.append(
            [
                action.board.name,
                action.title,
                action.meeting.title if action.meeting else "",
                action.raised_on,
                action.owner,
                action.due_on,
                action.get_status_display(),
                _yes_no(action.is_overdue(today)),
                _yes_no(action.needs_owner),
                ", ".join(theme.name for theme in action.themes.all()),
                action.service.name if action.service else "",
                action.completed_on,
                done_in,
            ]
        )
    return dataset


def payments_dataset(payments):
    """Involvement payments and expenses, one row each, with who approved them and when."""
    dataset = tablib.Dataset(
        headers=[
            _("Board"),
            _("Member"),
            _("Meeting"),
            _("Kind"),
            _("Amount (£)"),
            _("Description"),
            _("Status"),
            _("Claimed on"),
            _("Approved by"),
            _("Approved on"),
            _("Paid on"),
        ]
    )
    dataset.title = _("Involvement payments")
    for payment in payments:
        member = payment.membership.user
        approver = payment.approved_by
        dataset.append(
            [
                payment.membership.board.name,
                member.get_full_name() or member.email,
                str(payment.meeting) if payment.meeting else "",
                payment.get_kind_display(),
                payment.amount,
                payment.description,
                payment.get_status_display(),
                payment.claimed_on,
                (approver.get_full_name() or approver.email) if approver else "",
                timezone.localdate(payment.approved_at) if payment.approved_at else None,
                payment.paid_on,
            ]
        )
    return dataset
