"""What engagement leads see while editing: readability warnings, reports, the word list."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time
from wagtail.rich_text import RichText

from cms.models import PlainEnglishTerm
from cms.selectors import page_readability, pages_due_for_review
from demo.pages.tree import publish

HARD_TEXT = (
    "Following a comprehensive multidisciplinary assessment, eligibility for reablement and "
    "domiciliary care will be determined in accordance with the statutory framework, and "
    "individuals may subsequently be signposted towards appropriate community organisations."
)


@pytest.fixture
def hard_page(assessment_page):
    assessment_page.body = [("paragraph", RichText(f"<p>{HARD_TEXT}</p>"))]
    return publish(assessment_page)


def test_editor_shows_reading_age_of_the_saved_page(editor_client, assessment_page):
    html = editor_client.get(f"/admin/pages/{assessment_page.pk}/edit/").content.decode()
    assert "Estimated reading age:" in html
    assert "Readability" in html


def test_editor_warns_about_hard_text_long_sentences_and_jargon(editor_client, hard_page):
    html = editor_client.get(f"/admin/pages/{hard_page.pk}/edit/").content.decode()
    assert "Aim for 9 or under" in html
    assert "more than 25 words" in html
    assert "support to get back on your feet" in html


def test_plain_demo_page_meets_the_reading_age_target(assessment_page):
    result = page_readability(assessment_page)
    assert result.measured and not result.too_hard
    assert result.analysis.long_sentences == []
    assert result.analysis.jargon == []


def test_translated_pages_are_not_given_an_english_reading_age(assessment_page):
    urdu = assessment_page.get_translations().get(locale__language_code="ur").specific
    assert page_readability(urdu).measured is False


def test_easy_read_page_warns_on_sentences_over_fifteen_words(easy_read_page):
    text = "We want to know what you think about all of the help that you got from us this year."
    easy_read_page.body[1].value["text"] = text
    result = page_readability(easy_read_page)
    assert result.long_sentence_words == 15
    assert result.analysis.long_sentences == [text]


def test_easy_read_page_warns_on_more_than_one_idea_in_a_block(easy_read_page):
    easy_read_page.body[1].value["text"] = "We read every card, and we call you back; you can help."
    warnings = page_readability(easy_read_page).block_warnings
    assert len(warnings) == 1 and "more than one idea" in warnings[0]


def test_demo_easy_read_page_has_no_warnings(easy_read_page):
    assert page_readability(easy_read_page).warning_count == 0


def test_editing_the_word_list_changes_the_warnings(assessment_page):
    PlainEnglishTerm.objects.create(term="Assessment", suggestion="a talk about your needs")
    jargon = page_readability(assessment_page).analysis.jargon
    assert [match.term for match in jargon] == ["assessment"]


def test_readability_report_lists_english_pages_hardest_first(editor_client, hard_page):
    response = editor_client.get("/admin/reports/readability/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(hard_page.title) < html.index("Support for unpaid carers")
    assert "above target" in html
    assert "نگہداشت" not in html


def test_readability_report_exports_csv(editor_client, hard_page):
    response = editor_client.get("/admin/reports/readability/?export=csv")
    assert response.status_code == 200
    assert b"Reading age" in b"".join(response.streaming_content)


def test_readability_report_is_refused_to_people_without_page_permissions(client, demo_site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("viewer", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert user.is_staff is False
    client.force_login(user)
    assert client.get("/admin/reports/readability/").status_code == 302


def test_review_report_lists_pages_past_their_review_date(editor_client, assessment_page):
    assessment_page.review_by = timezone.localdate() - datetime.timedelta(days=1)
    publish(assessment_page)
    html = editor_client.get("/admin/reports/review-due/").content.decode()
    assert assessment_page.title in html
    assert "Support for unpaid carers" not in html


def test_page_due_today_is_not_yet_overdue(assessment_page):
    assessment_page.review_by = datetime.date(2030, 1, 1)
    assessment_page.save()
    with freeze_time("2030-01-01"):
        assert not assessment_page.is_review_overdue
        assert assessment_page.pk not in [p.pk for p in pages_due_for_review()]
    with freeze_time("2030-01-02"):
        assert assessment_page.is_review_overdue


def test_pages_due_soon_can_be_listed_ahead_of_time(assessment_page):
    assessment_page.review_by = datetime.date(2030, 1, 10)
    assessment_page.save()
    with freeze_time("2030-01-01"):
        assert assessment_page.pk not in [p.pk for p in pages_due_for_review()]
        assert assessment_page.pk in [p.pk for p in pages_due_for_review(within_days=14)]


def test_review_report_is_empty_when_nothing_is_due(editor_client, demo_site):
    html = editor_client.get("/admin/reports/review-due/").content.decode()
    assert "No pages are past their review date." in html


def test_reports_appear_in_the_reports_menu(editor_client, demo_site):
    html = editor_client.get("/admin/").content.decode()
    assert "/admin/reports/readability/" in html
    assert "/admin/reports/review-due/" in html


def test_plain_english_word_list_is_editable_as_a_snippet(editor_client, demo_site):
    response = editor_client.get("/admin/snippets/cms/plainenglishterm/")
    assert response.status_code == 200
    assert "reablement" in response.content.decode()
    assert PlainEnglishTerm.objects.count() >= 25


def test_new_terms_are_stored_lower_case(db):
    term = PlainEnglishTerm.objects.create(term="  Reablement ", suggestion="x")
    assert term.term == "reablement"


def test_wagtail_accessibility_checker_runs_every_rule(rf):
    from wagtail.admin.userbar import ContentCheckerItem

    from cms.wagtail_hooks import AllRulesContentCheckerItem, use_every_accessibility_rule

    items = [ContentCheckerItem(in_editor=True)]
    use_every_accessibility_rule(rf.get("/"), items, None)
    assert isinstance(items[0], AllRulesContentCheckerItem)
    assert items[0].axe_run_only is None and items[0].in_editor is True
