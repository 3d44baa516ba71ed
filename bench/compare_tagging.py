"""Check that a faster themes engine gives exactly the same results as a copy of the old one.

    cp -r themes/analysis /tmp/old_analysis          # before changing anything
    ...optimise...
    python bench/compare_tagging.py --old /tmp/old_analysis

Both packages tag the same comments in one process: the bench's synthetic comments, every
comment of the shared development sets (redaction, safeguarding, NHS feedback; read from
``../shared/data`` at run time, never copied), and mash-ups of those (sentences of different
comments joined, lower-cased, upper-cased, with numbers and titles added) to reach corners the
sets alone do not. For each comment it compares the whole ``Analysis`` (sentiment, compound,
every tag with its evidence, safeguarding flags, redacted text, counts, sentences), the
redaction on its own (with and without first names) and safeguarding on the unredacted text.
Prints the differences (first few of each kind) and exits 1 if there are any.

``--ungate-old`` makes the old package try every regex on every sentence (its first-word gate
off), which is what the rules themselves say; the old gate missed the second half of patterns
written ``\b(a|b) c\b|\bd e\b``, so compare against both.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_tagging import synthetic_comments  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SOURCES = [
    ("redaction/comments.csv", "text"),
    ("safeguarding/phrasings.csv", "text"),
    ("nhs-patient-feedback/text_data.csv", "feedback"),
]
EXTRAS = [
    "Mr {w}",
    "my daughter {w}",
    "{w} from the office",
    "call 07700 900{n:03d}",
    "NHS number. 943 476 {n:04d}",
    "born 12/0{d}/1950",
    "flat {d}, {n} High Street",
    "email {w}@example.org",
    "{w} at example dot com",
    "and {w}",
    "Dr. J. {w}",
]


def shared_comments() -> list[str]:
    texts = []
    for relative, column in SOURCES:
        path = SHARED / relative
        if not path.is_file():
            print(f"skipping {path} (not found)")
            continue
        with path.open(newline="", encoding="utf-8-sig") as handle:
            texts += [row[column] for row in csv.DictReader(handle) if row.get(column)]
    return texts


def mashups(texts: list[str], count: int, seed: int = 7) -> list[str]:
    """Comments made by joining and distorting pieces of ``texts``."""
    rng = random.Random(seed)
    words = [w for text in texts[:3000] for w in text.split() if w.isalpha()]
    result = []
    for _ in range(count):
        parts = [rng.choice(texts) for _ in range(rng.choice([1, 2, 2, 3]))]
        if rng.random() < 0.4:
            extra = rng.choice(EXTRAS).format(
                w=rng.choice(words), n=rng.randint(0, 999), d=rng.randint(1, 9)
            )
            parts.insert(rng.randrange(len(parts) + 1), extra)
        joiner = rng.choice([" ", ". ", "\n", ", and ", "! "])
        text = joiner.join(parts)
        roll = rng.random()
        if roll < 0.1:
            text = text.lower()
        elif roll < 0.15:
            text = text.upper()
        elif roll < 0.2:
            text = text.title()
        result.append(text)
    return result


def outputs(package, comments: list[str]) -> tuple[list, float]:
    tagger = package.Tagger()
    detector = package.SafeguardingDetector()
    started = time.process_time()
    rows = []
    for comment, analysis in zip(comments, tagger.analyse_many(comments), strict=True):
        full = package.redact(comment)
        bare = package.redact(comment, use_first_names=False)
        flags = detector.detect(comment)
        rows.append(
            {
                "analysis": repr(analysis),
                "redact": repr((full.text, full.counts_by_kind)),
                "redact_no_first_names": repr((bare.text, bare.counts_by_kind)),
                "safeguarding_unredacted": repr(flags),
            }
        )
    return rows, time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default="/tmp/old_analysis", help="copy of the old package")
    parser.add_argument("--synthetic", type=int, default=20000)
    parser.add_argument("--mashups", type=int, default=20000)
    parser.add_argument("--show", type=int, default=5, help="differences shown per kind")
    parser.add_argument(
        "--ungate-old",
        action="store_true",
        help="try every regex in the old package (no first-word gate): the rules' own results",
    )
    args = parser.parse_args()
    old_path = Path(args.old).resolve()
    sys.path.insert(0, str(old_path.parent))
    old = importlib.import_module(old_path.name)
    if args.ungate_old:
        gate = importlib.import_module(f"{old_path.name}.regex_gate")
        gate.first_words = lambda pattern: None
    new = importlib.import_module("themes.analysis")
    shared = shared_comments()
    comments = synthetic_comments(args.synthetic) + shared + mashups(shared, args.mashups)
    print(f"{len(comments)} comments ({len(shared)} from the shared sets)")
    old_rows, old_cpu = outputs(old, comments)
    new_rows, new_cpu = outputs(new, comments)
    print(f"CPU seconds: old {old_cpu:.1f}, new {new_cpu:.1f}")
    differences = 0
    for kind in old_rows[0]:
        pairs = enumerate(zip(old_rows, new_rows, strict=True))
        different = [i for i, (a, b) in pairs if a[kind] != b[kind]]
        differences += len(different)
        print(f"{kind}: {len(different)} different")
        for i in different[: args.show]:
            print(f"  comment {comments[i]!r}")
            print(f"    old {old_rows[i][kind]}\n    new {new_rows[i][kind]}")
    print("IDENTICAL" if not differences else f"{differences} DIFFERENCES")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
