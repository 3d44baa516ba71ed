"""What bench/multi_server.py checks, alternating servers on every request.

Each check takes the Run (servers, browsers, the database) and returns a dict with "ok" and
the figures behind it. A check never stops the others: an exception is its failure.
"""

import base64
import hashlib
import hmac
import json
import re
import struct
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from bench.load_client import RECEIPT_CODE, _answers
from bench.multi.client import Browser
from bench.multi.client import _hidden_inputs as _hidden
from bench.multi.processes import unit_command

SURVEY = "/f/load1"
CONFIRMATION = re.compile(r"/feedback/thanks/[\w-]+/")
HEADLINE_RESPONSES = re.compile(r"Responses</dt><dd class=\"govuk-summary-list__value\">([\d,]+) ")
RETRY_STATUSES = {0, 502, 503, 504}


def totp(secret, at=None):
    """The authenticator app's six digits (RFC 6238), as allauth checks them."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int(at or time.time()) // 30)
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def sign_in(browser, password_server, mfa_server, email, password, totp_secret=None):
    reply = browser.post_form(
        password_server, "/accounts/login/", {"login": email, "password": password}
    )
    if reply.status != 302:
        raise RuntimeError(f"sign-in answered {reply.status}")
    if totp_secret:
        reply = _answer_mfa(browser, mfa_server, totp_secret)
    return reply


def _answer_mfa(browser, server, secret, path="/accounts/2fa/authenticate/"):
    for _attempt in range(3):
        # The code is read at the last moment: allauth accepts the current 30 s period only.
        fields = dict(_hidden(browser.get(server, path).text))
        reply = browser.request(server, "POST", path, fields={**fields, "code": totp(secret)})
        if reply.status == 302 and "2fa" not in reply.location:
            return reply
        time.sleep(30 - time.time() % 30 + 0.5)  # the next period's code
    raise RuntimeError(f"MFA answered {reply.status} {reply.location}")


def submit(browser, form_server, post_server, number):
    """(status of the POST, receipt code or None)."""
    page = browser.get(form_server, SURVEY)
    if page.status != 200:
        return page.status, None
    reply = browser.request(post_server, "POST", SURVEY, fields=_answers(page.text, number))
    return reply.status, _receipt(browser, post_server, reply)


def _receipt(browser, server, reply):
    found = CONFIRMATION.search(reply.location) if reply.status == 302 else None
    if not found:
        return None
    page = browser.get(server, found.group(0))
    match = RECEIPT_CODE.search(page.text) if page.status == 200 else None
    return match.group(1) if match else None


def _today_filter():
    today = date.today()
    day = f"{today.day}/{today.month}/{today.year}"
    return f"period=dates&start={day}&end={day}"


def staff_session(run):
    """Password on A, MFA answered on B, then the admin and the dashboard on each in turn."""
    lead = run.lead
    sign_in(
        lead, run.a, run.b, run.people["lead"], run.people["password"], run.people["totp_secret"]
    )
    statuses = {s.name: lead.get(s, "/insights/").status for s in (run.a, run.b, run.nginx)}
    statuses["admin on B"] = lead.get(run.b, "/admin/").status
    anonymous = Browser().get(run.b, "/insights/").status
    ok = all(status == 200 for status in statuses.values()) and anonymous == 302
    return {"ok": ok, "statuses": statuses, "anonymous_on_B": anonymous}


def tagged_and_counted(run, count=6):
    """Surveys sent alternately to A and B; the worker tags them; both dashboards count them."""
    receipts = []
    for number in range(count):
        form_server, post_server = run.alternate(number)
        _status, receipt = submit(Browser(f"10.1.0.{number + 1}"), form_server, post_server, number)
        receipts.append(receipt)
    tagged = run.wait_until(
        lambda: (
            run.db_value(
                "SELECT count(*) FROM insights_responseanalysis a JOIN surveys_response r "
                "ON r.id = a.response_id "
                "WHERE a.analysed_on IS NOT NULL AND r.receipt_code = ANY(%s)",
                [receipts],
            )
            == count
        ),
        timeout=180,
    )
    counted = {}
    for server in (run.a, run.b, run.nginx):
        page = run.lead.get(server, f"/insights/?{_today_filter()}")
        found = HEADLINE_RESPONSES.search(page.text)
        counted[server.name] = int(found.group(1).replace(",", "")) if found else None
    ok = None not in receipts and tagged and all(n == count for n in counted.values())
    return {"ok": ok, "sent": count, "accepted": sum(1 for r in receipts if r), "tagged": tagged,
            "dashboard_responses": counted}  # fmt: skip


def export_across(run):
    """Asked for on A, made by the worker, downloaded from B (and through nginx)."""
    fields = {"what": "themes:csv", **dict(p.split("=") for p in _today_filter().split("&"))}
    reply = run.lead.post_form(run.a, "/insights/exports/", fields)
    found = re.search(r"/insights/exports/(\d+)/", reply.location)
    if reply.status != 302 or not found:
        return {"ok": False, "request_status": reply.status}
    pk = int(found.group(1))
    ready = run.wait_until(
        lambda: (
            run.db_value("SELECT status FROM insights_reportexport WHERE id = %s", [pk]) == "done"
        )
    )
    downloads = {}
    for server in (run.b, run.nginx):
        got = run.lead.get(server, f"/insights/exports/{pk}/download/")
        downloads[server.name] = (
            got.status,
            got.headers.get("content-disposition", ""),
            len(got.body),
        )
    ok = ready and all(s == 200 and "attachment" in d and n > 0 for s, d, n in downloads.values())
    return {"ok": ok, "export": pk, "downloads": {k: v[0] for k, v in downloads.items()}}


def paper_to_its_board_only(run):
    """Uploaded on A into board 1's papers; B serves it to board 1's member only."""
    content = b"%PDF-1.4\n% agenda for the multi-server board\n" + run.token.encode() + b"\n%%EOF\n"
    upload = run.lead.post_form(
        run.a,
        "/admin/documents/add/",
        {"title": "Agenda (multi)", "collection": str(run.people["papers_collection"]), "tags": ""},
        files={"file": ("agenda-multi.pdf", content, "application/pdf")},
    )
    row = run.db_row(
        "SELECT id, file FROM wagtaildocs_document WHERE title = %s", ["Agenda (multi)"]
    )
    if upload.status != 302 or row is None:
        return {"ok": False, "upload_status": upload.status}
    pk, name = row
    in_bucket = run.s3.get_object(Bucket=run.bucket, Key=name)["Body"].read() == content
    path = f"/documents/{pk}/{name.rsplit('/', 1)[-1]}"
    member, outsider = Browser("10.2.0.1"), Browser("10.2.0.2")
    sign_in(member, run.b, run.b, run.people["members"][0], run.people["password"])
    sign_in(outsider, run.a, run.a, run.people["members"][1], run.people["password"])
    served = {s.name: member.get(s, path) for s in (run.b, run.nginx)}
    refused = {
        "other board on B": outsider.get(run.b, path).status,
        "other board on A": outsider.get(run.a, path).status,
        "anonymous on B": Browser().get(run.b, path).status,
    }
    ok = (
        in_bucket
        and all(r.status == 200 and r.body == content for r in served.values())
        and all(status in (403, 404) for status in refused.values())
    )
    return {"ok": ok, "in_bucket": in_bucket, "served": {k: r.status for k, r in served.items()},
            "refused": refused}  # fmt: skip


def rate_limit_shared(run, limit):
    """One address, alternating A, B, A…: the limit is reached across both, then nginx too."""
    browser, statuses = Browser("10.3.0.1"), []
    for number in range(limit + 1):
        form_server, post_server = run.alternate(number)
        statuses.append(submit(browser, form_server, post_server, 1000 + number)[0])
    statuses.append(submit(browser, run.nginx, run.nginx, 2000)[0])
    ok = statuses[:limit] == [302] * limit and statuses[limit:] == [429, 429]
    return {"ok": ok, "limit": limit, "statuses": statuses}


def survey_closed_everywhere(run):
    """Forms open on A and B; the survey is closed (a publish, in a process of its own); the
    answers are refused at once on both, and the short address says it has closed."""
    pages = []
    for number, server in enumerate((run.a, run.b, run.a, run.b)):
        browser = Browser(f"10.4.0.{number + 1}")
        page = browser.get(server, SURVEY)
        pages.append((browser, server, page))
    yesterday = date.today() - timedelta(days=1)
    run.manage_shell(
        "import datetime\n"
        "from surveys.models import SurveyPage\n"
        "survey = SurveyPage.objects.get(slug='how').specific\n"
        f"survey.opens_on, survey.closes_on = None, datetime.date.fromisoformat('{yesterday}')\n"
        "survey.save_revision().publish()\n"
    )
    answers = [
        b.request(s, "POST", SURVEY, fields=_answers(p.text, 3000 + i)).status
        for i, (b, s, p) in enumerate(pages)
    ]
    forms = {s.name: Browser().get(s, SURVEY).status for s in (run.a, run.b, run.nginx)}
    stored = run.db_value(
        "SELECT count(*) FROM surveys_response WHERE submission_token::text = ANY(%s)",
        [[_token(p.text) for _b, _s, p in pages]],
    )
    ok = all(p.status == 200 for _b, _s, p in pages) and answers == [410] * 4 and stored == 0
    ok = ok and all(status in (200, 410) for status in forms.values())
    return {"ok": ok, "answers_after_close": answers, "form_status": forms, "stored": stored}


def _token(html):
    found = re.search(r'name="submission_token" value="([^"]+)"', html)
    return found.group(1) if found else ""


def one_server_killed(run, residents=120, concurrency=8, kill_after=0.3):
    """Residents through nginx; B is killed (SIGKILL, workers too) partway; each resident
    presses Send again while told nothing. Every accepted response stored exactly once."""
    done, killed = [0], {}
    log_offset = (run.folder / "nginx-access.log").stat().st_size

    def resident(number):
        browser = Browser(f"10.5.{number // 250}.{number % 250 + 1}")
        outcome = {"token": None, "receipts": set(), "statuses": []}
        deadline = time.monotonic() + 120
        page = None
        while time.monotonic() < deadline:
            page = _try(lambda: browser.get(run.nginx, SURVEY))
            if page is not None and page.status == 200:
                break
            time.sleep(0.3)
        fields = _answers(page.text, number)
        outcome["token"] = fields.get("submission_token")
        while time.monotonic() < deadline:
            reply = _try(lambda: browser.request(run.nginx, "POST", SURVEY, fields=fields))
            status = reply.status if reply else 0
            outcome["statuses"].append(status)
            receipt = _receipt(browser, run.nginx, reply) if reply else None
            if receipt:
                outcome["receipts"].add(receipt)
                break
            if status not in RETRY_STATUSES and status != 302:
                break
            time.sleep(0.3)
        done[0] += 1
        if done[0] >= residents * kill_after and not killed:
            killed["at"] = done[0]
            run.kill_b()
        return outcome

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(pool.map(resident, range(residents)))
    tokens = [o["token"] for o in outcomes if o["token"]]
    rows = run.db_rows(
        "SELECT receipt_code, submission_token::text FROM surveys_response "
        "WHERE submission_token::text = ANY(%s)",
        [tokens],
    )
    accepted = set().union(*(o["receipts"] for o in outcomes))
    stored = [receipt for receipt, _token in rows]
    statuses = {}
    for outcome in outcomes:
        for status in outcome["statuses"]:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
    result = {
        "answered_by": _upstreams(run, log_offset),
        "residents": residents,
        "killed_after": killed.get("at"),
        "accepted": len(accepted),
        "stored": len(stored),
        "lost": len(accepted - set(stored)),
        "duplicated": len(stored)
        - len(set(stored))
        + sum(len(o["receipts"]) > 1 for o in outcomes),
        "unacknowledged": len(set(stored) - accepted),
        "post_statuses": statuses,
    }
    result["ok"] = (
        bool(killed)
        and result["accepted"] == residents
        and result["lost"] == 0
        and result["duplicated"] == 0
        and result["stored"] == result["accepted"]
    )
    return result


def _upstreams(run, offset):
    """How many survey POSTs each app server answered (a failed try counts too), from nginx's
    JSON access log past `offset`."""
    names = {f"127.0.0.1:{server.port}": server.name for server in (run.a, run.b)}
    counted = {}
    with open(run.folder / "nginx-access.log", "rb") as log:
        log.seek(offset)
        lines = log.read().decode().splitlines()
    for line in lines:
        entry = json.loads(line)
        if entry["method"] == "POST" and entry["path"] == SURVEY:
            for upstream in entry["upstream"].split(", "):
                name = names.get(upstream, upstream)
                counted[name] = counted.get(name, 0) + 1
    return counted


def _try(call):
    try:
        return call()
    except OSError:
        return None


def scheduled_job_once(run):
    """The apply_retention timer fires on both servers at once: one runs it, one skips."""
    command = unit_command("feedback-job@.service", "apply_retention")
    started = [
        subprocess.Popen(command, cwd=run.repo, env=run.env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=180)[0] for process in started]
    ran = sum(": done." in output for output in outputs)
    skipped = sum("skipped" in output for output in outputs)
    rows = run.db_value("SELECT count(*) FROM core_scheduledrun WHERE job = 'apply_retention'")
    ok = ran == 1 and skipped == 1 and rows == 1
    return {"ok": ok, "ran": ran, "skipped": skipped, "exit_codes": [p.returncode for p in started]}
