"""The staff response list and export (issue #17): filtered by "Did someone help you fill this
in?", and showing its answer in words, never the stored code."""

import csv
import io
from datetime import date

from tests.surveys.factories import ResponseFactory


def _responses(touchpoint):
    for helped_by in ["carer", "carer", "interpreter", ""]:
        ResponseFactory(touchpoint=touchpoint, submitted_on=date(2026, 3, 5), helped_by=helped_by)


def test_response_list_filters_by_who_helped_and_says_it_in_words(staff_client, touchpoint):
    _responses(touchpoint)
    page = staff_client.get("/admin/feedback/responses/", {"helped_by": "carer"})
    assert page.context["total"] == 2
    html = page.content.decode()
    assert "Yes, a carer" in html  # the column and the filter's choice
    assert "Yes, an interpreter</td>" not in html


def test_response_list_without_the_filter_shows_everyone(staff_client, touchpoint):
    _responses(touchpoint)
    page = staff_client.get("/admin/feedback/responses/")
    assert page.context["total"] == 4
    assert "<td>Yes, an interpreter</td>" in page.content.decode()


def test_export_filters_by_who_helped_and_writes_words_not_codes(staff_client, touchpoint):
    _responses(touchpoint)
    response = staff_client.get(
        "/admin/feedback/export/", {"file_format": "csv", "helped_by": "interpreter"}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["Did someone help you fill this in?"] for row in rows] == ["Yes, an interpreter"]


def test_export_leaves_who_helped_blank_when_nobody_answered(staff_client, touchpoint):
    _responses(touchpoint)
    response = staff_client.get("/admin/feedback/export/", {"file_format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    answers = sorted(row["Did someone help you fill this in?"] for row in rows)
    assert answers == ["", "Yes, a carer", "Yes, a carer", "Yes, an interpreter"]
