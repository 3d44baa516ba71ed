"""The resident journey in Polish and Urdu (issue #19): the character count speaks the page's
language, phone numbers stay whole and left to right, the language links never drop a reader
on the English home, an untranslated survey is answered in English rather than a 404, a new
survey is offered for translation, and the thanks page says what happens next once."""

import html as html_lib
import re
import uuid

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from wagtail.models import Locale

from cms.models import InformationPage
from surveys.models import SurveyPage
from surveys.wagtail_hooks import offer_survey_translation


def _attributes(html, prefix):
    return {
        name: html_lib.unescape(value)
        for name, value in re.findall(rf'data-i18n\.({prefix}[\w.-]*)="([^"]*)"', html)
    }


def test_the_character_count_gives_every_plural_form_for_the_script(client, touchpoint):
    counts = _attributes(client.get("/f/hd7k2").content.decode(), "characters-")
    assert counts["characters-under-limit.one"] == "You have %{count} character remaining"
    assert counts["characters-under-limit.other"] == "You have %{count} characters remaining"
    assert counts["characters-over-limit.other"] == "You have %{count} characters too many"
    assert set(counts) >= {"characters-under-limit.few", "characters-under-limit.many"}


def _translate(survey, language_code):
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    for page in [*survey.get_ancestors().filter(depth__gt=1).specific(), survey]:
        if not page.get_translation_or_none(locale):
            page.copy_for_translation(locale).save_revision().publish()


@pytest.mark.parametrize(
    ("language", "words"),
    [("pl", "Możesz wpisać maksymalnie %{count} znaków"), ("ur", "حروف لکھ سکتے ہیں")],
)
def test_the_character_count_is_in_the_residents_language(client, touchpoint, language, words):
    _translate(touchpoint.survey, language)
    html = client.get(f"/{language}/f/hd7k2").content.decode()
    description = _attributes(html, "textarea-description")["textarea-description.other"]
    assert words in description
    assert "You can enter" not in description


def test_phone_numbers_stay_left_to_right_and_whole_in_urdu(client, touchpoint):
    Locale.objects.get_or_create(language_code="ur")
    html = client.get("/ur/f/hd7k2").content.decode()
    assert '<span class="app-phone" dir="ltr">0300 123 4000</span>' in html  # safeguarding
    assert '<span class="app-phone" dir="ltr">0300 123 4567</span>' in html  # footer help


@pytest.fixture
def polish_only_page(polish_survey):
    polish = Locale.objects.get(language_code="pl")
    polish_home = polish_survey.get_parent().get_parent()
    assert polish_home.locale == polish
    page = InformationPage(title="Tylko po polsku", slug="tylko-po-polsku", locale=polish)
    polish_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_on_a_polish_only_page_the_urdu_link_goes_to_the_urdu_home(client, polish_only_page):
    Locale.objects.get_or_create(language_code="ur")
    html = client.get(polish_only_page.url).content.decode()
    switcher = html[html.index("app-language-switcher") :]
    assert 'href="/ur/" lang="ur"' in switcher
    assert 'href="/" lang="en"' in switcher


def test_a_language_link_goes_to_the_nearest_translated_section(client, polish_only_page):
    polish = Locale.objects.get(language_code="pl")
    section = InformationPage(title="Pomoc", slug="pomoc", locale=polish)
    polish_only_page.get_parent().add_child(instance=section)
    section.save_revision().publish()
    english_section = section.copy_for_translation(Locale.objects.get(language_code="en"))
    english_section.save_revision().publish()
    page = InformationPage(title="Tylko tu", slug="tylko-tu", locale=polish)
    section.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'href="{english_section.url}" lang="en"' in html


def _index_in_polish(survey):
    polish = Locale.objects.create(language_code="pl")
    for page in survey.get_ancestors().filter(depth__gt=1).specific():
        page.copy_for_translation(polish).save_revision().publish()


def test_a_survey_not_yet_in_polish_is_answered_in_english_at_its_polish_address(
    client, survey, keys
):
    _index_in_polish(survey)
    response = client.get("/pl/give-feedback/how-did-we-do/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Overall, how was your experience?" in html
    assert 'class="govuk-inset-text" lang="pl"' in html  # the note, in Polish
    data = {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    posted = client.post("/pl/give-feedback/how-did-we-do/", data)
    assert posted.status_code == 302
    assert survey.responses.count() == 1


def test_an_address_no_language_has_is_still_not_found(client, survey):
    _index_in_polish(survey)
    assert client.get("/pl/give-feedback/no-such-survey/").status_code == 404


def test_a_draft_survey_is_not_shown_through_another_language(client, survey):
    _index_in_polish(survey)
    survey.unpublish()
    assert client.get("/pl/give-feedback/how-did-we-do/").status_code == 404


def _admin_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_new_survey_is_offered_for_translation(survey, django_user_model):
    Locale.objects.get_or_create(language_code="pl")
    Locale.objects.get_or_create(language_code="ur")
    admin = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    request = _admin_request(admin)
    offer_survey_translation(request, SurveyPage.objects.get(pk=survey.pk))
    [message] = list(get_messages(request))
    assert "This survey is not in Polish, Urdu yet." in str(message)
    assert f"/admin/localize/submit/page/{survey.pk}/" in str(message)


def test_a_survey_already_in_every_language_is_not_offered(polish_survey, django_user_model):
    admin = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    request = _admin_request(admin)
    offer_survey_translation(request, polish_survey)
    assert list(get_messages(request)) == []


def test_nobody_without_the_translate_permission_is_offered(survey, django_user_model):
    Locale.objects.get_or_create(language_code="pl")
    user = django_user_model.objects.create_user("officer", "o@council.example", "x")
    request = _admin_request(user)
    offer_survey_translation(request, survey)
    assert list(get_messages(request)) == []


def _thanks(client, keys):
    data = {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    response = client.post("/f/hd7k2", data)
    return client.get(response["Location"]).content.decode()


def test_the_thanks_page_says_we_read_every_comment_once(client, touchpoint, keys):
    html = _thanks(client, keys)
    assert html.count("We read every comment") == 1


def test_the_thanks_page_shows_the_surveys_own_message_instead_of_ours(
    client, survey, touchpoint, keys
):
    survey.thank_you_message = "Our board meets every month to read what you told us."
    survey.save_revision().publish()
    html = _thanks(client, keys)
    assert "Our board meets every month to read what you told us." in html
    assert "We read every comment" not in html


def _caption(html):
    return re.search(r'<span class="govuk-caption-l">(.*?)</span>', html).group(1)


def test_the_caption_names_the_service_and_touchpoint_in_polish(client, touchpoint, polish_survey):
    from surveys.models import ServiceName, TouchpointName

    polish = Locale.objects.get(language_code="pl")
    ServiceName.objects.create(service=touchpoint.service, locale=polish, name="Wypis ze szpitala")
    TouchpointName.objects.create(touchpoint=touchpoint, locale=polish, name="Zespół wypisów")
    assert _caption(client.get("/pl/f/hd7k2").content.decode()) == (
        "Wypis ze szpitala – Zespół wypisów"
    )
    assert _caption(client.get("/f/hd7k2").content.decode()) == (
        "Hospital discharge – Discharge team"
    )


def test_a_name_not_given_in_urdu_stays_as_written(client, touchpoint):
    from surveys.models import ServiceName

    _translate(touchpoint.survey, "ur")
    polish, _created = Locale.objects.get_or_create(language_code="pl")
    ServiceName.objects.create(service=touchpoint.service, locale=polish, name="Wypis ze szpitala")
    caption = _caption(client.get("/ur/f/hd7k2").content.decode())
    assert caption == "Hospital discharge – Discharge team"


@pytest.fixture
def lead_client(client, django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_superuser("boss", "boss@council.example", "x" * 12)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


def test_the_service_form_takes_names_in_other_languages(lead_client, service):
    admin_client = lead_client
    polish = Locale.objects.create(language_code="pl")
    url = f"/admin/snippets/surveys/service/edit/{service.pk}/"
    form = admin_client.get(url).content.decode()
    assert "translated_names-TOTAL_FORMS" in form
    response = admin_client.post(
        url,
        {
            "name": service.name,
            "slug": service.slug,
            "description": "",
            "translated_names-TOTAL_FORMS": "1",
            "translated_names-INITIAL_FORMS": "0",
            "translated_names-MIN_NUM_FORMS": "0",
            "translated_names-MAX_NUM_FORMS": "1000",
            "translated_names-0-locale": str(polish.pk),
            "translated_names-0-name": "Wypis ze szpitala",
            "translated_names-0-id": "",
            "translated_names-0-ORDER": "1",
            "translated_names-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(service.translated_names.values_list("name", flat=True)) == ["Wypis ze szpitala"]
