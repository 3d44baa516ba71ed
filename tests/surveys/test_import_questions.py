"""Every question a survey asks can be imported, from the survey's own template."""

import csv
import hashlib
import io
import json
import uuid

import pytest
from openpyxl import load_workbook

from surveys.imports import COLUMNS, IMPORT_NAMESPACE, import_rows, read_rows, validate_rows
from surveys.models import FreeTextAnswer, Response, SurveyPage
from tests.surveys.conftest import QUESTIONS

OTHER = "Anything else you want to tell us?"


@pytest.fixture
def survey_with_other(survey):
    """A survey as a lead builds it: the new free text question keeps its default, "Other"."""
    survey.questions = QUESTIONS + [
        {"type": "free_text", "value": {"question": OTHER, "purpose": "other"}}
    ]
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def _template(client, survey, file_format):
    return client.get(f"/admin/feedback/import/template/{survey.pk}.{file_format}")


def _headers_of_csv(content):
    return next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_template_has_a_column_for_every_question_and_section(staff_client, survey_with_other):
    response = _template(staff_client, survey_with_other, "csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="import-how-did-we-do.csv"'
    headers = _headers_of_csv(response.content)
    assert headers[:4] == ["touchpoint", "date", "channel", "reference"]
    assert headers[4:11] == [
        "Overall, how was your experience?",
        "What went well?",
        "What could we do better?",
        "How did you first contact us?",
        "What help did you get?",
        "How satisfied are you?",
        OTHER,
    ]
    assert "helped_by" in headers and "age_band" in headers


def test_xlsx_template_has_the_same_columns(staff_client, survey_with_other):
    response = _template(staff_client, survey_with_other, "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert headers == _headers_of_csv(_template(staff_client, survey_with_other, "csv").content)


def test_template_of_an_unknown_format_or_without_permission_is_refused(
    client, staff_client, survey, plain_staff
):
    assert _template(staff_client, survey, "pdf").status_code == 404
    client.force_login(plain_staff)
    assert _template(client, survey, "csv").status_code in {302, 403}


def test_import_page_links_each_surveys_templates(staff_client, survey):
    html = staff_client.get("/admin/feedback/import/").content.decode()
    assert f"/admin/feedback/import/template/{survey.pk}.xlsx" in html
    assert f"/admin/feedback/import/template/{survey.pk}.csv" in html


def _filled(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(rows)
    return out.getvalue().encode()


HEADER = ["touchpoint", "date", "Overall, how was your experience?", OTHER.upper()]


def test_a_filled_template_imports_every_kind_of_answer(touchpoint, survey_with_other, keys):
    content = _filled(
        [
            HEADER
            + ["How did you first contact us?", "what help did you get?", "How satisfied are you?"],
            [
                "hd7k2",
                "2026-02-01",
                "Very good",
                "The ramp at the door is steep",
                "email",
                "Assessment; Respite",
                "I am quite satisfied",
            ],
        ]
    )
    rows = validate_rows(read_rows("cards.csv", content))
    assert [row.errors for row in rows] == [[]]
    assert import_rows(rows) == (1, 0)
    stored = Response.objects.get()
    blocks = {block_type: value for _k, block_type, value in survey_with_other.question_blocks()}
    single = {o.value: o.id for o in blocks["single_choice"]["options"].bound_blocks}
    multiple = {o.value: o.id for o in blocks["multiple_choice"]["options"].bound_blocks}
    assert (stored.overall, stored.ascs_satisfaction) == ("very_good", 5)
    assert stored.answers[keys["single_choice"]] == single["Email"]
    assert stored.answers[keys["multiple_choice"]] == [multiple["Assessment"], multiple["Respite"]]
    comment = FreeTextAnswer.objects.get()
    assert (comment.purpose, comment.text) == ("other", "The ramp at the door is steep")


def test_an_answer_that_is_not_an_option_is_refused_with_its_column(touchpoint, survey):
    content = _filled(
        [
            ["touchpoint", "date", "How did you first contact us?", "What help did you get?"],
            ["hd7k2", "2026-02-01", "By pigeon", "Equipment"],
            ["hd7k2", "2026-02-01", "Phone", "Equipment\nGardening"],
        ]
    )
    rows = validate_rows(read_rows("cards.csv", content))
    assert rows[0].errors == [
        "'How did you first contact us?': 'By pigeon' is not one of the answers"
    ]
    assert rows[1].errors == ["'What help did you get?': 'Gardening' is not one of the answers"]
    with pytest.raises(ValueError):
        import_rows(rows)
    assert Response.objects.count() == 0


def test_an_over_long_answer_to_a_question_column_is_refused(touchpoint, survey_with_other):
    content = _filled([HEADER, ["hd7k2", "2026-02-01", "", "x" * 5001]])
    rows = validate_rows(read_rows("cards.csv", content))
    assert rows[0].errors == [f"'{OTHER}': longer than 5,000 characters"]


def test_the_old_do_better_column_still_says_what_to_do_for_a_survey_without_it(
    touchpoint, survey_with_other
):
    survey_with_other.questions = [
        QUESTIONS[0],
        {"type": "free_text", "value": {"question": OTHER, "purpose": "other"}},
    ]
    survey_with_other.save_revision().publish()
    content = _filled([["touchpoint", "date", "do_better"], ["hd7k2", "2026-02-01", "Call back"]])
    (row,) = validate_rows(read_rows("cards.csv", content))
    assert "Use the survey's template, with a column for each question" in row.errors[0]


def test_rows_that_differ_only_in_a_question_column_are_two_responses(
    touchpoint, survey_with_other
):
    content = _filled(
        [
            HEADER,
            ["hd7k2", "2026-02-01", "Good", "Lovely"],
            ["hd7k2", "2026-02-01", "Good", "Awful"],
        ]
    )
    rows = validate_rows(read_rows("cards.csv", content))
    assert import_rows(rows) == (2, 0)
    assert import_rows(validate_rows(read_rows("cards.csv", content))) == (0, 2)


def test_a_file_of_the_fixed_columns_keeps_the_tokens_it_had_before(touchpoint):
    content = _filled([["touchpoint", "date", "overall"], ["hd7k2", "2026-02-01", "Good"]])
    (row,) = validate_rows(read_rows("cards.csv", content))
    values = dict.fromkeys(COLUMNS, "") | {
        "touchpoint": "hd7k2",
        "date": "2026-02-01",
        "overall": "Good",
    }
    canonical = json.dumps(values, sort_keys=True)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    assert row.token == uuid.uuid5(IMPORT_NAMESPACE, f"{digest}#1")
