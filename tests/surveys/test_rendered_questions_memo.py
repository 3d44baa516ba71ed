"""The survey's questions are rendered once per published version and language, and never
served stale: a publish, another language, an answered form and a preview each show their own."""

import pytest
from django.test.signals import template_rendered

from surveys.models import SurveyPage

FIELDS_TEMPLATE = "surveys/_question_fields.html"


@pytest.fixture
def renders():
    """Names of the templates rendered while the test runs."""
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


def test_the_second_visitor_gets_the_questions_from_memory(client, touchpoint, renders):
    first = client.get("/f/hd7k2").content.decode()
    assert renders.count(FIELDS_TEMPLATE) == 1
    second = client.get("/f/hd7k2").content.decode()
    assert renders.count(FIELDS_TEMPLATE) == 1
    assert "Overall, how was your experience?" in second
    # Only the tokens differ between the two pages.
    assert first.count('type="radio"') == second.count('type="radio"') > 0
    token = 'name="submission_token" value="'
    assert first.split(token)[1][:36] != second.split(token)[1][:36]


def test_a_publish_shows_the_new_wording_at_once(client, touchpoint, survey):
    assert "What went well?" in client.get("/f/hd7k2").content.decode()
    page = SurveyPage.objects.get(pk=survey.pk)
    data = page.questions.get_prep_value()
    for block in data:
        if block["value"].get("question") == "What went well?":
            block["value"]["question"] = "What was good about your visit?"
    page.questions = data
    page.save_revision().publish()

    html = client.get("/f/hd7k2").content.decode()
    assert "What was good about your visit?" in html
    assert "What went well?" not in html


def test_a_draft_is_never_served_to_residents_nor_cached_for_them(client, touchpoint, survey):
    page = SurveyPage.objects.get(pk=survey.pk)
    data = page.questions.get_prep_value()
    data[1]["value"]["question"] = "A draft question nobody has approved"
    page.questions = data
    page.save_revision()  # saved, not published

    assert "A draft question nobody has approved" not in client.get("/f/hd7k2").content.decode()


def test_an_answered_form_is_rendered_with_its_errors_and_answers(client, touchpoint, keys):
    client.get("/f/hd7k2")  # the questions are now in memory
    words = "The carer was kind but late every day this week."
    page = client.post(
        "/f/hd7k2",
        {f"q_{keys['went_well']}": words, f"q_{keys['do_better']}": "x" * 5001},
    ).content.decode()
    assert words in page
    assert "govuk-error-message" in page
    # And the next resident gets a clean form: neither the words nor the error.
    fresh = client.get("/f/hd7k2").content.decode()
    assert words not in fresh
    assert "govuk-error-message" not in fresh


def test_each_language_gets_its_own_questions(client, touchpoint, renders):
    client.get("/f/hd7k2")
    client.get("/f/hd7k2/easy-read")
    assert renders.count(FIELDS_TEMPLATE) == 2  # the easy read variant is its own
    client.get("/f/hd7k2/easy-read")
    assert renders.count(FIELDS_TEMPLATE) == 2
