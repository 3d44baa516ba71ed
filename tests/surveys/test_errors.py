"""Errors that say what to do: GOV.UK messages per question, never Django's defaults."""

import uuid

import pytest
from django.utils import formats, translation

from surveys.forms import SurveyResponseForm
from surveys.models import Response

DJANGO_DEFAULTS = ["This field is required.", "Ensure this value has at most", "Select a valid"]


def _errors(survey, data, *, easy_read=False):
    form = SurveyResponseForm(
        {"submission_token": str(uuid.uuid4()), **data}, survey=survey, easy_read=easy_read
    )
    assert not form.is_valid()
    return form.errors


def _require(survey, *block_types):
    for child in survey.questions:
        if child.block_type in block_types or child.value.get("purpose") in block_types:
            child.value["required"] = True
    survey.save_revision().publish()
    survey.refresh_from_db()
    return survey


def test_missing_overall_answer_says_select_how_your_experience_was(survey, keys):
    errors = _errors(survey, {f"q_{keys['went_well']}": "Kind staff"})
    assert errors[f"q_{keys['overall']}"] == ["Select how your experience was"]


def test_too_long_answer_names_the_question_and_the_limit(survey, keys):
    errors = _errors(survey, {f"q_{keys['overall']}": "poor", f"q_{keys['do_better']}": "x" * 5001})
    assert errors[f"q_{keys['do_better']}"] == [
        "Your answer to ‘What could we do better?’ must be 5,000 characters or fewer"
    ]


def test_required_free_text_says_what_to_enter(survey, keys):
    _require(survey, "do_better", "went_well")
    errors = _errors(survey, {f"q_{keys['overall']}": "good"})
    assert errors[f"q_{keys['do_better']}"] == ["Enter what could be better"]
    assert errors[f"q_{keys['went_well']}"] == ["Enter what went well"]


def test_required_choices_name_their_question(survey, keys):
    _require(survey, "single_choice", "multiple_choice", "ascs_satisfaction")
    errors = _errors(survey, {f"q_{keys['overall']}": "good"})
    assert errors[f"q_{keys['single_choice']}"] == [
        "Select an answer to ‘How did you first contact us?’"
    ]
    assert errors[f"q_{keys['multiple_choice']}"] == [
        "Select at least one answer to ‘What help did you get?’"
    ]
    assert errors[f"q_{keys['ascs_satisfaction']}"] == [
        "Select how satisfied or dissatisfied you are"
    ]


def test_no_question_shows_a_django_default_message(survey, keys):
    _require(survey, "single_choice", "multiple_choice", "do_better")
    errors = _errors(
        survey,
        {
            f"q_{keys['overall']}": "brilliant",
            f"q_{keys['went_well']}": "y" * 6000,
            f"q_{keys['multiple_choice']}": ["not-an-option"],
        },
    )
    messages = [message for field in errors.values() for message in field]
    assert len(messages) == 5
    assert not [m for m in messages if any(d in m for d in DJANGO_DEFAULTS)], messages
    assert errors[f"q_{keys['overall']}"] == [
        "Select one of the answers to ‘Overall, how was your experience?’"
    ]


def test_a_percent_sign_in_the_question_does_not_break_the_message(survey, keys):
    for child in survey.questions:
        if child.value.get("purpose") == "do_better":
            child.value["question"] = "Was 100% of it better?"
    survey.save_revision().publish()
    survey.refresh_from_db()
    errors = _errors(survey, {f"q_{keys['do_better']}": "x" * 5001})
    assert errors[f"q_{keys['do_better']}"] == [
        "Your answer to ‘Was 100% of it better?’ must be 5,000 characters or fewer"
    ]


def test_the_limit_is_written_as_the_residents_language_writes_numbers(survey, keys):
    with translation.override("pl"):
        polish_limit = formats.number_format(5000, force_grouping=True)
        errors = _errors(survey, {f"q_{keys['do_better']}": "x" * 5001})
        message = str(errors[f"q_{keys['do_better']}"][0])
    assert polish_limit not in {"5000", "5,000"}
    assert polish_limit in message
    assert "5,000" not in message


def test_easy_read_errors_use_easy_words(survey, keys):
    _require(survey, "single_choice", "do_better")
    errors = _errors(survey, {f"q_{keys['went_well']}": "x" * 5001}, easy_read=True)
    assert errors[f"q_{keys['overall']}"] == ["Please choose a face."]
    assert errors[f"q_{keys['single_choice']}"] == ["Please choose an answer."]
    assert errors[f"q_{keys['do_better']}"] == ["Please write your answer."]
    assert errors[f"q_{keys['went_well']}"] == ["Please write less. Use 5,000 letters or fewer."]


def test_easy_read_empty_form_asks_for_one_answer_in_easy_words(survey):
    for child in survey.questions:
        child.value["required"] = False
    survey.save_revision().publish()
    survey.refresh_from_db()
    errors = _errors(survey, {}, easy_read=True)
    assert errors["__all__"] == ["Please answer at least one question."]


def test_error_page_links_each_message_to_its_question(client, touchpoint, keys):
    response = client.post(
        "/f/hd7k2",
        {"submission_token": str(uuid.uuid4()), f"q_{keys['do_better']}": "z" * 5001},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="#id_q_{keys["overall"]}_0">Select how your experience was</a>' in html
    assert f'href="#id_q_{keys["do_better"]}">Your answer to ‘What could we do better?’' in html
    assert f'id="id_q_{keys["do_better"]}-error"' in html
    assert "This field is required." not in html
    assert Response.objects.count() == 0


def test_easy_read_error_page_shows_easy_words_beside_the_question(client, touchpoint, keys):
    response = client.post("/f/hd7k2/easy-read", {"submission_token": str(uuid.uuid4())})
    html = response.content.decode()
    assert f'<a href="#id_q_{keys["overall"]}_0">Please choose a face.</a>' in html
    assert f'<p id="id_q_{keys["overall"]}-error" class="govuk-error-message">' in html
    assert "Select how your experience was" not in html


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_messages_are_translatable_strings_in_every_language(survey, keys, language):
    # The words come from gettext (locale/*.po); the question and the number are filled in.
    with translation.override(language):
        errors = _errors(survey, {f"q_{keys['do_better']}": "x" * 5001})
        limit = formats.number_format(5000, force_grouping=True)
        message = str(errors[f"q_{keys['do_better']}"][0])
    assert "What could we do better?" in message
    assert limit in message
