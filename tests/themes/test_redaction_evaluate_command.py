import json

import pytest
from django.core.management import CommandError, call_command


def test_command_prints_recall_per_kind_and_origin_as_json(tmp_path, capsys):
    comments = tmp_path / "c.csv"
    comments.write_text(
        "text,pii,keep,kinds\nRing 07700 900777 on Monday,07700 900777,Monday,phone\n"
        "Thanks to Mrs Kowal,Kowal,Thanks,name\n",
        encoding="utf-8",
    )
    origins = tmp_path / "o.csv"
    origins.write_text("row,origins,text\n2,polish,Thanks to Mrs Kowal\n", encoding="utf-8")
    call_command("redaction_evaluate", "--csv", str(comments), "--origins", str(origins), "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["recall_by_kind"]["phone"]["rate"] == 1.0
    assert result["recall_by_origin"]["polish"]["total"] == 1
    assert result["over_redaction"] == 0.0


def test_command_prints_a_plain_report_by_default(tmp_path, capsys):
    comments = tmp_path / "c.csv"
    comments.write_text("text,pii,keep,kinds\nlovely staff,,staff,none\n", encoding="utf-8")
    call_command("redaction_evaluate", "--csv", str(comments))
    assert "over-redaction 0.000" in capsys.readouterr().out


def test_command_with_a_missing_file_fails_with_a_message(tmp_path):
    with pytest.raises(CommandError):
        call_command("redaction_evaluate", "--csv", str(tmp_path / "none.csv"))
