"""Surveys open and close on their dates, keep their short address, and say so when closed."""

from datetime import date

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from wagtail.test.utils.form_data import nested_form_data, streamfield

from surveys.choices import Channel
from surveys.models import Response, SurveyPage
from surveys.services import SurveyClosed, response_submit
from surveys.submission import Submission


def _dates(survey, opens_on=None, closes_on=None):
    survey.opens_on, survey.closes_on = opens_on, closes_on
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def _answers(keys):
    return {f"q_{keys['overall']}": "good", "submission_token": "x"}


@freeze_time("2026-06-15")
def test_survey_after_its_closing_day_says_when_it_closed_at_its_short_address(
    client, survey, touchpoint, keys
):
    _dates(survey, closes_on=date(2026, 6, 14))
    page = client.get("/f/hd7k2")
    assert page.status_code == 410
    html = page.content.decode()
    assert "This survey has closed" in html
    assert "It closed on 14 June 2026." in html
    assert client.post("/f/hd7k2", _answers(keys)).status_code == 410
    assert Response.objects.count() == 0


@freeze_time("2026-06-14")
def test_survey_takes_answers_on_its_closing_day(client, survey, touchpoint, keys):
    _dates(survey, closes_on=date(2026, 6, 14))
    assert client.get("/f/hd7k2").status_code == 200
    assert client.post("/f/hd7k2", _answers(keys)).status_code == 302
    assert Response.objects.count() == 1


@freeze_time("2026-06-15")
def test_survey_before_its_opening_day_says_when_it_opens_and_stores_nothing(
    client, survey, touchpoint, keys
):
    _dates(survey, opens_on=date(2026, 7, 1))
    page = client.get("/f/hd7k2")
    assert page.status_code == 200
    assert "It opens on 1 July 2026." in page.content.decode()
    assert 'name="q_' not in page.content.decode()
    client.post("/f/hd7k2", _answers(keys))
    assert Response.objects.count() == 0


@freeze_time("2026-06-15")
def test_unticked_survey_is_closed_without_claiming_a_closing_date(client, survey, touchpoint):
    survey.accepting_responses = False
    _dates(survey, closes_on=date(2026, 12, 31))
    html = client.get("/f/hd7k2").content.decode()
    assert "This survey has closed" in html
    assert "It closed on" not in html


@freeze_time("2026-06-15")
def test_closed_survey_refuses_web_answers_in_the_service_but_staff_can_key_in_late_cards(
    survey, touchpoint
):
    survey = _dates(survey, closes_on=date(2026, 6, 1))
    submission = Submission(overall="good")
    with pytest.raises(SurveyClosed):
        response_submit(survey=survey, submission=submission, channel=Channel.QR)
    response_submit(survey=survey, submission=submission, channel=Channel.PAPER, allow_closed=True)
    assert Response.objects.count() == 1


@freeze_time("2026-06-15")
def test_give_feedback_lists_only_surveys_open_today(client, survey):
    index = survey.get_parent().specific
    _dates(survey, opens_on=date(2026, 6, 16))
    assert list(index.get_context(_request())["surveys"]) == []
    _dates(survey, opens_on=date(2026, 6, 15), closes_on=date(2026, 6, 15))
    assert list(index.get_context(_request())["surveys"]) == [survey]


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")


def test_closing_before_opening_is_refused(survey):
    survey.opens_on, survey.closes_on = date(2026, 6, 2), date(2026, 6, 1)
    with pytest.raises(ValidationError) as error:
        survey.full_clean()
    assert "closes_on" in error.value.message_dict


# Wagtail autosaves a new page as a draft; starting again with the same title clashed.


def _lead(client, django_user_model):
    lead = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    TOTP.activate(lead, generate_totp_secret())
    client.force_login(lead)


def _new_survey_form(service, slug, action="action-publish"):
    return nested_form_data(
        {
            "title": "How did we do? Reablement",
            "slug": slug,
            "service": service.pk,
            "invitation": "Tell us how we did.",
            "questions": streamfield([("overall", {"question": "How was it?", "required": True})]),
            "thank_you_message": "Thank you.",
            action: "1",
        }
    )


def _add(client, index, data):
    return client.post(f"/admin/pages/add/surveys/surveypage/{index.pk}/", data)


def test_starting_again_after_an_abandoned_draft_gets_the_next_free_slug(
    client, django_user_model, survey, service
):
    _lead(client, django_user_model)
    index = survey.get_parent()
    # The first attempt, autosaved as a draft and abandoned.
    assert _add(client, index, _new_survey_form(service, "reablement", "draft")).status_code == 302
    response = _add(client, index, _new_survey_form(service, "reablement"))
    assert response.status_code == 302
    slugs = sorted(SurveyPage.objects.child_of(index).values_list("slug", "live"))
    assert ("reablement", False) in slugs and ("reablement-2", True) in slugs


def test_a_published_surveys_slug_is_still_refused(client, django_user_model, survey, service):
    _lead(client, django_user_model)
    response = _add(client, survey.get_parent(), _new_survey_form(service, survey.slug))
    assert response.status_code == 200
    assert "already in use" in str(response.context["form"].errors["slug"])
    assert SurveyPage.objects.count() == 1


def test_a_draft_that_was_once_published_keeps_its_slug(client, django_user_model, survey, service):
    survey.unpublish()
    _lead(client, django_user_model)
    response = _add(client, survey.get_parent(), _new_survey_form(service, survey.slug))
    assert response.status_code == 200
    assert SurveyPage.objects.count() == 1
