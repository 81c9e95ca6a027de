"""Confirmed pairs as flat rows: the CSV and JSONL exports share these columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO, Any

from factcheck.review.queries import PairDetail, VerdictRow

COLUMNS = (
    "article_id",
    "article_title",
    "article_url",
    "article_published",
    "relation",
    "score",
    "a_id",
    "a_speaker",
    "a_cue",
    "a_stance",
    "a_content",
    "b_id",
    "b_speaker",
    "b_cue",
    "b_stance",
    "b_content",
    "verdict",
    "reviewer",
    "note",
    "verdict_at",
)

# A cell starting with one of these runs as a formula in spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row(detail: PairDetail, verdict: VerdictRow) -> dict[str, Any]:
    """One flat record for a confirmed pair, keyed by ``COLUMNS``."""
    a, b, article = detail.a, detail.b, detail.article
    return {
        "article_id": article.id,
        "article_title": article.title or "",
        "article_url": article.url or "",
        "article_published": article.published or "",
        "relation": detail.pair.relation,
        "score": round(detail.pair.score, 6),
        "a_id": a.id,
        "a_speaker": a.speaker,
        "a_cue": a.cue,
        "a_stance": a.stance,
        "a_content": a.content,
        "b_id": b.id,
        "b_speaker": b.speaker,
        "b_cue": b.cue,
        "b_stance": b.stance,
        "b_content": b.content,
        "verdict": verdict.verdict,
        "reviewer": verdict.reviewer,
        "note": verdict.note,
        "verdict_at": verdict.created_at,
    }


def spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, prefixed with ``'`` so it stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return f"'{value}"
    return value


def write_csv(rows: Sequence[dict[str, Any]], handle: IO[str]) -> None:
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in record.items()})


def write_jsonl(rows: Sequence[dict[str, Any]], handle: IO[str]) -> None:
    for record in rows:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
