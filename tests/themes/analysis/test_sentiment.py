import random

from themes.analysis.sentiment import SentimentScorer, label_for, reference_analyser
from themes.analysis.vader_fast import FastVader

TRICKY = [
    "The carer was not rude at all.",
    "The staff were VERY kind but the office is AWFUL!!",
    "kind of good, sort of helpful",
    "at least it is not bad",
    "No one listened to me :(",
    "never so good, never this bad",
    "She was the shit honestly",
    "Great!!!! Really really great???",
    "'Lovely' staff, \"helpful\" office... not!",
    "I don't like it, I didn't want it, it isn't good",
    "GOOD GOOD GOOD",
    "",
    "a",
    "least helpful very least good",
    "It's ok-ish; (meh) -- whatever :-)",
]
WORDS = [
    "the",
    "carer",
    "staff",
    "was",
    "were",
    "not",
    "never",
    "very",
    "extremely",
    "really",
    "kind",
    "rude",
    "helpful",
    "awful",
    "good",
    "bad",
    "lovely",
    "terrible",
    "but",
    "and",
    "no",
    "one",
    "called",
    "back",
    "waited",
    "late",
    "slightly",
    "kind",
    "of",
    "sort",
    "least",
    "at",
    "this",
    "so",
    "GREAT",
    "AWFUL",
    "happy",
    "sad",
    ":)",
    ":(",
    "!",
    "?",
    "!!",
    "??",
    ",",
    ".",
    "don't",
    "isn't",
    "without",
    "hardly",
]


def test_fast_scorer_agrees_exactly_with_nltk_reference():
    reference = reference_analyser()
    fast = FastVader(reference.lexicon)
    rng = random.Random(7)
    sample = TRICKY + [" ".join(rng.choices(WORDS, k=rng.randint(1, 25))) for _ in range(1500)]
    for text in sample:
        assert fast.polarity_scores(text) == reference.polarity_scores(text), text


def test_reference_analyser_uses_the_packaged_lexicon_once():
    assert reference_analyser() is reference_analyser()
    assert reference_analyser().lexicon["rude"] < 0 < reference_analyser().lexicon["kind"]


def test_label_thresholds():
    assert label_for(0.05) == "positive"
    assert label_for(0.0499) == "neutral"
    assert label_for(-0.05) == "negative"


def test_scorer_caches_per_sentence_and_averages_a_comment():
    scorer = SentimentScorer()
    assert scorer.compound("The staff were lovely") > 0
    assert "The staff were lovely" in scorer._cache
    assert scorer.comment_compound(["lovely", "awful"]) == round(
        (scorer.compound("lovely") + scorer.compound("awful")) / 2, 4
    )
    assert scorer.comment_compound([]) == 0.0


def test_slow_path_gives_the_same_scores():
    assert SentimentScorer(fast=False).compound(TRICKY[1]) == SentimentScorer().compound(TRICKY[1])


def test_custom_lexicon_can_be_passed_in():
    assert SentimentScorer(lexicon={"brill": 3.0}).compound("brill") > 0.5
