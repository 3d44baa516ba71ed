from themes.analysis import Tagger, emerging_phrases


def test_recurring_phrases_in_untagged_sentences_are_ranked_with_examples():
    comments = [
        "The blue badge renewal took ages. Staff were lovely.",
        "Blue badge renewal again this year",
        "I need help with my blue badge renewal",
        "Bus pass renewal was easy",
        "The blue badge scheme is new",
    ]
    tagger = Tagger(redact=False, safeguarding=False)
    tags = [a.tags for a in tagger.analyse_many(comments)]
    phrases = {p.phrase: p for p in emerging_phrases(comments, tags, min_count=2)}
    assert "blue badge renewal" in phrases
    renewal = phrases["blue badge renewal"]
    assert renewal.count == 2  # comment 0's sentence was tagged (waiting), so only 1 and 2 count
    assert renewal.comment_indices == [1, 2]
    assert renewal.sentence_refs == [(1, 0), (2, 0)]
    assert "blue badge" in phrases and phrases["blue badge"].count == 3
    assert "staff lovely" not in phrases


def test_stopwords_and_min_count_filter_phrases():
    comments = ["the the the of the", "of the of the", "parking meter broken", "parking meter"]
    phrases = [p.phrase for p in emerging_phrases(comments, min_count=2)]
    assert phrases == ["parking meter"]


def test_no_comments_no_phrases():
    assert emerging_phrases([], []) == []
