"""The home page starts the journey (issue #19): a 'Tell us how we did' start button to the
'Give feedback' page in the visitor's language, and a favicon where browsers look for one."""

import re

import pytest
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from surveys.models import SurveyIndexPage

START = re.compile(r'<a href="([^"]*)" role="button" draggable="false" class="govuk-button')


@pytest.fixture
def home(db):
    home = HomePage(title="Adult social care: have your say", slug="start-home")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


@pytest.fixture
def give_feedback(home):
    index = SurveyIndexPage(title="Give feedback", slug="give-feedback")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def test_the_home_page_starts_with_tell_us_how_we_did(client, give_feedback):
    html = client.get("/").content.decode()
    assert START.findall(html) == ["/give-feedback/"]
    assert "Tell us how we did" in html
    # Straight after the title: no introduction or body pushes it below the fold.
    after_title = html[html.index("</h1>") : html.index("govuk-button--start")]
    assert "<p" not in after_title and "<h2" not in after_title


def test_in_polish_the_start_button_goes_to_the_polish_give_feedback_page(
    client, home, give_feedback
):
    polish = Locale.objects.create(language_code="pl")
    home.copy_for_translation(polish).save_revision().publish()
    give_feedback.copy_for_translation(polish).save_revision().publish()
    html = client.get("/pl/").content.decode()
    assert START.findall(html) == ["/pl/give-feedback/"]


def test_without_a_polish_give_feedback_page_the_button_goes_to_the_english_one(
    client, home, give_feedback
):
    polish = Locale.objects.create(language_code="pl")
    home.copy_for_translation(polish).save_revision().publish()
    assert START.findall(client.get("/pl/").content.decode()) == ["/give-feedback/"]


def test_no_give_feedback_page_no_start_button(client, home):
    assert "govuk-button--start" not in client.get("/").content.decode()


def test_an_unpublished_give_feedback_page_gets_no_start_button(client, give_feedback):
    give_feedback.unpublish()
    assert "govuk-button--start" not in client.get("/").content.decode()


def test_every_page_names_its_icons(client, home):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/images/favicon.svg" type="image/svg+xml">' in html
    assert 'rel="apple-touch-icon" href="/static/images/apple-touch-icon.png"' in html


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/favicon.ico", "image/"),
        ("/static/images/favicon.svg", "image/svg+xml"),
        ("/static/images/favicon-32.png", "image/png"),
        ("/static/images/apple-touch-icon.png", "image/png"),
    ],
)
def test_the_icons_are_served_from_our_own_files(client, db, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(body) > 100
