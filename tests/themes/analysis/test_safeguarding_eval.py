from types import SimpleNamespace

import pytest

from themes.analysis.safeguarding_eval import (
    LabelledComment,
    category_key,
    format_safeguarding_report,
    read_labelled,
    score_safeguarding,
)


def fake_detect(text):
    return [SimpleNamespace(category="physical_abuse")] if "FLAG" in text else []


ROWS = [
    LabelledComment("FLAG one", True, "physical"),
    LabelledComment("missed", True, "physical"),
    LabelledComment("FLAG two", True, "sexual"),
    LabelledComment("fine", False, "none"),
    LabelledComment("FLAG but fine", False, "none"),
    LabelledComment("also fine", False, "none"),
    LabelledComment("lovely", False, "none"),
]


def test_recall_is_counted_per_category_and_overall():
    result = score_safeguarding(ROWS, fake_detect)
    assert result["categories"]["physical"] == {"found": 1, "total": 2, "recall": 0.5}
    assert result["categories"]["sexual"]["recall"] == 1.0
    assert result["recall"] == pytest.approx(0.667)


def test_a_flag_on_an_ordinary_comment_is_a_false_alarm():
    result = score_safeguarding(ROWS, fake_detect)
    assert (result["false_alarms"], result["ordinary"], result["false_alarm_rate"]) == (1, 4, 0.25)


def test_category_agreement_needs_the_labelled_kind_not_just_any_flag():
    result = score_safeguarding(ROWS, fake_detect)
    assert result["category_agreement"] == pytest.approx(0.333)


@pytest.mark.parametrize(
    ("code", "key"),
    [("physical_abuse", "physical"), ("Physical", "physical"), ("self_harm_suicide", "self_harm")],
)
def test_detector_codes_and_data_labels_compare_equal(code, key):
    assert category_key(code) == key


def test_no_rows_give_zero_rates_not_an_error():
    result = score_safeguarding([], fake_detect)
    assert (result["recall"], result["false_alarm_rate"]) == (0.0, 0.0)


def test_report_lists_each_category_and_the_false_alarm_rate():
    report = format_safeguarding_report(score_safeguarding(ROWS, fake_detect))
    assert "physical" in report and "false alarms" in report and "0.25" in report


def test_reading_a_csv_with_a_missing_column_names_it(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("text,concern\nhello,no\n", encoding="utf-8")
    with pytest.raises(ValueError, match="category"):
        read_labelled(path, "text", "concern", "category")


def test_reading_a_csv_maps_yes_to_a_concern(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("text,concern,category\na,yes,sexual\nb,no,none\n", encoding="utf-8")
    rows = read_labelled(path, "text", "concern", "category")
    assert [(r.concern, r.category) for r in rows] == [(True, "sexual"), (False, "none")]
