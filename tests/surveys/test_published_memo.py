"""A touchpoint's survey page is remembered by each server, and forgotten by all of them the
moment anything on it changes: a survey closed or unpublished on one server takes no more
answers on another, whose memory still holds the page.

"Another server" here is this process with its memory put back as it was before the change:
what is left to tell it is the version in the shared cache (Redis, as in production)."""

import secrets
import uuid
from contextlib import contextmanager

import pytest
from django.core.cache import cache

from core import memo
from core.models import CouncilSettings
from surveys.models import Response, SurveyPage
from surveys.published import _published

REDIS = "redis://127.0.0.1:6379/0"


@pytest.fixture(autouse=True)
def shared_redis(settings):
    """The shared cache is the machine's Redis, under a prefix of this test's own."""
    prefix = f"test-published-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.RedisCache", "LOCATION": REDIS, "KEY_PREFIX": prefix}
    }
    yield
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@contextmanager
def on_another_server():
    """Within the block, what this process remembers stays as it was before it: as if the
    change were made on another server."""
    remembered = {m: dict(m._values) for m in memo._memos}
    yield
    for m, values in remembered.items():
        m._values.clear()
        m._values.update(values)


def _send(client, keys, path="/f/hd7k2"):
    return client.post(
        path, {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    )


def test_a_survey_closed_on_one_server_takes_no_answers_on_another(client, touchpoint, keys):
    assert "Overall, how was your experience?" in client.get("/f/hd7k2").content.decode()
    assert _send(client, keys).status_code == 302
    with on_another_server():
        survey = SurveyPage.objects.get(pk=touchpoint.survey_id)
        survey.accepting_responses = False
        survey.save_revision().publish()
    assert any(_published._values.values())  # the open survey is still in memory here...

    sent = _send(client, keys)
    assert sent.status_code == 410  # ...but its version is not the shared one
    assert "This survey has closed" in sent.content.decode()
    assert Response.objects.count() == 1
    assert "This survey has closed" in client.get("/f/hd7k2").content.decode()


def test_a_survey_unpublished_on_one_server_is_gone_on_another(client, touchpoint, keys):
    client.get("/f/hd7k2")
    with on_another_server():
        SurveyPage.objects.get(pk=touchpoint.survey_id).unpublish()
    assert client.get("/f/hd7k2").status_code == 404
    assert _send(client, keys).status_code == 404
    assert Response.objects.count() == 0


def test_a_touchpoint_switched_off_on_one_server_is_unknown_on_another(client, touchpoint):
    client.get("/f/hd7k2?via=qr")
    with on_another_server():
        touchpoint.is_active = False
        touchpoint.save()
    assert client.get("/f/hd7k2?via=qr").status_code == 404


def test_a_new_name_and_new_wording_show_at_once_on_another_server(client, touchpoint, survey):
    client.get("/f/hd7k2")
    with on_another_server():
        touchpoint.name = "Discharge and reablement team"
        touchpoint.save()
        page = SurveyPage.objects.get(pk=survey.pk)
        data = page.questions.get_prep_value()
        data[0]["value"]["question"] = "How was it, all in all?"
        page.questions = data
        page.save_revision().publish()
    html = client.get("/f/hd7k2").content.decode()
    assert "Discharge and reablement team" in html
    assert "How was it, all in all?" in html
    assert "Overall, how was your experience?" not in html


def test_council_settings_saved_on_one_server_show_on_another(client, touchpoint, home):
    assert "0300 123 4000" in client.get("/f/hd7k2").content.decode()
    with on_another_server():
        council = CouncilSettings.for_site(home.get_site())
        council.safeguarding_phone = "0300 999 0001"
        council.save()
    assert "0300 999 0001" in client.get("/f/hd7k2").content.decode()


def test_a_draft_is_never_what_another_server_shows(client, touchpoint, survey):
    client.get("/f/hd7k2")
    with on_another_server():
        page = SurveyPage.objects.get(pk=survey.pk)
        data = page.questions.get_prep_value()
        data[0]["value"]["question"] = "A question nobody has approved"
        page.questions = data
        page.save_revision()
    assert "A question nobody has approved" not in client.get("/f/hd7k2").content.decode()


def test_once_the_change_commits_the_version_is_new_again(
    client, touchpoint, django_capture_on_commit_callbacks
):
    """A server that read the rows between the change and its commit remembered the old ones:
    forgetting again after the commit makes it read them once more."""
    version_key = _published.version_key
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        touchpoint.name = "Renamed"
        touchpoint.save()
    during = cache.get(version_key)
    for callback in after_commit:
        callback()
    assert cache.get(version_key) != during
