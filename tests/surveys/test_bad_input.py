import uuid

import pytest

from surveys.models import FreeTextAnswer, Response


def test_unknown_code_gets_a_helpful_404(client, touchpoint):
    response = client.get("/f/zzzzz")
    assert response.status_code == 404
    assert "We could not find that survey" in response.content.decode()


def test_inactive_touchpoint_is_treated_as_unknown(client, touchpoint):
    touchpoint.is_active = False
    touchpoint.save()
    assert client.get("/f/hd7k2").status_code == 404


def test_closed_survey_says_so_and_saves_nothing(client, touchpoint, survey, keys):
    survey.accepting_responses = False
    survey.save_revision().publish()
    response = client.post(
        "/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    )
    assert response.status_code == 410
    assert "This survey has closed" in response.content.decode()
    assert Response.objects.count() == 0


def test_unpublished_survey_is_not_available(client, touchpoint, survey):
    survey.unpublish()
    assert client.get("/f/hd7k2").status_code == 404


def test_empty_submission_gets_error_summary_and_saves_nothing(client, touchpoint, survey, keys):
    survey.questions[0].value["required"] = False
    survey.save_revision().publish()
    response = client.post("/f/hd7k2", {"submission_token": str(uuid.uuid4())})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Answer at least one question before sending." in html
    assert Response.objects.count() == 0


def test_required_question_missing_is_an_inline_error(client, touchpoint, keys):
    response = client.post(
        "/f/hd7k2",
        {"submission_token": str(uuid.uuid4()), f"q_{keys['went_well']}": "Lovely staff"},
    )
    html = response.content.decode()
    assert 'class="govuk-error-message"' in html
    assert f'href="#id_q_{keys["overall"]}_0"' in html
    assert Response.objects.count() == 0


def test_invalid_choice_is_rejected(client, touchpoint, keys):
    response = client.post(
        "/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "brilliant"}
    )
    assert "Select one of the answers to ‘Overall, how was your experience?’" in (
        response.content.decode()
    )
    assert Response.objects.count() == 0


def test_over_long_comment_is_rejected_and_nothing_partial_saved(client, touchpoint, keys):
    response = client.post(
        "/f/hd7k2",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": "poor",
            f"q_{keys['do_better']}": "x" * 5001,
        },
    )
    assert "must be 5,000 characters or fewer" in response.content.decode()
    assert Response.objects.count() == 0
    assert FreeTextAnswer.objects.count() == 0


def test_comment_of_exactly_the_limit_is_accepted(client, touchpoint, keys):
    client.post(
        "/f/hd7k2",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": "poor",
            f"q_{keys['do_better']}": "y" * 5000,
        },
    )
    assert len(FreeTextAnswer.objects.get().text) == 5000


def test_honeypot_submission_is_thanked_but_not_stored(client, touchpoint, keys):
    response = client.post(
        "/f/hd7k2",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": "good",
            "website": "http://spam.example",
        },
    )
    assert response.status_code == 200
    assert Response.objects.count() == 0


def test_flood_from_one_client_is_slowed_down(client, touchpoint, keys, settings):
    settings.SURVEY_RATE_LIMIT = (3, 600)
    statuses = [
        client.post(
            "/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
        ).status_code
        for _ in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3


def test_rate_limit_is_per_client(client, touchpoint, keys, settings):
    settings.SURVEY_RATE_LIMIT = (1, 600)
    first = client.post(
        "/f/hd7k2",
        {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"},
        REMOTE_ADDR="10.0.0.1",
    )
    other = client.post(
        "/f/hd7k2",
        {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"},
        REMOTE_ADDR="10.0.0.2",
    )
    assert (first.status_code, other.status_code) == (302, 302)


@pytest.mark.parametrize("token", ["", "not-a-uuid"])
def test_missing_or_forged_token_still_stores_the_answers_once(client, touchpoint, keys, token):
    response = client.post("/f/hd7k2", {"submission_token": token, f"q_{keys['overall']}": "good"})
    assert response.status_code == 302
    assert Response.objects.get().submission_token is not None


def test_receipt_codes_cannot_be_guessed_at_speed(client, touchpoint, keys, settings):
    """Lookups, receipt pages and withdrawals share one limit per client, apart from sending."""
    settings.RECEIPT_RATE_LIMIT = (3, 600)
    client.post("/f/hd7k2", {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"})
    code = Response.objects.get().receipt_code
    guesses = [
        client.post("/feedback/receipt/", {"receipt_code": f"AAAA-BBBB-C{n}"}).status_code
        for n in range(2)
    ]
    assert guesses == [200, 200]  # "we could not find it", twice
    assert client.post("/feedback/receipt/", {"receipt_code": code}).status_code == 200
    assert client.post("/feedback/receipt/", {"receipt_code": code}).status_code == 429
    withdraw = {"receipt_code": code, "confirm": "yes"}
    assert client.post("/feedback/receipt/withdraw/", withdraw).status_code == 429
    assert client.post("/feedback/contact/", {"receipt_code": code}).status_code == 429
    assert Response.objects.filter(receipt_code=code).exists(), "nothing withdrawn"
    other = client.post("/feedback/receipt/", {"receipt_code": code}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200
