import random

from themes.analysis import Tagger
from themes.analysis.sentiment import SentimentScorer, label_for, reference_analyser
from themes.analysis.vader_fast import FastVader

from .synthetic import examples

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


CARE_SENTENCES = [
    "We waited 14 weeks for an assessment.",
    "The carer was lovely but always late!",
    "Nobody called me back about the care package.",
    "Mrs Patel from the council explained the charges, really helpful.",
    "I could not get through on the phone; nobody listened :(",
    "The day centre is brilliant and the staff are SO kind.",
    "Not once did the social worker turn up on time???",
    "My mum feels hopeless and says she can't go on.",
    "Call me on 07700 900123 if you need to, it is not good enough.",
]


def test_whole_pipeline_gives_identical_analyses_with_fast_and_nltk_vader():
    rng = random.Random(11)
    texts = [e.text for e in examples(60)] + TRICKY
    texts += [" ".join(rng.sample(CARE_SENTENCES, rng.randint(1, 3))) for _ in range(200)]
    fast = Tagger(scorer=SentimentScorer(fast=True)).analyse_many(texts)
    nltk = Tagger(scorer=SentimentScorer(fast=False)).analyse_many(texts)
    for text, one, other in zip(texts, fast, nltk, strict=True):
        assert one == other, text


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
