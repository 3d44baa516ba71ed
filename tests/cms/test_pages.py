"""Public pages: what residents see, in English, Polish and Urdu."""

import datetime

import pytest

from cms.models import InformationPage


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/getting-a-care-needs-assessment/",
        "/support-for-unpaid-carers/",
        "/how-we-use-your-feedback/",
        "/easy-read-how-to-tell-us/",
        "/easy-read-how-to-tell-us/text-only/",
        "/get-help/",
        "/news/",
        "/news/new-how-did-we-do-cards/",
        "/you-said-we-did/",
    ],
)
def test_every_demo_page_type_renders_with_one_main_heading(client, demo_site, path):
    html = _html(client, path)
    assert html.count("<h1") == 1
    assert 'id="main-content"' in html


def test_information_page_renders_table_with_caption_and_header_row(client, demo_site):
    html = _html(client, "/getting-a-care-needs-assessment/")
    assert '<caption class="govuk-table__caption' in html
    assert '<th scope="col" class="govuk-table__header">Step</th>' in html


def test_information_page_shows_review_date(client, assessment_page):
    html = _html(client, assessment_page.url)
    assert "Next review due:" in html


@pytest.mark.parametrize(
    "prefix, shown, not_shown",
    [
        ("", "1 March 2030", "March 1, 2030"),
        ("/pl", "1 marca 2030", "Marzec 2030"),
        ("/ur", "1 مارچ 2030", "March 2030"),
    ],
)
def test_review_date_is_written_as_each_language_writes_dates(
    client, assessment_page, prefix, shown, not_shown
):
    InformationPage.objects.filter(translation_key=assessment_page.translation_key).update(
        review_by=datetime.date(2030, 3, 1)
    )
    html = _html(client, f"{prefix}/getting-a-care-needs-assessment/")
    assert shown in html
    assert not_shown not in html


def test_information_page_links_to_its_easy_read_version(client, demo_site):
    html = _html(client, "/how-we-use-your-feedback/")
    assert 'href="/easy-read-how-to-tell-us/"' in html


def test_easy_read_page_shows_pictures_with_alt_text(client, easy_read_page):
    html = _html(client, easy_read_page.url)
    assert 'alt="A green tick"' in html
    assert "app-easy-read" in html
    assert 'href="/easy-read-how-to-tell-us/text-only/"' in html


def test_easy_read_text_only_version_has_no_pictures(client, easy_read_page):
    html = _html(client, easy_read_page.url + "text-only/")
    assert "<img" not in html
    assert "We read every card." in html
    assert "Show this page with pictures" in html


def test_contact_page_offers_every_way_to_get_help(client, demo_site):
    html = _html(client, "/get-help/")
    for text in [
        "tel:03001234567",
        "Relay UK",
        "British Sign Language",
        "interpreter",
        "Freepost RTXX-ABCD",
        "You do not need a stamp.",
    ]:
        assert text in html


def test_you_said_we_did_page_lists_published_entries_and_filters_by_service(client, demo_site):
    from coproduction.selectors import you_said_we_did_published

    entries = list(you_said_we_did_published())
    assert entries, "the demo publishes 'You said, we did' entries"
    html = _html(client, "/you-said-we-did/")
    for entry in entries:
        assert entry.we_did.split("\n")[0][:40] in html
    other = next(e for e in entries if e.service_id)
    filtered = _html(client, f"/you-said-we-did/?service={other.service.slug}")
    shown = [e for e in entries if e.we_did.split("\n")[0][:40] in filtered]
    assert shown and all(e.service_id == other.service_id for e in shown)


def test_you_said_we_did_with_no_matches_says_so(client, demo_site):
    from coproduction.models import Action
    from surveys.models import Service
    from themes.models import Theme

    first, second = Action.objects.you_said_we_did()[:2]
    (s1, s2), (t1, t2) = Service.objects.all()[:2], Theme.objects.all()[:2]
    for action, service, theme in [(first, s1, t1), (second, s2, t2)]:
        action.service = service
        action.save()
        action.themes.set([theme])
    html = _html(client, f"/you-said-we-did/?service={s1.slug}&theme={t2.key}")
    assert "No changes match your choices." in html
    assert first.we_did[:30] not in html and second.we_did[:30] not in html


def test_you_said_we_did_before_anything_is_published_says_come_back_soon(client, demo_site):
    from coproduction.models import Action

    Action.objects.update(published_at=None)
    html = _html(client, "/you-said-we-did/")
    assert "Please come back soon." in html and "No changes match" not in html


def test_urdu_pages_are_right_to_left_in_urdu(client, demo_site):
    for url in ["/ur/", "/ur/getting-a-care-needs-assessment/"]:
        html = _html(client, url)
        assert '<html lang="ur" dir="rtl"' in html
    assert "نگہداشت کی ضروریات کا جائزہ" in _html(client, "/ur/getting-a-care-needs-assessment/")


def test_polish_translation_is_left_to_right_in_polish(client, demo_site):
    html = _html(client, "/pl/getting-a-care-needs-assessment/")
    assert '<html lang="pl" dir="ltr"' in html
    assert "Jak uzyskać ocenę potrzeb opiekuńczych" in html


def test_language_switcher_links_to_the_same_page_in_each_language(client, demo_site):
    html = _html(client, "/getting-a-care-needs-assessment/")
    assert 'href="/pl/getting-a-care-needs-assessment/" lang="pl"' in html
    assert 'href="/ur/getting-a-care-needs-assessment/" lang="ur"' in html


def test_demo_page_is_translated_into_two_languages(demo_site):
    page = InformationPage.objects.get(
        slug="getting-a-care-needs-assessment", locale__language_code="en"
    )
    languages = {p.locale.language_code for p in page.get_translations().live()}
    assert languages == {"pl", "ur"}


@pytest.mark.parametrize(
    "path, text",
    [
        ("/ur/", "مرکزی مواد پر جائیں"),
        ("/pl/", "Przejdź do treści głównej"),
        ("/ur/easy-read-how-to-tell-us/", "یہ صفحہ تصویروں کے بغیر پڑھیں"),
    ],
)
def test_interface_text_is_translated(client, demo_site, path, text):
    assert text in _html(client, path)
