"""Pages kept in memory (surveys.rendering) are exactly what rendering them afresh gives, but for
the tokens: if a template starts to show something its key doesn't hold, these fail."""

import re
import uuid

import pytest
from django.test import Client

from surveys import rendering
from surveys.models import Response

TOKENS = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="[^"]*"')


def _normalised(html, receipt_code=None):
    html = TOKENS.sub(r'name="\1" value="…"', html)
    return html.replace(receipt_code, "RECEIPT") if receipt_code else html


@pytest.fixture
def afresh(monkeypatch):
    """Within `with afresh():` no address is kept: every page is rendered the usual way."""

    class Afresh:
        def __enter__(self):
            monkeypatch.setattr(rendering, "KEPT_QUERIES", set())

        def __exit__(self, *exc):
            monkeypatch.undo()

    return Afresh


@pytest.mark.parametrize(
    "path",
    [
        "/f/hd7k2",
        "/f/hd7k2?via=qr",
        "/f/hd7k2?via=kiosk",
        "/f/hd7k2/easy-read",
        "/f/hd7k2/easy-read?via=kiosk",
        "/give-feedback/how-did-we-do/",
    ],
)
def test_a_kept_survey_page_is_the_page_rendered_afresh(client, touchpoint, afresh, path):
    client.get(path)  # now kept
    kept = client.get(path)
    with afresh():
        fresh = client.get(path)
    assert kept.status_code == fresh.status_code == 200
    assert _normalised(kept.content.decode()) == _normalised(fresh.content.decode())
    assert kept["Content-Type"] == fresh["Content-Type"]
    assert kept["Cache-Control"] == fresh["Cache-Control"]


def test_the_polish_page_and_the_untranslated_note_are_kept_apart(
    client, touchpoint, polish_survey, afresh
):
    for path in ("/pl/f/hd7k2", "/ur/f/hd7k2", "/f/hd7k2"):
        client.get(path)
        kept = client.get(path).content.decode()
        with afresh():
            fresh = client.get(path).content.decode()
        assert _normalised(kept) == _normalised(fresh), path
    assert "Jak nam poszło?" in client.get("/pl/f/hd7k2").content.decode()
    assert 'lang="ur"' in client.get("/ur/f/hd7k2").content.decode()  # the note, in Urdu


def _thanks(client, keys, path):
    data = {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    sent = client.post(path, data)
    page = client.get(sent["Location"])
    receipt_code = Response.objects.order_by("-pk").first().receipt_code
    return page, receipt_code


@pytest.mark.parametrize(
    "path", ["/f/hd7k2", "/f/hd7k2?via=kiosk", "/f/hd7k2/easy-read", "/pl/f/hd7k2"]
)
def test_a_kept_confirmation_page_is_the_page_rendered_afresh(
    client, touchpoint, keys, polish_survey, afresh, path
):
    _thanks(client, keys, path)  # now kept
    kept, kept_code = _thanks(client, keys, path)
    with afresh():
        fresh, fresh_code = _thanks(client, keys, path)
    assert kept_code != fresh_code
    assert kept_code in kept.content.decode()
    assert _normalised(kept.content.decode(), kept_code) == _normalised(
        fresh.content.decode(), fresh_code
    )


def test_a_kiosk_starts_again_where_the_resident_began(client, touchpoint, keys):
    for path in ("/f/hd7k2/easy-read?via=kiosk", "/f/hd7k2?via=kiosk"):
        page, _code = _thanks(client, keys, path)
        assert f'id="kiosk-restart" href="{path.replace("&", "&amp;")}"' in page.content.decode()


def test_the_tokens_differ_for_every_visitor_and_the_csrf_token_works(client, touchpoint, keys):
    pages = [client.get("/f/hd7k2").content.decode() for _ in range(3)]
    tokens = [re.search(r'name="submission_token" value="([^"]+)"', p).group(1) for p in pages]
    assert len(set(tokens)) == 3 and all(uuid.UUID(t) for t in tokens)
    browser = Client(enforce_csrf_checks=True)
    form = browser.get("/f/hd7k2")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode()).group(1)
    assert "csrftoken" in form.cookies
    data = {"csrfmiddlewaretoken": csrf, "submission_token": tokens[0]}
    data[f"q_{keys['overall']}"] = "good"
    assert browser.post("/f/hd7k2", data).status_code == 302
    assert browser.post("/f/hd7k2", {**data, "csrfmiddlewaretoken": "x" * 64}).status_code == 403


def test_an_address_with_a_query_of_its_own_is_rendered_not_kept(client, touchpoint):
    from surveys.published import _published

    client.get("/f/hd7k2")
    kept = len(_published._values)
    for n in range(5):
        html = client.get(f"/f/hd7k2?utm_source=leaflet{n}").content.decode()
        assert f"?utm_source=leaflet{n}" in html  # the form posts back to its own address
    assert len(_published._values) == kept


def test_one_residents_errors_never_reach_the_next_residents_form(client, touchpoint, keys):
    """The fields are built once and copied for each form: an error marks only its own copy."""
    from surveys.published import _published

    too_long = {f"q_{keys['do_better']}": "x" * 5001, f"q_{keys['overall']}": "good"}
    first = client.post("/f/hd7k2", too_long).content.decode()
    error_id = f"id_q_{keys['do_better']}-error"
    assert error_id in first
    second = client.post("/f/hd7k2", {f"q_{keys['went_well']}": "Kind staff"}).content.decode()
    assert "govuk-error-message" in second
    assert error_id not in second
    kept = [v for k, (_version, v) in _published._values.items() if k[0] == "questions"]
    assert kept
    for questions in kept:
        for field in questions.fields.values():
            assert "aria-describedby" not in field.widget.attrs
