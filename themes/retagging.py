"""Bulk (re)tagging: one response per transaction, so a stopped run resumes where it was."""

from surveys.models import Response
from themes.models import ResponseAnalysis
from themes.services import response_analyse


def responses_to_tag(*, include_done=False):
    queryset = Response.objects.order_by("pk")
    if not include_done:
        queryset = queryset.exclude(analysis__status=ResponseAnalysis.Status.DONE)
    return queryset


def retag(queryset):
    """Yield each response's status as it is tagged. Failures are recorded and skipped."""
    for response in queryset.iterator(chunk_size=500):
        try:
            yield response_analyse(response=response).status
        except Exception:  # noqa: BLE001 - recorded as failed by the service; carry on
            yield ResponseAnalysis.Status.FAILED
