"""Random and hostile input at every public form: a stored, clean response or a clear error.

Never a 500 (the test client raises any server error), never a partial save. Comment text is
stored as `surveys.submission.clean_text` makes it: NFC, newlines, no control characters.
"""

import uuid
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.models import ContactRequest, FreeTextAnswer, Response
from surveys.services import response_submit
from surveys.submission import Submission, clean_text
from tests.trust.strategies import hostile_text, unicode_text

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CLEAR_ERROR = ("There is a problem", "Sorry, we could not read what you sent")


@pytest.fixture(autouse=True)
def _no_flood_limit(settings):
    settings.SURVEY_RATE_LIMIT = (10**9, 600)
    settings.RECEIPT_RATE_LIMIT = (10**9, 600)


def _counts():
    return Response.objects.count(), FreeTextAnswer.objects.count()


def _assert_clear_error(page, before):
    assert page.status_code in (200, 400), page.status_code
    assert any(message in page.content.decode() for message in CLEAR_ERROR)
    assert _counts() == before, "nothing partial may be stored"


@pytest.mark.parametrize("path", ["/f/hd7k2", "/f/hd7k2/easy-read"])
@FUZZ
@given(
    overall=st.one_of(st.sampled_from(["good", "poor", "very_good"]), hostile_text),
    went_well=hostile_text,
    do_better=hostile_text,
    token=st.one_of(st.none(), hostile_text),
)
def test_survey_form_stores_clean_text_or_shows_an_error(
    client, touchpoint, keys, path, overall, went_well, do_better, token
):
    before = _counts()
    data = {
        # None: a fresh token, as every real form has. Otherwise a forged or mangled one.
        "submission_token": str(uuid.uuid4()) if token is None else token,
        f"q_{keys['overall']}": overall,
        f"q_{keys['went_well']}": went_well,
        f"q_{keys['do_better']}": do_better,
    }
    page = client.post(path, data)
    if page.status_code != 302:
        _assert_clear_error(page, before)
        return
    response = Response.objects.latest("pk")
    assert response.receipt_code in client.get(page.url).content.decode()
    stored = dict(response.comments.values_list("question_key", "text"))
    expected = {
        keys[purpose]: clean_text(text)
        for purpose, text in (("went_well", went_well), ("do_better", do_better))
        if clean_text(text)
    }
    assert stored == expected
    assert response.overall == overall


@FUZZ
@given(body=st.binary(max_size=2000), prefix=st.sampled_from([b"", b"q_x=", b"website="]))
def test_survey_form_survives_arbitrary_bytes(client, touchpoint, body, prefix):
    before = _counts()
    page = client.generic(
        "POST", "/f/hd7k2", prefix + body, content_type="application/x-www-form-urlencoded"
    )
    # Random bytes never answer the required question, so nothing can be stored.
    assert page.status_code in (200, 400)
    assert _counts() == before


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data; boundary=xyz", "multipart/form-data", "application/json", "text/plain"],
)
def test_malformed_body_types_get_a_clear_page(client, touchpoint, content_type):
    page = client.generic("POST", "/f/hd7k2", b"--xyz\r\n\xff\xfe{", content_type=content_type)
    assert page.status_code in (200, 400)
    assert Response.objects.count() == 0


def test_invalid_utf8_in_a_comment_is_stored_with_replacement_characters(client, touchpoint, keys):
    body = f"q_{keys['overall']}=good&q_{keys['went_well']}=caf%C3%A9%FF%FE ok".encode()
    page = client.generic(
        "POST", "/f/hd7k2", body, content_type="application/x-www-form-urlencoded"
    )
    assert page.status_code == 302
    assert FreeTextAnswer.objects.get().text == "café\ufffd\ufffd ok"


def test_huge_body_gets_the_friendly_400_page_and_saves_nothing(client, touchpoint, keys):
    huge = {f"q_{keys['overall']}": "good", f"q_{keys['went_well']}": "x" * 3_000_000}
    page = client.post("/f/hd7k2", huge)
    assert page.status_code == 400
    assert "Sorry, we could not read what you sent" in page.content.decode()
    assert "Traceback" not in page.content.decode()
    assert Response.objects.count() == 0


def test_too_many_fields_gets_the_friendly_400_page(client, touchpoint, keys):
    fields = {f"f{n}": "x" for n in range(1500)}
    page = client.post("/f/hd7k2", {**fields, f"q_{keys['overall']}": "good"})
    assert page.status_code == 400
    assert Response.objects.count() == 0


def test_nul_character_in_a_comment_is_removed_not_an_error(touchpoint, survey, keys):
    from surveys.submission import Comment

    submission = Submission(
        overall="good", comments=[Comment(keys["went_well"], "went_well", "a\x00b")]
    )
    response, _ = response_submit(
        survey=survey, touchpoint=touchpoint, submission=submission, channel="paper"
    )
    assert response.comments.get().text == "ab"


def test_comment_of_only_control_characters_is_not_stored_as_an_empty_comment(
    client, touchpoint, keys
):
    page = client.post(
        "/f/hd7k2", {f"q_{keys['overall']}": "good", f"q_{keys['went_well']}": "\x07\x1b\x7f"}
    )
    assert page.status_code == 302
    assert FreeTextAnswer.objects.count() == 0


@pytest.fixture
def receipt(survey, touchpoint):
    response, _ = response_submit(
        survey=survey, touchpoint=touchpoint, submission=Submission(overall="good"), channel="qr"
    )
    return response.receipt_code


@FUZZ
@given(
    name=hostile_text,
    phone=hostile_text,
    email=hostile_text,
    method=st.one_of(st.sampled_from(["phone", "email", "text", "letter"]), unicode_text),
    needs=hostile_text,
)
def test_contact_form_stores_what_was_typed_or_shows_an_error(
    client, survey, touchpoint, name, phone, email, method, needs
):
    response, _ = response_submit(
        survey=survey, touchpoint=touchpoint, submission=Submission(overall="good"), channel="qr"
    )
    data = {
        "name": name,
        "phone": phone,
        "email": email,
        "preferred_contact": method,
        "needs": needs,
        "postal_address": needs,
    }
    data.update(receipt_code=response.receipt_code, step="details")
    page = client.post("/feedback/contact/", data)
    stored = ContactRequest.objects.filter(response=response).first()
    assert page.status_code == 200
    if stored is None:
        assert "There is a problem" in page.content.decode()
    else:
        assert (stored.name, stored.preferred_contact) == (name.strip(), method)
        assert "\x00" not in stored.name + stored.phone + stored.needs


@FUZZ
@given(code=hostile_text)
def test_receipt_lookup_finds_or_explains(client, receipt, code):
    page = client.post("/feedback/receipt/", {"receipt_code": code})
    assert page.status_code == 200
    text = page.content.decode()
    assert receipt in text or "There is a problem" in text


@FUZZ
@given(code=hostile_text.filter(lambda text: text.strip()))
def test_receipt_and_touchpoint_addresses_with_any_text_are_404_not_500(client, receipt, code):
    for path in (f"/feedback/thanks/{quote(code, safe='')}/", f"/f/{quote(code, safe='')}"):
        page = client.get(path)
        # 400: an address too long to redirect to (with a slash added) gets the friendly page.
        assert page.status_code in (200, 301, 302, 400, 404, 410)
        if page.status_code == 400:
            assert "Sorry, we could not read what you sent" in page.content.decode()
