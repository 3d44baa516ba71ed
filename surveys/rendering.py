"""The survey page and its confirmation page as HTML, rendered once and kept by each process.

For a resident arriving from a QR code the survey page is the same every time: no answers, no
errors; so is the confirmation page but for the receipt code. So each process keeps the whole
page (surveys.published: forgotten on every server when a page is published or unpublished, or
a touchpoint or service saved), keyed by the survey's live revision, the address, the host's
council settings (core.site_memo's version), the language and whatever else the template
shows. What differs per request (the CSRF token, the submission token, the receipt code, a
kiosk's "Start again" address) is rendered as a random mark and filled in per request. Only
addresses with no query string or `?via=` a known channel are kept, so nobody can fill the
memory with made-up addresses. Answered forms (errors, a resident's own words) and editors'
previews are always rendered afresh, and their question fields, which are most of the cost,
come from `question_fields_html`.

A template shown through here may use only what its key holds: tests/surveys/
test_kept_pages.py compares every kept page with the same page rendered afresh.
"""

import re
import secrets
import uuid
from collections import OrderedDict
from dataclasses import replace
from threading import Lock

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language

from core.site_memo import site_settings_version
from surveys.forms import SurveyResponseForm, survey_questions
from surveys.published import remembered

TEMPLATE = "surveys/_question_fields.html"
MAX_ENTRIES = 256  # surveys × languages × 2 variants on a large council's site
# Random per process, so no text a page shows (an editor's question, say) can hold one.
MARKS = {
    name: f"{name}{secrets.token_hex(16)}"
    for name in ("csrf", "submission", "receipt", "start_again")
}
_MARK = re.compile("({})".format("|".join(MARKS.values())))
KEPT_QUERIES = {"", "via=qr", "via=kiosk"}
_rendered = OrderedDict()
_lock = Lock()


def survey_form(survey, data=None, *, easy_read, preview=False, **kwargs):
    """The survey's form; for its published version, with fields built once and copied."""
    questions = None
    if not preview and survey.live_revision_id:
        key = ("questions", survey.pk, survey.live_revision_id, get_language(), bool(easy_read))
        questions = remembered(key, lambda: survey_questions(survey, easy_read))
    return SurveyResponseForm(
        data, survey=survey, easy_read=easy_read, questions=questions, **kwargs
    )


def survey_form_response(request, template, context, *, survey, easy_read):
    """The unanswered survey page, from memory when its address is one that is kept."""
    not_translated = context.get("not_translated_into")
    key = _page_key(request, survey, "form", request.path, easy_read, not_translated)
    if key is None:
        form = survey_form(survey, easy_read=easy_read)
        return render(request, template, {**context, "form": form})

    def render_marked(marks):
        initial = {"submission_token": MARKS["submission"]}
        form = survey_form(survey, easy_read=easy_read, initial=initial)
        return render_to_string(template, {**context, **marks, "form": form}, request=request)

    return _kept_response(request, key, render_marked, {"submission": str(uuid.uuid4())})


def thanks_response(request, template, context, *, survey, response, start_again):
    """The confirmation page, from memory but for the receipt code and "Start again"."""
    key = _page_key(request, survey, "thanks", response.channel, context["can_ask_for_contact"])
    if key is None:
        return render(request, template, {**context, "start_again": start_again})

    def render_marked(marks):
        marked = replace(response, receipt_code=MARKS["receipt"])
        page = {**context, **marks, "response": marked, "start_again": MARKS["start_again"]}
        return render_to_string(template, page, request=request)

    fills = {"receipt": response.receipt_code, "start_again": start_again or "?via=kiosk"}
    return _kept_response(request, key, render_marked, fills)


def _page_key(request, survey, *parts):
    """None when the page is not to be kept: an address with a query string of its own, or a
    survey never published."""
    query = request.META.get("QUERY_STRING", "")
    if query not in KEPT_QUERIES or (survey is not None and not survey.live_revision_id):
        return None
    revision = (survey.pk, survey.live_revision_id) if survey is not None else None
    host = request.get_host()
    return ("page", revision, host, query, site_settings_version(), get_language(), *parts)


def _kept_response(request, key, render_marked, fills):
    """The page `render_marked(marks)` renders, kept under `key`, with its marks filled in:
    `fills` maps a mark's name to its text (escaped here); the CSRF token is a mark too (the
    context's `csrf_token` comes before the one Django's context processor would make)."""
    kept = remembered(key, lambda: tuple(_MARK.split(render_marked({"csrf_token": MARKS["csrf"]}))))
    text = {MARKS[name]: escape(value) for name, value in fills.items()}
    if MARKS["csrf"] in kept:  # asking for the token is what sets the CSRF cookie
        text[MARKS["csrf"]] = get_token(request)
    return HttpResponse("".join(text.get(part, part) for part in kept))


def _render(form, easy_read):
    return render_to_string(TEMPLATE, {"form": form, "easy_read": easy_read})


def question_fields_html(form, *, easy_read, preview=False):
    """The question fields of `form` as HTML, from memory when nothing in them can differ."""
    survey = form.survey
    if form.is_bound or preview or not survey.live_revision_id:
        return _render(form, easy_read)
    key = (survey.pk, survey.live_revision_id, get_language(), bool(easy_read))
    with _lock:
        html = _rendered.get(key)
        if html is not None:
            _rendered.move_to_end(key)
            return html
    html = _render(form, easy_read)
    with _lock:
        _rendered[key] = html
        while len(_rendered) > MAX_ENTRIES:
            _rendered.popitem(last=False)
    return html


def forget_rendered():
    with _lock:
        _rendered.clear()
