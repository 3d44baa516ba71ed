"""Every PDF the product makes is tagged and accessible (PDF/UA-1, issue #19): marked content
with a structure tree, a title shown in the window, the document language, headings and
tables as tags, alternative text for the QR code and the charts, and fonts that are installed
sans fonts (never a serif fallback).

What `pdfinfo` reports as "Tagged: yes" is /MarkInfo /Marked true; these tests read that, the
/StructTreeRoot, /Lang, /Title and the PDF/UA identification in the XMP metadata with pypdf, so
they need no poppler."""

# ruff: noqa: F811 - the staff fixtures are imported, then asked for by name
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from core import roles
from core.pdf import PdfMetadataMissing, pdf_render
from insights.exports import report_export_request
from insights.filters import FeedbackFilter
from insights.models import ReportExport
from insights.rollups import rollups_rebuild
from surveys.cards import cards_pdf
from tests.insights.factories import response_with
from tests.surveys.conftest import staff_client, staff_user  # noqa: F401 - shared fixtures

YEAR = 2025


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _structure(reader):
    """Every structure element's tag, with its /Alt text when it has one."""
    found = []

    def walk(node):
        node = _resolve(node)
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, DictionaryObject) and node.get("/Type") == "/StructElem":
            found.append((str(node["/S"]), str(node.get("/Alt", "")) or None))
            walk(node.get("/K", ArrayObject()))

    walk(_resolve(reader.trailer["/Root"]["/StructTreeRoot"]).get("/K", ArrayObject()))
    return found


def _fonts(reader):
    """The names of every font the pages use, charts (form XObjects) included."""
    names = set()

    def walk(resources):
        resources = _resolve(resources) or {}
        for font in _resolve(resources.get("/Font", DictionaryObject())).values():
            names.add(str(_resolve(font)["/BaseFont"]).split("+")[-1])
        for xobject in _resolve(resources.get("/XObject", DictionaryObject())).values():
            walk(_resolve(xobject).get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return names


def _noto_sans_only(fonts):
    """Noto Sans ('Noto-Sans-Bold', 'NotoSans-Regular'...), and nothing else."""
    return bool(fonts) and all(f.replace("-", "").startswith("NotoSans") for f in fonts)


def pdf_facts(data):
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    xmp = reader.xmp_metadata.stream.get_data().decode() if reader.xmp_metadata else ""
    return {
        "tagged": bool(root.get("/MarkInfo", {}).get("/Marked")),
        "structure": "/StructTreeRoot" in root,
        "lang": str(root.get("/Lang", "")),
        "title": (reader.metadata or {}).get("/Title"),
        "shows_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle")),
        "pdf_ua": 'pdfuaid:part="1"' in xmp,
        "tags": _structure(reader) if "/StructTreeRoot" in root else [],
        "fonts": _fonts(reader),
    }


def assert_accessible(data, *, title, lang="en"):
    facts = pdf_facts(data)
    assert facts["tagged"] and facts["structure"] and facts["pdf_ua"], facts
    assert facts["title"] == title and facts["shows_title"]
    assert facts["lang"] == lang
    assert facts["fonts"] and not [f for f in facts["fonts"] if "Serif" in f or "Times" in f]
    assert all(alt for tag, alt in facts["tags"] if tag == "/Figure"), facts["tags"]
    return facts


def _officer(django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_user(username="officer", password="x")
    user.groups.add(Group.objects.get(name=roles.OFFICERS))
    TOTP.activate(user, generate_totp_secret())
    return user


def _year_of_feedback(touchpoint):
    for month in (5, 6, 7, 8):
        for _ in range(6):
            response_with(
                touchpoint, date(2025, month, 3), overall="poor", themes=["waiting_times"]
            )
    rollups_rebuild(start=date(2025, 1, 1), end=date(2026, 12, 31))


def test_a_card_pdf_is_tagged_with_title_language_and_alt_text_for_the_qr_code(
    staff_client, touchpoint
):
    response = staff_client.get(
        reverse("surveys_staff:cards"), {"touchpoint": touchpoint.pk, "output": "pdf"}
    )
    facts = assert_accessible(response.content, title="How Did We Do cards")
    assert ("/Figure", "QR code for the survey") in facts["tags"]
    assert "/H1" in [tag for tag, _alt in facts["tags"]]
    assert _noto_sans_only(facts["fonts"]), facts["fonts"]


def test_a_batch_of_cards_is_one_tagged_pdf_with_a_qr_code_alt_text_per_card(
    touchpoint, service, survey
):
    from surveys.models import Touchpoint

    second = Touchpoint.objects.create(name="Ward 5", code="w5abc", service=service, survey=survey)
    facts = assert_accessible(cards_pdf([touchpoint, second]), title="How Did We Do cards")
    assert facts["tags"].count(("/Figure", "QR code for the survey")) == 2


def test_a_card_pdf_in_polish_says_so(touchpoint):
    from django.utils import translation

    with translation.override("pl"):
        data = cards_pdf([touchpoint])
    assert pdf_facts(data)["lang"] == "pl"


def _translate(survey, language_code):
    from wagtail.models import Locale

    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    for page in [*survey.get_ancestors().filter(depth__gt=1).specific(), survey]:
        if not page.get_translation_or_none(locale):
            page.copy_for_translation(locale).save_revision().publish()


@pytest.mark.parametrize("layout", ["a6", "a4", "print-shop"])
@pytest.mark.parametrize("language", ["en", "pl", "ur"])
def test_every_card_layout_is_tagged_in_its_language(touchpoint, layout, language):
    if language != "en":
        _translate(touchpoint.survey, language)
    data = cards_pdf([touchpoint], layout=layout, language=language)
    facts = assert_accessible(data, title=_card_title(language), lang=language)
    assert len([tag for tag, _alt in facts["tags"] if tag == "/Figure"]) == 2  # both codes


def _card_title(language):
    from django.utils import translation

    with translation.override(language):
        return translation.gettext("How Did We Do cards")


def test_large_print_pdf_is_tagged_with_its_survey_title_and_language(staff_client, survey):
    response = staff_client.get(
        reverse("surveys_staff:large-print", args=[survey.pk]), {"output": "pdf"}
    )
    assert response["Content-Type"] == "application/pdf"
    facts = assert_accessible(response.content, title=f"Large print: {survey.title}")
    tags = [tag for tag, _alt in facts["tags"]]
    assert "/H1" in tags and "/L" in tags  # the questions are a list, with headings
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Tick one box for each question" in text


def test_the_large_print_page_itself_is_still_a_web_page(staff_client, survey):
    response = staff_client.get(reverse("surveys_staff:large-print", args=[survey.pk]))
    assert response["Content-Type"].startswith("text/html")


def test_local_account_pdf_is_tagged_and_its_charts_have_alt_text_and_tables(
    client, django_user_model, touchpoint
):
    _year_of_feedback(touchpoint)
    client.force_login(_officer(django_user_model))
    response = client.get(reverse("insights:local-account-pdf", kwargs={"year": YEAR}))
    facts = assert_accessible(response.content, title="Local Account feedback chapter 2025 to 2026")
    figures = [alt for tag, alt in facts["tags"] if tag == "/Figure"]
    assert "Responses each month" in figures
    assert "Themes each month (responses)" in figures
    assert [tag for tag, _alt in facts["tags"]].count("/Table") >= 3  # each chart's numbers
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Responses mentioning each theme, by month" in text


def test_cqc_pack_pdf_is_tagged_and_has_the_dashboard_charts(client, django_user_model, touchpoint):
    _year_of_feedback(touchpoint)
    client.force_login(_officer(django_user_model))
    response = client.get(
        reverse("insights:cqc-pack-pdf"), {"start": "2025-04-01", "end": "2026-03-31"}
    )
    facts = assert_accessible(response.content, title="CQC evidence pack")
    figures = [alt for tag, alt in facts["tags"] if tag == "/Figure"]
    assert "Share of responses mentioning each theme (%)" in figures
    assert "Good and poor experiences each month (%)" in figures


@pytest.mark.parametrize(
    ("kind", "file_format", "title"),
    [
        (ReportExport.Kind.CQC_PACK, "pdf", "CQC evidence pack"),
        (ReportExport.Kind.LOCAL_ACCOUNT, "pdf", "Local Account"),
    ],
)
def test_report_exports_made_in_the_background_are_tagged_pdfs(
    django_user_model, touchpoint, kind, file_format, title
):
    _year_of_feedback(touchpoint)
    job = report_export_request(
        user=_officer(django_user_model),
        kind=kind,
        file_format=file_format,
        feedback_filter=FeedbackFilter(start=date(2025, 4, 1), end=date(2026, 3, 31)),
        year=YEAR,
    )
    assert job.status == ReportExport.Status.DONE
    assert_accessible(bytes(job.content), title=title)


def test_the_charts_in_a_pdf_are_drawn_in_noto_sans_not_a_serif_fallback():
    from insights.charts import line_chart

    chart = line_chart("c", "Chart", "A chart", ["Jan 2025", "Feb 2025"], [("Waits", [5, 6])])
    html = f'<html lang="en"><head><title>Chart</title></head><body>{chart}</body></html>'
    facts = assert_accessible(pdf_render(html), title="Chart")
    assert _noto_sans_only(facts["fonts"]), facts["fonts"]
    assert ("/Figure", "Chart") in facts["tags"]


@pytest.mark.parametrize(
    "html",
    [
        '<html lang="en"><body><p>No title</p></body></html>',
        "<html><head><title>No language</title></head><body><p>x</p></body></html>",
    ],
)
def test_a_page_without_a_title_or_language_is_refused_not_printed_untagged(html):
    with pytest.raises(PdfMetadataMissing):
        pdf_render(html)
