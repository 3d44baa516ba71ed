from themes.analysis.negation import annotate, intensity, negation_marked
from themes.analysis.text import clean, normalise, split_sentences, stem, tokenise


def test_normalise_applies_nfkc_lowercases_and_strips_control_characters():
    assert normalise("Ｃａｒｅ\x00 Plan\u200b\tREVIEW") == "care plan review"


def test_clean_folds_curly_quotes_but_keeps_case():
    assert clean("Mum\u2019s carer \u201cSam\u201d") == 'Mum\'s carer "Sam"'


def test_sentences_split_on_full_stops_but_not_after_titles():
    text = "Mr. Jones rang. Nobody called back! Is that right? yes"
    assert split_sentences(text) == [
        "Mr. Jones rang.",
        "Nobody called back!",
        "Is that right?",
        "yes",
    ]


def test_sentences_split_on_line_breaks():
    assert split_sentences("Good carers\nBad office") == ["Good carers", "Bad office"]


def test_tokens_keep_contractions_whole():
    assert tokenise("The carer wasn't helpful, I'm upset") == [
        "the",
        "carer",
        "wasn't",
        "helpful",
        "i'm",
        "upset",
    ]


def test_stems_join_regular_and_irregular_forms():
    assert {stem(w) for w in ["wait", "waiting", "waited", "waits"]} == {"wait"}
    assert stem("got") == stem("get") == "get"
    assert stem("rang") == "ring"


def _negated_words(sentence):
    return [t.text for t in annotate(sentence) if t.negated]


def test_not_rude_at_all_puts_rude_in_negation_scope():
    assert "rude" in _negated_words("the carer was not rude at all")


def test_never_called_back_is_negated():
    assert _negated_words("they never called back") == ["called", "back"]


def test_contraction_without_apostrophe_negates():
    assert _negated_words("the office wasnt helpful") == ["helpful"]


def test_no_one_listened_negates_listened():
    assert _negated_words("no one listened to me") == ["listened", "to", "me"]


def test_negation_scope_ends_at_but_and_punctuation():
    assert _negated_words("not the carers but the office was rude") == ["the", "carers"]
    assert _negated_words("no complaints, staff rude") == ["complaints"]


def test_words_outside_scope_are_not_negated():
    assert _negated_words("the staff were lovely and helpful") == []


def test_intensity_reflects_boosters_and_dampeners():
    assert intensity(annotate("extremely rude")) == 1.5
    assert annotate("slightly late")[1].intensity == 0.7
    assert intensity(annotate("rude")) == 1.0


def test_negation_marked_features_prefix_scoped_stems():
    assert negation_marked(annotate("not helpful")) == ["not", "not_help"]
