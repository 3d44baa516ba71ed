"""The resident's journey: touchpoint link → survey → confirmation → optional contact step."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from core.locales import language_of, localized
from surveys import published, receipts
from surveys.choices import Channel
from surveys.confirmations import confirmation_issue, confirmation_peek, confirmation_spend
from surveys.forms import ContactRequestForm, ReceiptLookupForm
from surveys.models import Response
from surveys.ratelimit import receipt_use_allowed, submission_allowed
from surveys.rendering import survey_form, survey_form_response, thanks_response
from surveys.services import (
    SurveyClosed,
    contact_request_create,
    response_submit,
    response_withdraw,
)

VIA_CHANNELS = {"qr": Channel.QR, "kiosk": Channel.KIOSK}


def _channel(request, touchpoint, easy_read):
    via = request.GET.get("via", "")
    if via in VIA_CHANNELS:
        return VIA_CHANNELS[via]
    if easy_read:
        return Channel.EASY_READ
    return touchpoint.default_channel if touchpoint else Channel.WEB_LINK


@never_cache
@require_http_methods(["GET", "POST"])
def touchpoint_survey(request, code, easy_read=False):
    found = published.touchpoint_survey(code.lower())
    if found is None:
        return render(request, "surveys/unknown_code.html", {"code": code}, status=404)
    return survey_respond(
        request, survey=found.survey, touchpoint=found.touchpoint, easy_read=easy_read
    )


def survey_respond(request, *, survey, touchpoint, easy_read=False, preview=False):
    """Show and handle a survey, for its own page or a touchpoint's short link.

    In an editor's preview the draft is shown as residents will see it, but nothing is stored.
    """
    response = _survey_page(
        request, survey=survey, touchpoint=touchpoint, easy_read=easy_read, preview=preview
    )
    # no-store: on a shared device Back must not bring back the last person's page.
    add_never_cache_headers(response)
    return response


def _survey_page(request, *, survey, touchpoint, easy_read, preview):
    if not preview:
        # A touchpoint's survey comes in the visitor's language already (surveys.published).
        survey = survey if touchpoint else localized(survey).specific
        if not survey.live:
            raise Http404
    context = {
        "survey": survey,
        "touchpoint": touchpoint,
        "easy_read": easy_read,
        "preview": preview,
        "not_translated_into": _show_in_survey_language(survey),
    }
    if touchpoint is None:
        # On the survey's own page the language switcher offers its translations; on a short
        # link it keeps the short link (/pl/f/<code>), which finds the translation itself.
        context["page"] = survey
    if preview and request.method == "POST":
        return render(request, "surveys/thanks.html", context)
    if not survey.is_open_on():
        # Not open yet is not gone: 200, with the day it opens.
        status = 200 if survey.not_open_yet() else 410
        return render(request, "surveys/survey_closed.html", context, status=status)
    template = "surveys/survey_easy_read.html" if easy_read else "surveys/survey_page.html"
    if request.method != "POST" and not preview:
        return survey_form_response(request, template, context, survey=survey, easy_read=easy_read)
    form = survey_form(survey, request.POST or None, easy_read=easy_read, preview=preview)
    if request.method == "POST":
        if form.is_spam():
            return render(request, "surveys/thanks.html", context)
        if not submission_allowed(request):
            return render(request, "surveys/too_many.html", context, status=429)
        if form.is_valid():
            try:
                response, created = response_submit(
                    survey=survey,
                    touchpoint=touchpoint,
                    submission=form.to_submission(),
                    channel=_channel(request, touchpoint, easy_read),
                    language=get_language(),
                    submission_token=form.cleaned_data["submission_token"],
                )
            except SurveyClosed:
                return render(request, "surveys/survey_closed.html", context, status=410)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                kiosk = request.GET.get("via") == "kiosk"
                token = confirmation_issue(
                    response,
                    start_again=request.get_full_path() if kiosk else "",
                    created=created,
                )
                url = reverse("surveys:thanks", kwargs={"token": token})
                if kiosk:
                    url += "?via=kiosk"
                return redirect(url)
    context["form"] = form
    return render(request, template, context)


def _show_in_survey_language(survey):
    """A survey not yet translated into the visitor's language is shown whole in its own
    language (so screen readers pronounce it right), with a note in theirs."""
    requested = get_language()
    language = language_of(survey)
    if language == requested:
        return None
    translation.activate(language)
    return requested


def _too_many(request):
    return render(request, "surveys/too_many.html", {"receipts": True}, status=429)


def _response_for_posted_code(request):
    """The response whose receipt code came in the POST body, or None."""
    form = ReceiptLookupForm(request.POST)
    if not form.is_valid():
        return None
    return (
        Response.objects.select_related("survey", "service")
        .filter(receipt_code=form.cleaned_data["receipt_code"])
        .first()
    )


@never_cache
def thanks(request, token):
    confirmation = confirmation_peek(token)
    if confirmation is None:
        return _confirmation_expired(request)
    response = confirmation.response
    survey = published.survey_page(response.survey_id) if response.survey_id else None
    context = {
        "response": response,
        "survey": survey,
        "can_ask_for_contact": bool(survey and survey.offer_contact)
        and response.can_ask_for_contact,
    }
    page = thanks_response(
        request,
        "surveys/thanks.html",
        context,
        survey=survey,
        response=response,
        start_again=confirmation.start_again,
    )
    # Spent only once the page is made, and shown only by the request that spent it.
    return page if confirmation_spend(token) else _confirmation_expired(request)


def _confirmation_expired(request):
    return render(request, "surveys/confirmation_expired.html", status=410)


@sensitive_post_parameters()
@never_cache
@require_POST
def contact_me(request):
    """Asked from the confirmation page, whose button posts the receipt code: the first POST
    shows the form, the second (with `step=details`) sends it."""
    if not receipt_use_allowed(request):
        return _too_many(request)
    response = _response_for_posted_code(request)
    if response is None:
        return redirect("surveys:receipt-lookup")
    if hasattr(response, "contact_request"):
        return render(request, "surveys/contact_done.html", {"response": response})
    sending = request.POST.get("step") == "details"
    form = ContactRequestForm(request.POST if sending else None)
    if sending and form.is_valid():
        try:
            contact_request_create(response=response, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "surveys/contact_done.html", {"response": response})
    return render(request, "surveys/contact_me.html", {"form": form, "response": response})


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def receipt_lookup(request, easy_read=False):
    """Type a receipt code, see that feedback: the page answers the POST itself, so the code
    never goes into an address. The easy read address shows the same in easy read."""
    form = ReceiptLookupForm(request.POST or None)
    if request.method == "POST" and not receipt_use_allowed(request):
        return _too_many(request)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["receipt_code"]
        response = receipts.receipt_response(code)
        if response is not None:
            template = "surveys/receipt_easy_read.html" if easy_read else "surveys/receipt.html"
            return render(request, template, receipts.receipt_context(response, easy_read))
        closed = receipts.receipt_closed(code)
        if closed is not None:
            context = {"closed": closed, "easy_read": easy_read}
            return render(request, "surveys/receipt_closed.html", context)
        form.add_error("receipt_code", _("We could not find feedback with that receipt code."))
    context = {"form": form, "easy_read": easy_read}
    return render(request, "surveys/receipt_lookup.html", context)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request):
    """First POST (from the receipt page) asks "are you sure?"; the second, with
    `confirm=yes`, deletes."""
    if request.method == "GET":
        return redirect("surveys:receipt-lookup")
    if not receipt_use_allowed(request):
        return _too_many(request)
    response = _response_for_posted_code(request)
    if response is None:
        return redirect("surveys:receipt-lookup")
    if request.POST.get("confirm") == "yes":
        response_withdraw(receipt_code=response.receipt_code)
        return render(request, "surveys/withdrawn.html")
    return render(request, "surveys/withdraw_confirm.html", {"response": response})
