from themes.analysis.redaction_eval import RedactionCase, read_cases, score


def _case(text, pii=(), keep=(), kinds=("name",), origins=()):
    return RedactionCase(text, tuple(pii), tuple(keep), tuple(kinds), tuple(origins))


def test_an_item_still_present_in_any_case_is_a_leak():
    case = _case("Ask Bartek Nowicki", pii=["Bartek", "Nowicki"], origins=["polish"])
    scores = score([case], redactor=lambda text: text.replace("Bartek", "[name]").lower())
    assert scores.recall.found == 1
    assert scores.recall_by_origin["polish"].total == 2
    assert scores.failures[0]["leaked"] == ["Nowicki"]


def test_a_missing_keep_item_is_over_redaction():
    case = _case("the carer came on Monday", keep=["Monday", "carer"], kinds=())
    scores = score([case], redactor=lambda text: text.replace("Monday", "[name]"))
    assert scores.kept.found == 1
    assert scores.over_redaction == 0.5


def test_a_perfect_redactor_scores_full_recall_and_no_over_redaction():
    case = _case("Call Femi on 07700 900999", pii=["Femi", "07700 900999"], kinds=["name", "phone"])
    scores = score([case], redactor=lambda text: "Call [name] on [phone]")
    assert scores.recall.rate == 1.0
    assert scores.recall_by_kind["phone"].found == 1
    assert scores.over_redaction == 0.0


def test_items_are_attributed_to_their_kind_in_a_row_with_several():
    case = _case(
        "Mr Odum, DOB 4/5/1950, NI QQ 11 22 33 A, 9 Elm Road",
        pii=["Odum", "4/5/1950", "QQ 11 22 33 A", "9 Elm Road"],
        kinds=["name", "date_of_birth", "ni_number", "address"],
    )
    kinds = score([case], redactor=lambda text: text).recall_by_kind
    assert {k: t.total for k, t in kinds.items()} == {
        "name": 1,
        "date_of_birth": 1,
        "ni_number": 1,
        "address": 1,
    }


def test_cases_are_read_with_origins_joined_by_row_number(tmp_path):
    comments = tmp_path / "c.csv"
    comments.write_text(
        "text,pii,keep,kinds\nlovely staff,,staff,none\nThanks Ewa,Ewa,Thanks,name\n",
        encoding="utf-8",
    )
    origins = tmp_path / "o.csv"
    origins.write_text("row,origins,text\n2,polish,Thanks Ewa\n", encoding="utf-8")
    cases = read_cases(comments, origins)
    assert cases[0].kinds == () and cases[0].pii == ()
    assert cases[1].origins == ("polish",)
