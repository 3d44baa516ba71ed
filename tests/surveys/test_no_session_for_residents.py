"""A resident's visit leaves no session behind, in the database or in their browser: the only
cookie is the CSRF token the form needs (which names nobody)."""

import re
import uuid

import pytest
from django.contrib.sessions.models import Session
from django.test import Client


@pytest.mark.parametrize("path", ["/f/hd7k2", "/f/hd7k2?via=kiosk", "/f/hd7k2/easy-read"])
def test_sending_feedback_sets_only_the_csrf_cookie(touchpoint, keys, path):
    browser = Client(enforce_csrf_checks=True)
    form = browser.get(path)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    data = {
        "csrfmiddlewaretoken": csrf.group(1),
        "submission_token": str(uuid.uuid4()),
        f"q_{keys['overall']}": "poor",
    }
    sent = browser.post(path, data)
    thanks = browser.get(sent["Location"])
    lookup = browser.get("/feedback/receipt/")
    assert [r.status_code for r in (form, sent, thanks, lookup)] == [200, 302, 200, 200]
    for reply in (form, sent, thanks, lookup):
        assert set(reply.cookies) <= {"csrftoken"}, reply.cookies
    assert set(browser.cookies) == {"csrftoken"}
    assert Session.objects.count() == 0


def test_a_form_with_errors_sets_no_session_either(client, touchpoint, keys):
    page = client.post("/f/hd7k2", {f"q_{keys['do_better']}": "x" * 5001})
    assert page.status_code == 200
    assert set(client.cookies) <= {"csrftoken"}
    assert Session.objects.count() == 0
