"""Throughput of the themes engine on one core (a script, not a test).

    python bench/bench_tagging.py                       # synthetic comments, 1k / 10k / 100k
    python bench/bench_tagging.py --csv FILE --text-column feedback --sizes 1000,10000
    python bench/bench_tagging.py --sentiment both --rounds 5   # FastVader against NLTK's VADER

Comments are generated from templates with varied fillers (median about 12 words, 1-3
sentences), or read from a CSV (cycled if it has fewer rows than asked). Each run uses a
fresh ``Tagger`` in this single process, so the per-sentence caches start cold; wall-clock and
CPU time are both reported (CPU time is steadier on a busy machine). Two modes:
"rules" is tagging with sentiment (no redaction, no safeguarding); "full" adds both (the
whole pipeline, as ``themes tag`` and the background task run it). Results are streamed, as
in production, so memory does not grow with the number of comments: the peak RSS of the
process after each run is printed (it includes the list of input comments). Each result is
digested (its repr hashed, to compare scorers and versions); that is the bench's own work, not
the engine's (about 13 us a comment, dataclass reprs), so it is timed apart and left out of
the figures: "with digest" is the rate counting it (before December 2026 the figures did).

After the runs, ``--stages`` (on by default) times each stage of the full pipeline on its own,
over the same comments and with fresh caches, in CPU microseconds per comment: redaction,
tokenise (clean and split into sentences), themes (phrase and pattern matching, with each
mention's clause scored), sentiment (each comment's VADER score), safeguarding, and what is left
of the whole run (look-ups, assembling each ``Analysis``).

``--sentiment`` picks the VADER scorer: "fast" (``vader_fast.FastVader``), "nltk" (NLTK's own
``SentimentIntensityAnalyzer`` over the same packaged lexicon) or "both". Every round runs each
scorer once per mode and size, alternating which goes first; the figures are medians over the
rounds. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from themes.analysis import (  # noqa: E402
    SafeguardingDetector,
    SentimentScorer,
    Tagger,
    redact,
    split_sentences,
)
from themes.analysis.text import clean  # noqa: E402

OPENINGS = [
    "The {role} was {adj} {when}",
    "My {family} has had care for {n} years",
    "We waited {n} weeks for {thing} {when}",
    "Nobody called me back about {thing}",
    "I rang the duty team {n} times {when}",
    "The {role} never turned up {when}",
    "Staff at the {place} were {adj} and {adj2}",
    "I could not get through on the phone {when}",
    "The {thing} took {n} months",
    "{Name} from the council explained {thing} {when}",
    "I was not told what was happening with {thing}",
    "The {place} is {adj} and the {role} is {adj2}",
    "Since {thing} my {family} is much more {state}",
    "The charges for {thing} are {adj}",
]
ENDINGS = [
    "",
    "Thank you.",
    "Please sort it out.",
    "It made a real difference.",
    "I had to chase it {n} times.",
    "We need more {thing} in this area.",
    "Really {adj}.",
    "Overall {adj} service.",
    "The {role} was not rude at all.",
]
FILL = {
    "role": [
        "carer",
        "social worker",
        "occupational therapist",
        "manager",
        "receptionist",
        "care worker",
        "support worker",
        "nurse",
    ],
    "adj": [
        "lovely",
        "rude",
        "helpful",
        "slow",
        "kind",
        "awful",
        "brilliant",
        "confusing",
        "excellent",
        "poor",
        "unhelpful",
        "caring",
        "late",
        "expensive",
    ],
    "adj2": ["patient", "dismissive", "friendly", "rushed", "professional", "cheerful"],
    "family": ["mum", "dad", "husband", "wife", "son", "daughter", "nan", "brother"],
    "thing": [
        "an assessment",
        "respite",
        "a care package",
        "the financial assessment",
        "a blue badge",
        "equipment",
        "a carer's assessment",
        "direct payments",
        "an interpreter",
        "the easy read letter",
        "hospital discharge",
        "a review",
    ],
    "place": ["day centre", "care home", "office", "hospital", "library hub", "contact centre"],
    "state": ["independent", "confident", "settled", "isolated", "happy", "lonely"],
    "Name": ["Sarah", "Dave", "Mrs Patel", "Tom", "Aisha", "Mr Jones"],
    "when": [
        "",
        "last week",
        "this morning",
        "in March",
        "after the review",
        "on Tuesday",
        "every time",
        "over Christmas",
        "since the summer",
        "at the weekend",
        "yesterday",
        "for my {family}",
        "when {family} came home",
        "during the visit",
        "in the evening",
        "before the hospital stay",
        "after {n} days",
        "since January",
        "at night",
        "today",
    ],
}


def synthetic_comments(count: int, seed: int = 1) -> list[str]:
    """``count`` varied, realistic-length comments."""
    rng = random.Random(seed)

    def fill(template: str) -> str:
        values = {key: rng.choice(options) for key, options in FILL.items()}
        values["when"] = values["when"].format(family=values["family"], n=rng.randint(2, 9))
        return template.format(n=rng.randint(2, 40), **values).replace(" .", ".").strip()

    comments = []
    for _ in range(count):
        parts = [fill(rng.choice(OPENINGS)) + rng.choice([".", "!", ""])]
        for _ in range(rng.choice([0, 1, 1, 2])):
            parts.append(fill(rng.choice(ENDINGS)))
        comments.append(" ".join(p for p in parts if p))
    return comments


def csv_comments(path: str, column: str, count: int) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        texts = [row[column] for row in csv.DictReader(handle) if (row[column] or "").strip()]
    return list(itertools.islice(itertools.cycle(texts), count))


def cold_caches() -> None:
    """Empty the per-word caches kept by the analysis modules, so every run starts cold."""
    from themes.analysis import names, text

    names.fold.cache_clear()
    names.zipf.cache_clear()
    for cache in (names._word_infos, names._cue_pairs, names._starts, text._stem_cache):
        cache.clear()


def run(comments: list[str], mode: str, sentiment: str = "fast") -> dict:
    cold_caches()
    full, scorer = mode == "full", SentimentScorer(fast=sentiment == "fast")
    tagger = Tagger(redact=full, safeguarding=full, scorer=scorer)
    fingerprint, tags = hashlib.sha256(), 0
    digest_seconds = digest_cpu = 0.0
    clock, cpu_clock = time.perf_counter, time.process_time
    started, cpu_started = clock(), cpu_clock()
    for analysis in tagger.analyse_many(comments):  # streamed: nothing kept but a digest
        digest_started, digest_cpu_started = clock(), cpu_clock()
        fingerprint.update(_outputs(analysis))
        tags += len(analysis.tags)
        digest_seconds += clock() - digest_started
        digest_cpu += cpu_clock() - digest_cpu_started
    seconds = clock() - started - digest_seconds
    cpu = cpu_clock() - cpu_started - digest_cpu
    return {
        "mode": mode,
        "sentiment": sentiment,
        "n": len(comments),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "comments_per_second": round(len(comments) / seconds),
        "comments_per_cpu_second": round(len(comments) / cpu),
        "digest_cpu_seconds": round(digest_cpu, 3),
        "comments_per_second_with_digest": round(len(comments) / (seconds + digest_seconds)),
        "tags": tags,
        "digest": fingerprint.hexdigest()[:16],
        "peak_rss_mb": peak_rss_mb(),
    }


def _outputs(analysis) -> bytes:
    """A comment's label, compound score, tags and flags, to compare scorers and versions."""
    outputs = (analysis.sentiment, analysis.compound, analysis.tags, analysis.safeguarding)
    return repr(outputs).encode()


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def stages(comments: list[str], whole_cpu: float, sentiment: str = "fast") -> dict:
    """CPU microseconds per comment of each stage of the full pipeline, each timed alone."""
    n = len(comments)

    def timed(work):
        cold_caches()
        started = time.process_time()
        result = work()
        return result, (time.process_time() - started) * 1e6 / n

    redacted, redaction = timed(lambda: [redact(text).text for text in comments])
    split, tokenise = timed(lambda: [split_sentences(clean(text)) for text in redacted])
    tagger = Tagger(redact=False, safeguarding=False, scorer=SentimentScorer(sentiment == "fast"))

    def themes():
        seen = {}  # the tagger's per-sentence cache, for the theme rules alone
        for sentences in split:
            for sentence in sentences:
                if sentence not in seen:
                    seen[sentence] = tagger._tag_sentence(sentence)

    _, theme_cost = timed(themes)
    scorer = SentimentScorer(fast=sentiment == "fast")
    _, sentiment_cost = timed(lambda: [scorer.comment_compound(s) for s in split])
    detector = SafeguardingDetector()
    _, safeguarding = timed(
        lambda: [detector.detect_sentence(sentence) for s in split for sentence in s]
    )
    costs = {
        "redaction": redaction,
        "tokenise": tokenise,
        "themes": theme_cost,
        "sentiment": sentiment_cost,
        "safeguarding": safeguarding,
    }
    whole = whole_cpu * 1e6 / n
    costs["rest"] = max(0.0, whole - sum(costs.values()))
    return {key: round(value, 1) for key, value in costs.items()} | {"whole": round(whole, 1)}


def interleaved(pool: list[str], modes, sizes, scorers, rounds: int) -> list[dict]:
    """Median figures per (mode, size, scorer) over ``rounds``, scorers alternating first."""
    runs: dict[tuple, list[dict]] = {}
    for round_number in range(rounds):
        order = scorers if round_number % 2 == 0 else scorers[::-1]
        for mode in modes:
            for size in sizes:
                for sentiment in order:
                    runs.setdefault((mode, size, sentiment), []).append(
                        run(pool[:size], mode, sentiment)
                    )
    return [summarise(results, rounds) for results in runs.values()]


def summarise(results: list[dict], rounds: int) -> dict:
    summary = dict(results[0], rounds=rounds)
    keys = ("seconds", "cpu_seconds", "comments_per_second", "comments_per_cpu_second")
    for key in (*keys, "comments_per_second_with_digest"):
        summary[key] = round(statistics.median(result[key] for result in results), 3)
    summary["comments_per_second_all"] = [result["comments_per_second"] for result in results]
    return summary


def report(results: list[dict], distinct: dict[int, int]) -> None:
    for result in results:
        print(
            f"{result['mode']:5} {result['sentiment']:4} n={result['n']:>7}  "
            f"{result['seconds']:8.2f} s  {result['comments_per_second']:>7} comments/s  "
            f"({result['comments_per_cpu_second']} per CPU second; "
            f"{distinct[result['n']]} distinct sentences; median of {result['rounds']}; "
            f"{result['comments_per_second_with_digest']}/s with the digest; "
            f"peak RSS {result['peak_rss_mb']} MB)"
        )
    by_key = {(r["mode"], r["n"], r["sentiment"]): r for r in results}
    for (mode, size, sentiment), fast in by_key.items():
        slow = by_key.get((mode, size, "nltk"))
        if sentiment == "fast" and slow:
            wall = fast["comments_per_second"] / slow["comments_per_second"]
            cpu = fast["comments_per_cpu_second"] / slow["comments_per_cpu_second"]
            same = fast["digest"] == slow["digest"]
            print(
                f"{mode:5} n={size:>7}  fast/nltk {wall:.2f}x wall-clock, {cpu:.2f}x CPU; "
                f"identical results: {same}"
            )


def report_stages(size: int, costs: dict) -> None:
    whole = costs["whole"]
    parts = ", ".join(
        f"{key} {value:.1f} ({100 * value / whole:.0f}%)"
        for key, value in costs.items()
        if key != "whole"
    )
    print(f"stages, full pipeline, n={size}, CPU us per comment: {parts}; whole {whole:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Themes engine throughput on one core")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--modes", default="rules,full")
    parser.add_argument("--sentiment", choices=("fast", "nltk", "both"), default="fast")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--csv")
    parser.add_argument("--text-column", default="feedback")
    parser.add_argument(
        "--stages",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time each stage of the full pipeline on its own, at the largest size",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.csv:
        pool = csv_comments(args.csv, args.text_column, max(sizes))
    else:
        pool = synthetic_comments(max(sizes))
    words = [len(text.split()) for text in pool[:10000]]
    print(
        f"source: {'csv' if args.csv else 'synthetic'}; median words {statistics.median(words)}; "
        f"pid {os.getpid()}, one process"
    )
    Tagger().analyse("warm up: load lexicons and compile patterns once")
    scorers = ["fast", "nltk"] if args.sentiment == "both" else [args.sentiment]
    results = interleaved(pool, args.modes.split(","), sizes, scorers, args.rounds)
    distinct = {n: len({s for text in pool[:n] for s in split_sentences(text)}) for n in sizes}
    report(results, distinct)
    summary = {"source": "csv" if args.csv else "synthetic", "results": results}
    full = [r for r in results if r["mode"] == "full" and r["n"] == max(sizes)]
    if args.stages and full:
        costs = stages(pool[: max(sizes)], full[0]["cpu_seconds"], full[0]["sentiment"])
        report_stages(max(sizes), costs)
        summary["stages_us_per_comment"] = costs
    summary["load_average"] = os.getloadavg()
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
