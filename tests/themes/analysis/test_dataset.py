import csv

from themes.analysis import map_sentiment, parse_labels, read_examples, split_examples


def test_labels_are_split_on_semicolons_and_trimmed():
    assert parse_labels(" Access; Staff ;;") == {"Access", "Staff"}
    assert parse_labels("") == frozenset()


def test_sentiment_from_words_and_numbers():
    assert [
        map_sentiment(v) for v in ["Positive", "neg", "-2", "0", "3.5", "junk", None, "nan"]
    ] == [
        "positive",
        "negative",
        "negative",
        "neutral",
        "positive",
        None,
        None,
        None,
    ]


def test_read_examples_skips_blank_text(tmp_path):
    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["comment", "themes", "mood"])
        writer.writerow(["Lovely carers", "Staff;Care", "2"])
        writer.writerow(["  ", "Staff", "1"])
        writer.writerow(["No parking", "Parking", "x"])
    examples = read_examples(path, "comment", "themes", "mood")
    assert [(e.text, e.labels, e.sentiment) for e in examples] == [
        ("Lovely carers", {"Staff", "Care"}, "positive"),
        ("No parking", {"Parking"}, None),
    ]


def test_split_is_reproducible_and_complete(tmp_path):
    items = list(range(10))
    train, test = split_examples(items, 0.2, seed=1)
    assert (train, test) == split_examples(items, 0.2, seed=1)
    assert len(test) == 2 and sorted(train + test) == items
