"""An engagement lead builds a survey in the Wagtail admin, without a developer."""

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from wagtail.test.utils.form_data import nested_form_data, streamfield

from surveys.models import SurveyIndexPage, SurveyPage, Touchpoint


def test_engagement_lead_builds_and_publishes_a_survey(client, django_user_model, home, service):
    lead = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    TOTP.activate(lead, generate_totp_secret())
    client.force_login(lead)
    index = SurveyIndexPage(title="Give feedback", slug="give-feedback")
    home.add_child(instance=index)

    data = nested_form_data(
        {
            "title": "How did we do? Reablement",
            "slug": "reablement",
            "service": service.pk,
            "invitation": "Tell us how we did.",
            "questions": streamfield(
                [
                    (
                        "overall",
                        {"question": "Overall, how was our reablement service?", "required": True},
                    ),
                    ("free_text", {"question": "What could we do better?", "purpose": "do_better"}),
                    ("ascs_satisfaction", {"question": "How satisfied are you?"}),
                ]
            ),
            "include_helper_question": "on",
            "include_about_you": "on",
            "accepting_responses": "on",
            "thank_you_message": "Thank you.",
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/surveys/surveypage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    survey = SurveyPage.objects.get(slug="reablement")
    assert survey.live
    assert [block_type for _k, block_type, _v in survey.question_blocks()] == [
        "overall",
        "free_text",
        "ascs_satisfaction",
    ]

    Touchpoint.objects.create(name="Reablement team", code="rb5x7", service=service, survey=survey)
    page = client.get("/f/rb5x7").content.decode()
    assert "Overall, how was our reablement service?" in page
    assert "I am extremely satisfied" in page
