"""What the tagger keeps between comments is cheap for the garbage collector, and the same."""

import gc

from themes.analysis import SentimentScorer, Tagger
from themes.analysis.sentiment import reference_analyser
from themes.analysis.vader_fast import FastVader

TEXTS = [
    "The carer was lovely. We waited 6 weeks for an assessment, but nobody called.",
    "Nobody called me back about respite!!",
    "Really helpful staff?? Not rude at all.",
    "a",
    "",
]


def test_cached_rule_results_are_plain_tuples_the_collector_leaves_alone():
    tagger = Tagger(redact=False, safeguarding=False)
    text = TEXTS[0]
    first = tagger.analyse(text)
    for _ in range(3):  # each collection untracks tuples whose items are all untracked
        gc.collect()
    rows = tagger._comments[text][2]
    assert len(rows) == len(first.tags) >= 2
    assert not gc.is_tracked(rows)
    for sentence in first.sentences:
        assert not gc.is_tracked(tagger._sentences[sentence][0])
    again = tagger.analyse(text)
    assert again == first
    assert again.tags is not first.tags


def test_the_compound_alone_is_the_compound_of_all_scores():
    vader = FastVader(reference_analyser().lexicon)
    for text in TEXTS:
        assert vader.compound(text) == vader.polarity_scores(text)["compound"]
    assert vader.compound("Really helpful staff?? Not rude at all.") > 0.5
    assert vader.compound("a") == 0.0


def test_fast_and_nltk_scorers_agree_on_compounds():
    fast, nltk = SentimentScorer(), SentimentScorer(fast=False)
    for text in TEXTS:
        assert fast.compound(text) == nltk.compound(text)
