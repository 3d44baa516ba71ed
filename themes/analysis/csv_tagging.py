"""Tag a CSV of comments in a stream: constant memory, so 100,000 rows are fine in one go."""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .tagger import Analysis, Tagger, default_tagger

OUTPUT_COLUMNS = (
    "redacted_text",
    "sentiment",
    "compound",
    "themes",
    "theme_evidence",
    "safeguarding",
    "safeguarding_evidence",
)


def analysis_columns(analysis: Analysis) -> dict[str, str]:
    """The output columns for one analysed comment (evidence as JSON)."""
    evidence = [
        {
            "theme": t.theme_key,
            "sentiment": t.sentiment,
            "sentence": t.sentence,
            "words": list(t.matched_words),
            "source": t.source,
            "confidence": t.confidence,
        }
        for t in analysis.tags
    ]
    flags = [
        {"category": f.category, "sentence": f.sentence, "words": list(f.matched_words)}
        for f in analysis.safeguarding
    ]
    return {
        "redacted_text": analysis.redacted_text,
        "sentiment": analysis.sentiment,
        "compound": f"{analysis.compound:.4f}",
        "themes": ";".join(dict.fromkeys(t.theme_key for t in analysis.tags)),
        "theme_evidence": json.dumps(evidence, ensure_ascii=False),
        "safeguarding": ";".join(dict.fromkeys(f.category for f in analysis.safeguarding)),
        "safeguarding_evidence": json.dumps(flags, ensure_ascii=False) if flags else "",
    }


def tag_csv(
    in_path: str | Path,
    text_column: str,
    out_path: str | Path,
    tagger: Tagger | None = None,
    *,
    drop_text: bool = False,
    chunk_size: int = 1000,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Write ``in_path`` plus the analysis columns to ``out_path``; return counts.

    ``drop_text`` leaves the original (unredacted) text column out of the output.
    """
    tagger = tagger or default_tagger()
    started, summary, themes = time.perf_counter(), Counter(), Counter()
    with (
        open(in_path, newline="", encoding="utf-8-sig") as source,
        open(out_path, "w", newline="", encoding="utf-8") as target,
    ):
        reader = csv.DictReader(source)
        if text_column not in (reader.fieldnames or []):
            raise KeyError(f"Column {text_column!r} not in {in_path}; found {reader.fieldnames}")
        kept = [c for c in reader.fieldnames if not (drop_text and c == text_column)]
        writer = csv.DictWriter(target, [*kept, *OUTPUT_COLUMNS], extrasaction="ignore")
        writer.writeheader()
        chunk: list[dict] = []
        for row in reader:
            chunk.append(row)
            if len(chunk) >= chunk_size:
                _write_chunk(chunk, text_column, tagger, writer, summary, themes, progress)
                chunk = []
        _write_chunk(chunk, text_column, tagger, writer, summary, themes, progress)
    seconds = time.perf_counter() - started
    rows = summary["rows"]
    return {
        "rows": rows,
        "tagged": summary["tagged"],
        "safeguarding": summary["safeguarding"],
        "by_theme": dict(themes.most_common()),
        "seconds": round(seconds, 2),
        "comments_per_second": round(rows / seconds, 1) if seconds else 0.0,
    }


def _write_chunk(chunk, text_column, tagger, writer, summary, themes, progress) -> None:
    if not chunk:
        return
    analyses = tagger.analyse_many([row[text_column] or "" for row in chunk])
    for row, analysis in zip(chunk, analyses, strict=True):
        writer.writerow({**row, **analysis_columns(analysis)})
        summary["rows"] += 1
        summary["tagged"] += bool(analysis.tags)
        summary["safeguarding"] += bool(analysis.safeguarding)
        themes.update({t.theme_key for t in analysis.tags})
    if progress:
        progress(summary["rows"])
