"""The CQC pack counts safeguarding flags by category and outcome, in words, and never carries
their text (issue #17, with the text-safety issue): not in the page, the PDF or the XLSX, not
even as a quote when the flagged comment also mentions a theme and quotes are asked for."""

import io
from datetime import date

from django.contrib.auth.models import Group
from openpyxl import load_workbook
from pypdf import PdfReader

from core import roles
from insights.exports import report_export_request
from insights.filters import FeedbackFilter
from insights.rollups import rollups_rebuild
from tests.insights.factories import response_with
from tests.themes.factories import SafeguardingFlagFactory
from themes.models import SafeguardingFlag

PERIOD = FeedbackFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))
DISCLOSURE = "He takes my pension and I have to wait for the carer to come back."


def _flagged(touchpoint):
    """10 flagged comments about money taken (5 raised as concerns, 5 waiting), each also
    tagged with waiting times, and 6 ordinary ones about waiting."""
    for index in range(10):
        response = response_with(
            touchpoint, date(2026, 3, 5), themes=["waiting_times"], text=DISCLOSURE
        )
        SafeguardingFlagFactory(
            comment=response.comments.get(),
            categories=["financial_abuse"],
            outcome=SafeguardingFlag.Outcome.RAISED if index < 5 else "",
        )
    for _ in range(6):
        response_with(touchpoint, date(2026, 3, 6), themes=["waiting_times"], text="Slow.")
    rollups_rebuild(start=PERIOD.start, end=PERIOD.end)


def _lead(django_user_model):
    user = django_user_model.objects.create_user(username="lead", password="x")
    user.groups.add(Group.objects.get(name=roles.ENGAGEMENT_LEADS))
    return user


def _export(django_user_model, file_format):
    return report_export_request(
        user=_lead(django_user_model),
        kind="cqc_pack",
        file_format=file_format,
        feedback_filter=PERIOD,
        include_free_text=True,
    )


def test_cqc_xlsx_counts_flags_in_words_and_quotes_no_flagged_comment(
    django_user_model, touchpoint
):
    _flagged(touchpoint)
    job = _export(django_user_model, "xlsx")
    assert job.include_free_text  # quotes were asked for and allowed
    book = load_workbook(io.BytesIO(bytes(job.content)))
    flags = [[c.value for c in row] for row in book["Safeguarding flags"].iter_rows(min_row=2)]
    found = {(kind, label): count for kind, label, count in flags}
    assert found[("Category of harm", "Financial or material abuse")] == 10
    assert found[("Review outcome", "Raised as a safeguarding concern")] == 5
    assert found[("Review outcome", "Waiting for review")] == 5
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row]
    assert any("Slow. (waiting_times)" in cell for cell in cells)  # quotes are there
    assert not any("pension" in cell for cell in cells)


def test_cqc_pdf_never_carries_a_flagged_comment(django_user_model, touchpoint):
    _flagged(touchpoint)
    job = _export(django_user_model, "pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(job.content))).pages)
    assert "Financial or material abuse" in text
    assert "pension" not in text
