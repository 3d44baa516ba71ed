"""Every change to responses goes through these functions, whatever channel it came from."""

import logging
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX
from wagtail.log_actions import log

from core.locales import locale_default
from core.spreadsheets import dataset_export
from surveys.models import ClosedReceipt, ContactRequest, FreeTextAnswer, Response
from surveys.models.receipts import receipt_digest
from surveys.resources import ResponseResource, ResponseWithCommentsResource
from surveys.selectors import comment_text_for, responses_filtered
from surveys.signals import response_submitted, response_withdrawn

logger = logging.getLogger(__name__)


class SurveyClosed(Exception):
    """The survey is unpublished or no longer accepting responses."""


def response_submit(
    *,
    survey,
    submission,
    channel,
    language="en",
    touchpoint=None,
    submission_token=None,
    submitted_on: date | None = None,
    is_demo=False,
    allow_closed=False,
):
    """Store one response exactly once. Returns (response, created).

    A repeated `submission_token` (double click, resubmitted form, re-imported row) returns the
    response already stored instead of creating another.
    """
    if not allow_closed and not (survey.live and survey.is_open_on()):
        raise SurveyClosed(survey.pk)
    if submission.is_empty():
        raise ValidationError(_("Answer at least one question before sending."))
    source_survey = _source_language_page(survey)
    response = Response(
        survey=source_survey,
        service=touchpoint.service if touchpoint else survey.service,
        touchpoint=touchpoint,
        channel=channel,
        language=language,
        submitted_on=submitted_on or timezone.localdate(),
        overall=submission.overall,
        ascs_satisfaction=submission.ascs_satisfaction,
        ascs_information=submission.ascs_information,
        answers=submission.answers,
        helped_by=submission.helped_by,
        submission_token=submission_token,
        is_demo=is_demo,
        **submission.equality,
    )
    # Uniqueness is the database's to enforce: a token already stored (a double click, Back and
    # send again, a re-imported row) ends in the IntegrityError below, which returns that
    # response, not an error. The related rows came from the database: no need to look again.
    response.full_clean(
        exclude=["receipt_code", "survey", "service", "touchpoint"], validate_unique=False
    )
    comments = [c for c in submission.comments if c.text.strip()]
    try:
        with transaction.atomic():
            response.save()
            FreeTextAnswer.objects.bulk_create(
                FreeTextAnswer(
                    response=response,
                    question_key=c.question_key,
                    purpose=c.purpose,
                    text=c.text.strip(),
                )
                for c in comments
            )
            # In the same transaction: what is queued with a response commits with it.
            response_submitted.send(sender=Response, response=response)
    except IntegrityError:
        # The same submission was stored before (or by a racing double click): that one stands.
        if submission_token:
            existing = Response.objects.filter(submission_token=submission_token).first()
            if existing:
                return existing, False
        raise
    logger.info("Response stored", extra={"task": "response_submit"})
    return response, True


def _source_language_page(survey):
    """Responses to any translation count towards the original survey."""

    default = locale_default()
    if survey.locale_id == default.pk:
        return survey
    return survey.get_translation_or_none(default) or survey


def response_withdraw(*, receipt_code):
    """Delete a response (and its comments and contact request) at the resident's request."""
    response = Response.objects.filter(receipt_code=receipt_code).first()
    if response is None:
        return False
    withdrawn = {
        "response_id": response.pk,
        "submitted_on": response.submitted_on,
        "service_id": response.service_id,
    }
    with transaction.atomic():
        ContactRequest.objects.filter(response=response).delete()
        response.delete()
        # So the receipt page can say it was taken back, rather than "not found".
        ClosedReceipt.objects.get_or_create(
            code_digest=receipt_digest(receipt_code),
            defaults={"reason": ClosedReceipt.Reason.WITHDRAWN, "closed_on": timezone.localdate()},
        )
        # Counts drop it in the same commit (e.g. reporting's roll-ups recount the day).
        response_withdrawn.send(sender=Response, **withdrawn)
    return True


def contact_request_create(*, response, **details):
    """Record 'please contact me' apart from the answers. One per response."""
    if ContactRequest.objects.filter(response=response).exists():
        raise ValidationError(_("You have already asked us to contact you about this feedback."))
    request = ContactRequest(response=response, created_on=timezone.localdate(), **details)
    request.full_clean()
    request.save()
    return request


def contact_requests_read(*, user):
    """The 'please contact me' requests, for someone who makes the calls: reading contact
    details is written to the audit log."""
    if not user.has_perm("surveys.view_contactrequest"):
        raise PermissionDenied
    log(instance=user, action="surveys.view_contact_details", user=user)
    return ContactRequest.objects.select_related("response__service")


@transaction.atomic
def contact_request_close(*, contact_request, user):
    """The resident has been contacted."""
    if not user.has_perm("surveys.change_contactrequest"):
        raise PermissionDenied
    contact_request.status = ContactRequest.Status.CLOSED
    contact_request.closed_on = timezone.localdate()
    contact_request.save(update_fields=["status", "closed_on"])
    log(instance=contact_request, action="wagtail.edit", user=user, data={"status": "closed"})
    return contact_request


@transaction.atomic
def contact_request_delete(*, contact_request, user=None):
    """Delete someone's contact details (the feedback itself stays). `user` is None only for
    retention and the resident's own withdrawal."""
    if user is not None and not user.has_perm("surveys.delete_contactrequest"):
        raise PermissionDenied
    if user is not None:
        log(
            instance=contact_request.response,
            action="wagtail.delete",
            user=user,
            data={"contact_request": contact_request.pk},
        )
    contact_request.delete()


EXPORT_FORMATS = {"csv": CSV, "xlsx": XLSX}


@dataclass(frozen=True)
class ExportFile:
    content: bytes | str
    content_type: str
    filename: str
    rows: int


def responses_export(*, user, filters, file_format, with_comments=False):
    """Responses matching `filters` as a CSV or XLSX file, written to the audit log. Comments
    (unredacted) only for someone allowed to read them."""
    if not user.has_perm("surveys.export_response"):
        raise PermissionDenied
    if with_comments and not user.has_perm("surveys.view_unredacted_text"):
        raise PermissionDenied(_("Your role can't export comments."))
    resource = ResponseWithCommentsResource() if with_comments else ResponseResource()
    dataset = resource.export(queryset=responses_filtered(**filters))
    dataset.title = _("Responses")
    format_class = EXPORT_FORMATS[file_format]
    log(
        instance=user,
        action="surveys.export",
        user=user,
        data={"rows": len(dataset), "comments": with_comments, "filters": _loggable(filters)},
    )
    return ExportFile(
        content=dataset_export(dataset, file_format),
        content_type=format_class().get_content_type(),
        filename=f"responses-{timezone.localdate().isoformat()}.{file_format}",
        rows=len(dataset),
    )


def _loggable(filters):
    return {name: str(getattr(value, "pk", value)) for name, value in filters.items() if value}


def responses_comments_read(*, responses, user):
    """Each response with its comments as `user` may read them, as (response, [text]) pairs.
    A page that shows comments unredacted is written to the audit log, with which responses."""
    rows = [
        (response, [comment_text_for(user=user, text=c.text) for c in response.comments.all()])
        for response in responses
    ]
    shown = [response.pk for response, texts in rows if texts]
    if shown and user.has_perm("surveys.view_unredacted_text"):
        log(instance=user, action="surveys.view_unredacted", user=user, data={"responses": shown})
    return rows


def response_comments_read(*, response, user):
    """The response's comments as `user` may read them, as (comment, text) pairs. Reading them
    unredacted is written to the audit log."""
    comments = [(c, comment_text_for(user=user, text=c.text)) for c in response.comments.all()]
    if comments and user.has_perm("surveys.view_unredacted_text"):
        log(instance=response, action="surveys.view_unredacted", user=user)
    return comments
