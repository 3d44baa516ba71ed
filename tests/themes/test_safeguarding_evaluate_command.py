import json

import pytest
from django.core.management import CommandError, call_command


def test_command_prints_recall_and_false_alarms_as_json(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    path.write_text(
        "text,concern,category\nthe carer slapped my nan,yes,physical\nlovely staff,no,none\n",
        encoding="utf-8",
    )
    call_command(
        "safeguarding_evaluate", "--csv", str(path), "--category-column", "category", "--json"
    )
    result = json.loads(capsys.readouterr().out)
    assert result["categories"]["physical"]["recall"] == 1.0
    assert result["false_alarm_rate"] == 0.0


def test_command_with_a_missing_file_fails_with_a_message(tmp_path):
    with pytest.raises(CommandError):
        call_command("safeguarding_evaluate", "--csv", str(tmp_path / "none.csv"))
