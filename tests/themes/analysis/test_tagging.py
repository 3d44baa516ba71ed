import pytest

from themes.analysis import Tagger, Theme, ThemeTag, analyse, default_taxonomy
from themes.analysis.themes import CQC_FRAMEWORK


@pytest.fixture(scope="module")
def tagger():
    return Tagger(redact=False, safeguarding=False)


def _tags(tagger, text):
    return {tag.theme_key: tag for tag in tagger.analyse(text).tags}


def test_waiting_matches_every_form_of_wait(tagger):
    for text in ["We are waiting for an assessment", "I waited ages", "She waits every month"]:
        assert "waiting_times" in _tags(tagger, text), text


def test_tag_carries_evidence_sentence_and_trigger_words(tagger):
    analysis = tagger.analyse("The carers are great. We waited 14 weeks for an assessment.")
    tag = {t.theme_key: t for t in analysis.tags}["waiting_times"]
    assert tag.sentence == "We waited 14 weeks for an assessment."
    assert "waited" in tag.matched_words and "14 weeks" in tag.matched_words
    assert tag.sentence_index == 1
    assert (tag.source, tag.sentiment) == ("rule", "negative")


def test_not_rude_at_all_is_not_a_negative_staff_attitude_mention(tagger):
    tag = _tags(tagger, "The carer was not rude at all.")["staff_attitude"]
    assert tag.matched_words == ("rude",)
    assert tag.sentiment == "positive"


def test_rude_staff_is_a_negative_staff_attitude_mention(tagger):
    assert _tags(tagger, "The receptionist was very rude to my dad.")[
        "staff_attitude"
    ].sentiment == ("negative")


def test_never_called_back_is_a_negative_communication_mention(tagger):
    tag = _tags(tagger, "I left three messages and they never called me back")["communication"]
    assert "called me back" in tag.matched_words
    assert tag.sentiment == "negative"


def test_no_one_listened_is_negative(tagger):
    assert _tags(tagger, "No one listened to what I said")["communication"].sentiment == "negative"


def test_negated_problem_phrase_is_positive(tagger):
    assert _tags(tagger, "I never had to wait")["waiting_times"].sentiment == "positive"


def test_each_clause_gets_its_own_sentiment(tagger):
    tags = _tags(tagger, "The carers are lovely, but they are always late and rushed.")
    assert tags["staff_attitude"].sentiment == "positive"
    assert tags["home_care_quality"].sentiment == "negative"
    assert {"late", "rushed"} <= set(tags["home_care_quality"].matched_words)


def test_multiword_phrase_allows_one_word_inside(tagger):
    assert (
        "get through"
        in _tags(tagger, "I couldn't get through to anyone")["getting_through"].matched_words
    )
    assert "communication" in _tags(tagger, "Please could someone ring me back")


def test_exact_phrases_do_not_match_other_forms(tagger):
    tags = _tags(tagger, "The social worker helped me understand my care plan")
    assert "staff_attitude" not in tags  # "helped" is not "=helpful", "care" is not "=caring"
    assert "assessments_reviews" in tags


def test_masked_phrases_trigger_nothing(tagger):
    assert _tags(tagger, "It was kind of ok") == {}


def test_misspelt_signal_phrases_match(tagger):
    assert "communication" in _tags(tagger, "The comunication was terrible")
    assert "interpreters_language" in _tags(tagger, "We asked for an interpretor")


def test_comment_without_signals_has_no_tags(tagger):
    assert tagger.analyse("Thank you").tags == []


def test_negative_only_theme_is_not_tagged_on_positive_mentions(tagger):
    assert "safeguarding_concern" not in _tags(tagger, "I feel safe and happy with my carers")
    assert "safeguarding_concern" in _tags(tagger, "I feel unsafe at home")


def test_custom_themes_and_patterns_work_without_the_default_taxonomy():
    themes = [
        Theme("parking", "Parking", phrases=["car park", "parking space"]),
        Theme("bins", "Bins", patterns=[r"\bbins? (were|was) not (emptied|collected)\b"]),
    ]
    tagger = Tagger(themes, redact=False, safeguarding=False)
    tags = tagger.analyse("No parking spaces at all. The bins were not emptied.").tags
    assert [(t.theme_key, t.matched_words) for t in tags] == [
        ("parking", ("parking spaces",)),
        ("bins", ("bins were not emptied",)),
    ]
    assert all(isinstance(t, ThemeTag) for t in tags)


def test_analyse_returns_redacted_text_sentiment_and_flags():
    analysis = analyse("My social worker Dave never rang back and mum was left in soiled pads.")
    assert analysis.redacted_text.startswith("My social worker [name] never rang back")
    assert analysis.sentiment == "negative"
    assert [flag.category for flag in analysis.safeguarding] == ["neglect"]
    assert "Dave" not in " ".join(tag.sentence for tag in analysis.tags)


def test_default_taxonomy_has_twenty_rich_themes_linked_to_cqc_and_tlap():
    themes = default_taxonomy()
    assert len(themes) == 20
    statements = {s for group in CQC_FRAMEWORK.values() for s in group}
    for theme in themes:
        assert 10 <= len(theme.phrases) <= 40, theme.key
        assert theme.description and theme.tlap_statements, theme.key
        assert theme.cqc_quality_statements and set(theme.cqc_quality_statements) <= statements
        assert theme.cqc_themes
    covered = {s for theme in themes for s in theme.cqc_quality_statements}
    assert covered == statements
