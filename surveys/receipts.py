"""What the receipt page shows for a code: the feedback and what was done about it, or why the
feedback is no longer there (taken back, or deleted when its keeping period ended)."""

from django.conf import settings
from django.db.models import Min
from wagtail import hooks

from surveys.models import ClosedReceipt, Response


def receipt_response(receipt_code):
    return (
        Response.objects.select_related("survey", "service")
        .filter(receipt_code=receipt_code)
        .first()
    )


def receipt_outcome(response):
    """What happened about it, from the `receipt_outcome` hook: apps above surveys (the boards'
    actions, 'You said, we did') fill it in. None when no app registers one."""
    for outcome in hooks.get_hooks("receipt_outcome"):
        return outcome(response)
    return None


def receipt_context(response, easy_read=False):
    removed_on = response.comments.aggregate(day=Min("text_removed_on"))["day"]
    return {
        "response": response,
        "easy_read": easy_read,
        "outcome": receipt_outcome(response),
        "comments_removed_on": removed_on,
        "comment_months": settings.RETENTION_FREE_TEXT_MONTHS,
    }


def receipt_closed(receipt_code):
    """The ClosedReceipt for a code whose feedback is gone, or None."""
    return ClosedReceipt.for_code(receipt_code)
