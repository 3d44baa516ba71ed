"""Reads for staff screens and exports."""

from django.utils.translation import gettext as _
from wagtail import hooks

from surveys.models import Response


def responses_filtered(
    *, service=None, touchpoint=None, channel="", helped_by="", date_from=None, date_to=None
):
    """Responses matching the staff filters, newest first, with what their lists show."""
    queryset = Response.objects.select_related("service", "touchpoint").prefetch_related("comments")
    if service:
        queryset = queryset.filter(service=service)
    if touchpoint:
        queryset = queryset.filter(touchpoint=touchpoint)
    if channel:
        queryset = queryset.filter(channel=channel)
    if helped_by:
        queryset = queryset.filter(helped_by=helped_by)
    if date_from:
        queryset = queryset.filter(submitted_on__gte=date_from)
    if date_to:
        queryset = queryset.filter(submitted_on__lte=date_to)
    return queryset


def comment_redacted(text):
    """`text` with personal details taken out by the redactor registered with the
    `redact_comment_text` hook (the themes engine registers one). With none registered the
    comment is withheld whole: better no text than someone's personal details."""
    for redact in hooks.get_hooks("redact_comment_text"):
        return redact(text)
    return _("[comment withheld: no redactor is installed]")


def comment_text_for(*, user, text):
    """A comment as `user` may read it: as written with permission, redacted otherwise."""
    if user.has_perm("surveys.view_unredacted_text"):
        return text
    return comment_redacted(text)
