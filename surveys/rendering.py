"""The survey's questions as HTML, rendered once per published version and language.

Rendering every question through the GOV.UK field templates is most of the cost of showing a
survey, and for a resident arriving from a QR code the questions are the same every time: no
answers, no errors. So each process keeps that markup, keyed by the survey's live revision (read
with the survey on every request, so a publish on any server is seen at once), the language and
the easy read variant. The submission token and the CSRF token are outside it. Answered forms
(errors, a resident's own words) and editors' previews are always rendered afresh.
"""

from collections import OrderedDict
from threading import Lock

from django.template.loader import render_to_string
from django.utils.translation import get_language

TEMPLATE = "surveys/_question_fields.html"
MAX_ENTRIES = 256  # surveys × languages × 2 variants on a large council's site
_rendered = OrderedDict()
_lock = Lock()


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
