import pytest
from wagtail.models import Locale, Page

from cms.models import HomePage
from surveys.blocks import choice_options
from surveys.models import Service, SurveyIndexPage, SurveyPage, Touchpoint

QUESTIONS = [
    {
        "type": "overall",
        "value": {"question": "Overall, how was your experience?", "required": True},
    },
    {"type": "free_text", "value": {"question": "What went well?", "purpose": "went_well"}},
    {
        "type": "free_text",
        "value": {"question": "What could we do better?", "purpose": "do_better"},
    },
    {
        "type": "single_choice",
        "value": {
            "question": "How did you first contact us?",
            "options": choice_options("Phone", "Email", "In person"),
        },
    },
    {
        "type": "multiple_choice",
        "value": {
            "question": "What help did you get?",
            "options": choice_options("Assessment", "Equipment", "Respite"),
        },
    },
    {"type": "ascs_satisfaction", "value": {"question": "How satisfied are you?"}},
]


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    home = HomePage(title="Home", slug="test-home")
    root.add_child(instance=home)
    from wagtail.models import Site

    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


@pytest.fixture
def service(db):
    return Service.objects.create(name="Hospital discharge", slug="hospital-discharge")


@pytest.fixture
def survey(home, service):
    index = SurveyIndexPage(title="Give feedback", slug="give-feedback")
    home.add_child(instance=index)
    page = SurveyPage(
        title="How did we do?", slug="how-did-we-do", service=service, questions=QUESTIONS
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return SurveyPage.objects.get(pk=page.pk)


@pytest.fixture
def touchpoint(survey, service):
    return Touchpoint.objects.create(
        name="Discharge team", code="hd7k2", service=service, survey=survey
    )


@pytest.fixture
def keys(survey):
    """Question keys by block type (first of each type) and by purpose for free text."""
    result = {}
    for key, block_type, value in survey.question_blocks():
        name = value.get("purpose") if block_type == "free_text" else block_type
        result.setdefault(name, key)
    return result


@pytest.fixture
def option_ids(survey):
    ids = {}
    for _key, block_type, value in survey.question_blocks():
        if block_type in {"single_choice", "multiple_choice"}:
            ids[block_type] = [child.id for child in value["options"].bound_blocks]
    return ids


@pytest.fixture
def polish_survey(survey):
    polish, _ = Locale.objects.get_or_create(language_code="pl")
    for ancestor in survey.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.get_translation_or_none(polish):
            ancestor.copy_for_translation(polish).save_revision().publish()
    translated = survey.copy_for_translation(polish)
    translated.title = "Jak nam poszło?"
    for child in translated.questions:
        if child.block_type == "overall":
            child.value["question"] = "Ogólnie, jak oceniasz nasze usługi?"
    translated.save_revision().publish()
    return translated


def _user_with(django_user_model, username, *codenames, is_staff=True):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@council.example", password="x", is_staff=is_staff
    )
    access_admin = Permission.objects.get(codename="access_admin")
    user.user_permissions.add(access_admin)
    if is_staff:
        # Staff can't use the admin until they have an authenticator (MFA).
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    for codename in codenames:
        app_label, name = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
    return user


@pytest.fixture
def staff_user(django_user_model):
    return _user_with(
        django_user_model,
        "lead",
        "surveys.view_response",
        "surveys.enter_paper_response",
        "surveys.export_response",
        "surveys.view_touchpoint",
    )


@pytest.fixture
def unredacted_user(django_user_model):
    return _user_with(
        django_user_model,
        "safeguarding",
        "surveys.view_response",
        "surveys.view_unredacted_text",
        "surveys.export_response",
        "surveys.view_contactrequest",
        "surveys.change_contactrequest",
        "surveys.delete_contactrequest",
    )


@pytest.fixture
def plain_staff(django_user_model):
    return _user_with(django_user_model, "noperms")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
