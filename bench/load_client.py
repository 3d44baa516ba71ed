"""The client side of the load test: residents filling in the survey form over plain HTTP.

Each submission is one virtual browser with its own cookie jar: GET the form, read the CSRF
token, the submission token and the questions, then POST the answers. Some submissions are
double clicks (the same form posted twice at once). A 503 is treated as a resident would:
wait, then press the button again with the same answers (so the same submission token).
"""

import html
import http.client
import re
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode

PLEASE_TRY_AGAIN = "Please try again"
CONFIRMATION_PATH = re.compile(r"/feedback/thanks/[\w-]+/")
# The receipt code is on the confirmation page, never in its address (surveys/confirmations.py).
RECEIPT_CODE = re.compile(r'class="app-receipt-code">([A-Z0-9-]+)<')


@dataclass
class Outcome:
    """What happened to one submission, across its retries."""

    token: str = ""
    receipts: set = field(default_factory=set)
    statuses: list = field(default_factory=list)
    post_ms: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    retries: int = 0
    double_click: bool = False


class _FormReader(HTMLParser):
    """Reads the form with Python's HTML parser: the whole page, every tag."""

    def __init__(self):
        super().__init__()
        self.hidden, self.radios, self.textareas = {}, {}, []

    def handle_starttag(self, tag, attrs):
        _form_field(self, tag, dict(attrs))


def _form_field(form, tag, attrs):
    name = attrs.get("name") or ""
    if tag == "input" and attrs.get("type") == "hidden":
        form.hidden[name] = attrs.get("value") or ""
    elif tag == "input" and attrs.get("type") == "radio" and name.startswith("q_"):
        form.radios.setdefault(name, attrs.get("value"))
    elif tag == "textarea" and name.startswith("q_"):
        form.textareas.append(name)


FIELD_TAG = re.compile(r"<(input|textarea)\b([^>]*)>")
ATTRIBUTE = re.compile(r'([\w.:-]+)="([^"]*)"')


class _FieldReader:
    """Reads the same fields from only the <input> and <textarea> tags, with two regular
    expressions. The client shares the benchmark machine's cores with the servers it
    measures, and HTMLParser spent 4 ms of them on every 23 KB survey page: work a resident's
    phone does, not the server. `--form-reader html` in bench/bench_submissions.py compares."""

    def __init__(self):
        self.hidden, self.radios, self.textareas = {}, {}, []

    def feed(self, page):
        for tag, attributes in FIELD_TAG.findall(page):
            attrs = {key: html.unescape(value) for key, value in ATTRIBUTE.findall(attributes)}
            _form_field(self, tag, attrs)


FORM_READERS = {"regex": _FieldReader, "html": _FormReader}
form_reader = "regex"


class Resident:
    """One browser: a cookie jar and plain HTTP/1.1 requests to the server on loopback."""

    def __init__(self, port, timeout=30):
        self.port, self.timeout, self.cookies = port, timeout, {}

    def request(self, method, path, body=None):
        """(status, location, body text, milliseconds); status 0 if the connection failed."""
        started = time.perf_counter()
        try:
            return self._request(method, path, body)
        except (OSError, http.client.HTTPException) as error:
            return 0, "", f"connection failed: {error!r}", (time.perf_counter() - started) * 1000

    def _request(self, method, path, body):
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            reply = connection.getresponse()
            content = reply.read().decode("utf-8", "replace")
        finally:
            connection.close()
        elapsed_ms = (time.perf_counter() - started) * 1000
        for header, value in reply.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return reply.status, reply.getheader("Location") or "", content, elapsed_ms


def _check_failure(status, content, outcome, what):
    """Any status but the expected ones is a problem; a 503 must be the friendly page."""
    if status == 0:
        outcome.problems.append(f"{what}: {content}")
    elif "Traceback" in content:
        outcome.problems.append(f"{what}: stack trace in a {status} page")
    elif status == 503 and PLEASE_TRY_AGAIN not in content:
        outcome.problems.append(f"{what}: 503 without the 'Please try again' page")
    elif status != 503:
        outcome.problems.append(f"{what}: unexpected HTTP {status}")


def _answers(page, number):
    form = FORM_READERS[form_reader]()
    form.feed(page)
    fields = {
        k: v for k, v in form.hidden.items() if k in {"csrfmiddlewaretoken", "submission_token"}
    }
    fields.update(form.radios)
    for name in form.textareas:
        fields[name] = f"Load test {number}: the carer was kind and on time. Thank you! 👍"
    return fields


def submit(port, path, number, *, double_click, give_up_at, retry_wait=0.5):
    """One resident's whole journey; never raises, reports everything in the Outcome."""
    outcome = Outcome(double_click=double_click)
    resident = Resident(port)
    try:
        fields = _get_form(resident, path, number, outcome, give_up_at, retry_wait)
        if fields is not None:
            outcome.token = fields.get("submission_token", "")
            _post_until_answered(
                resident, path, urlencode(fields), outcome, double_click, give_up_at, retry_wait
            )
    except Exception as error:  # noqa: BLE001 - a bug in the client is reported, not raised
        outcome.problems.append(f"client error: {error!r}")
    return outcome


def _get_form(resident, path, number, outcome, give_up_at, retry_wait):
    while time.monotonic() < give_up_at:
        status, _location, content, _ms = resident.request("GET", path)
        outcome.statuses.append(status)
        if status == 200:
            return _answers(content, number)
        _check_failure(status, content, outcome, "GET form")
        outcome.retries += 1
        time.sleep(retry_wait)
    outcome.problems.append("gave up: the form never loaded")
    return None


def _post_until_answered(resident, path, body, outcome, double_click, give_up_at, retry_wait):
    while time.monotonic() < give_up_at:
        replies = _post(resident, path, body, twice=double_click)
        double_click = False  # a retry is one deliberate press
        accepted = False
        for status, location, content, elapsed_ms in replies:
            outcome.statuses.append(status)
            outcome.post_ms.append(elapsed_ms)
            receipt = _receipt_on(resident, location) if status == 302 else None
            if receipt:
                outcome.receipts.add(receipt)
                accepted = True
            else:
                _check_failure(status, content, outcome, "POST answers")
        if accepted:
            return
        outcome.retries += 1
        time.sleep(retry_wait)
    outcome.problems.append("gave up: the answers were never accepted")


def _receipt_on(resident, location, attempts=20, wait=0.5):
    """The receipt code on the one-time confirmation page a sent form redirects to. A resident
    who gets "please try again" (503) there presses Refresh until it shows."""
    match = CONFIRMATION_PATH.search(location)
    if not match:
        return None
    for _ in range(attempts):
        status, _location, content, _elapsed_ms = resident.request("GET", match.group(0))
        if status == 200:
            found = RECEIPT_CODE.search(content)
            return found.group(1) if found else None
        if status not in (0, 503):
            return None
        time.sleep(wait)
    return None


def _post(resident, path, body, twice):
    if not twice:
        return [resident.request("POST", path, body)]
    replies = [None, None]

    def press(index):
        replies[index] = resident.request("POST", path, body)

    threads = [threading.Thread(target=press, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [reply for reply in replies if reply is not None]
