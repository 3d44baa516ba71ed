"""Every spreadsheet has a titled sheet and column headers in words (never tablib's "Tablib
Dataset" or field codes like `overall`), in the language of the person exporting: their admin
language preference, else their request's. The boards' history, which is imported back, keeps
field codes as headers."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from core import roles
from insights.exports import ThemeMonthResource, report_export_make, report_export_request
from insights.filters import FeedbackFilter
from insights.models import ReportExport
from insights.rollups import rollups_rebuild
from surveys.services import responses_export
from tests.coproduction.conftest import board  # noqa: F401 - a board fixture
from tests.coproduction.factories import ActionFactory
from tests.insights.factories import response_with
from tests.surveys.conftest import (  # noqa: F401 - shared survey fixtures
    _user_with,
    home,
    keys,
    service,
    survey,
    touchpoint,
)
from tests.themes.factories import SafeguardingFlagFactory

PERIOD = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))
INSIGHTS_XLSX = ["themes", "summary", "cqc_pack"]


@pytest.fixture
def lead(django_user_model):
    user = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    user.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    return user


@pytest.fixture
def feedback(touchpoint):  # noqa: F811 - the shared fixture
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 5), themes=["waiting_times"], text="Too slow.")
    flagged = response_with(touchpoint, date(2026, 3, 6), text="He takes my pension.")
    SafeguardingFlagFactory(comment=flagged.comments.get(), categories=["financial_abuse"])
    rollups_rebuild(start=date(2026, 3, 1), end=date(2026, 3, 31))


def _insights(user, kind, file_format="xlsx"):
    job = report_export_request(
        user=user,
        kind=kind,
        file_format=file_format,
        feedback_filter=PERIOD,
        include_free_text=True,
    )
    return bytes(job.content)


def _sheets(content):
    """{sheet title: header row} of an XLSX file."""
    book = load_workbook(io.BytesIO(bytes(content)))
    return {sheet.title: [cell.value for cell in sheet[1]] for sheet in book.worksheets}


def _csv_headers(content):
    text = content.decode() if isinstance(content, bytes) else content
    return next(csv.reader(io.StringIO(text)))


def _every_xlsx(user):
    """{export: {sheet title: headers}} for every XLSX the product makes for people."""
    responses = responses_export(user=user, filters={}, file_format="xlsx", with_comments=True)
    exports = {"responses": _sheets(responses.content)}
    exports.update({kind: _sheets(_insights(user, kind)) for kind in INSIGHTS_XLSX})
    return exports


def test_every_xlsx_export_has_titled_sheets_and_headers_in_words(lead, feedback):
    exports = _every_xlsx(lead)
    assert list(exports["responses"]) == ["Responses"]
    assert list(exports["themes"]) == ["Themes by month"]
    assert list(exports["summary"]) == ["Theme summary"]
    assert list(exports["cqc_pack"]) == ["Feedback themes", "Actions", "Safeguarding flags"]
    for sheets in exports.values():
        for headers in sheets.values():
            assert headers and all(isinstance(h, str) and h[0].isupper() for h in headers)
            assert not [h for h in headers if "_" in h], "a header is a field code"
    assert "Overall experience" in exports["responses"]["Responses"]
    assert "What could be better" in exports["responses"]["Responses"]
    assert "Negative responses" in exports["themes"]["Themes by month"]


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_titles_and_headers_are_in_the_language_active_at_export(lead, feedback, language):
    english = _every_xlsx(lead)
    with translation.override(language):
        translated = _every_xlsx(lead)
    for export, sheets in english.items():
        assert len(translated[export]) == len(sheets)
        for (title, headers), (other_title, other_headers) in zip(
            sheets.items(), translated[export].items(), strict=True
        ):
            assert other_title != title, f"{export}: sheet '{title}' is not translated"
            untranslated = [h for h, o in zip(headers, other_headers, strict=True) if h == o]
            assert untranslated == [], f"{export} '{title}': not in {language}"


def test_polish_headers_read_as_polish(lead, feedback):
    with translation.override("pl"):
        exports = _every_xlsx(lead)
    assert list(exports["responses"]) == ["Odpowiedzi"]
    assert exports["responses"]["Odpowiedzi"][:3] == ["Numer odpowiedzi", "Data", "Usługa"]
    assert "Ogólne wrażenia" in exports["responses"]["Odpowiedzi"]
    assert exports["themes"]["Tematy według miesięcy"][0] == "Miesiąc"


def test_csv_exports_have_the_same_headers_as_xlsx(lead, feedback):
    with translation.override("pl"):
        for with_comments in (False, True):
            exported = {
                file_format: responses_export(
                    user=lead, filters={}, file_format=file_format, with_comments=with_comments
                ).content
                for file_format in ("csv", "xlsx")
            }
            headers = _csv_headers(exported["csv"])
            assert headers == _sheets(exported["xlsx"])["Odpowiedzi"]
            assert "Ogólne wrażenia" in headers and not [h for h in headers if "_" in h]
        for kind in ["themes", "summary"]:
            xlsx_headers = next(iter(_sheets(_insights(lead, kind)).values()))
            assert _csv_headers(_insights(lead, kind, "csv")) == xlsx_headers
            assert xlsx_headers[0] in {"Miesiąc", "Temat"}


def test_a_background_export_keeps_the_language_it_was_asked_in(lead, feedback):
    with translation.override("pl"):
        job = report_export_request(
            user=lead, kind="themes", file_format="xlsx", feedback_filter=PERIOD
        )
    assert job.params["language"] == "pl"
    ReportExport.objects.filter(pk=job.pk).update(status=ReportExport.Status.QUEUED, content=None)
    report_export_make(export_id=job.pk)  # as a worker would, with English active
    job.refresh_from_db()
    assert list(_sheets(job.content)) == ["Tematy według miesięcy"]


def test_an_admin_language_preference_wins_over_the_request(lead, feedback):
    profile = UserProfile.get_for_user(lead)
    profile.preferred_language = "ur"
    profile.save()
    lead.refresh_from_db()
    with translation.override("pl"):
        headers = next(iter(_sheets(_insights(lead, "summary")).values()))
    assert headers[0] == "موضوع"


def test_staff_export_page_uses_the_admin_language_preference(client, django_user_model, feedback):
    user = _user_with(
        django_user_model, "exporter", "surveys.view_response", "surveys.export_response"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "pl"
    profile.save()
    client.force_login(user)
    response = client.get("/admin/feedback/export/?file_format=xlsx")
    headers = _sheets(response.content)["Odpowiedzi"]
    assert "Ogólne wrażenia" in headers and "overall" not in headers


def test_headers_go_through_the_formula_neutralisation(lead, feedback, monkeypatch):
    hostile = '=HYPERLINK("http://evil.example","x")'
    monkeypatch.setattr(ThemeMonthResource, "column_labels", {"month": hostile})
    assert _sheets(_insights(lead, "themes"))["Themes by month"][0] == "'" + hostile
    assert _csv_headers(_insights(lead, "themes", "csv"))[0] == "'" + hostile


def test_board_history_keeps_field_codes_for_its_import(board, tmp_path):  # noqa: F811
    ActionFactory(board=board)
    path = tmp_path / "actions.xlsx"
    with translation.override("pl"):
        call_command("board_history", "export", path, stdout=io.StringIO())
    sheets = _sheets(path.read_bytes())
    assert "Działania" in sheets
    assert sheets["Działania"][:3] == ["board", "meeting", "title"]
