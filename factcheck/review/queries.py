"""Read side of the review database: the queue, one pair, confirmed pairs.

Rows come back as records (``Statement``, ``Pair``, ``CleanArticle`` from
``factcheck.records``, plus the few review-only records defined here).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from factcheck.records import CleanArticle, Pair, Statement
from factcheck.review.store import VERDICTS

STATUSES: tuple[str, ...] = ("unreviewed", "reviewed", *VERDICTS)

_QUEUE_FROM = """
FROM pairs AS p
JOIN articles AS art ON art.id = p.article_id
JOIN statements AS sa ON sa.article_id = p.article_id AND sa.id = p.a
JOIN statements AS sb ON sb.article_id = p.article_id AND sb.id = p.b
LEFT JOIN current_verdicts AS cv ON cv.pair_id = p.id
"""

# Queue order: score descending, then pair id; "next" means later in this order.
_QUEUE_ORDER = " ORDER BY p.score DESC, p.id ASC"
_AFTER = " AND (p.score < ? OR (p.score = ? AND p.id > ?))"
_BEFORE = " AND (p.score > ? OR (p.score = ? AND p.id < ?))"
_BEFORE_ORDER = " ORDER BY p.score ASC, p.id DESC"

_STATEMENT_COLUMNS = (
    "id, speaker, speaker_mention, cue, cue_lemma, kind, stance, content, sentence, content_start, content_end, "
    "speaker_start, speaker_end, cue_start, cue_end, sentence_start, target, keywords_json"
)


@dataclasses.dataclass(frozen=True)
class QueueFilter:
    """The queue's GET parameters; an empty string means no filter."""

    article: str = ""
    speaker: str = ""
    relation: str = ""
    status: str = ""

    def params(self) -> dict[str, str]:
        """The non-empty filters, for building links that keep them."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v}

    def where(self) -> tuple[str, list[Any]]:
        """A parameterized WHERE clause (always starting with ``WHERE 1 = 1``)."""
        clauses = ["WHERE 1 = 1"]
        args: list[Any] = []
        if self.article:
            clauses.append("p.article_id = ?")
            args.append(self.article)
        if self.speaker:
            clauses.append("(sa.speaker = ? OR sb.speaker = ?)")
            args += [self.speaker, self.speaker]
        if self.relation:
            clauses.append("p.relation = ?")
            args.append(self.relation)
        if self.status == "unreviewed":
            clauses.append("cv.verdict IS NULL")
        elif self.status == "reviewed":
            clauses.append("cv.verdict IS NOT NULL")
        elif self.status in VERDICTS:
            clauses.append("cv.verdict = ?")
            args.append(self.status)
        return " AND ".join(clauses), args


@dataclasses.dataclass(frozen=True)
class QueueRow:
    """One line of the queue."""

    pair_id: int
    article_id: str
    article_title: str | None
    relation: str
    score: float
    a_speaker: str
    a_content: str
    b_speaker: str
    b_content: str
    status: str | None
    reviewer: str | None


@dataclasses.dataclass(frozen=True)
class VerdictRow:
    """One verdict as recorded; a pair's history is a list of these."""

    id: int
    verdict: str
    reviewer: str
    note: str
    created_at: str


@dataclasses.dataclass(frozen=True)
class PairDetail:
    """A pair with its article, both statements and its verdict history (newest first)."""

    id: int
    article: CleanArticle
    a: Statement
    b: Statement
    pair: Pair
    history: tuple[VerdictRow, ...]

    @property
    def status(self) -> str | None:
        return self.history[0].verdict if self.history else None


@dataclasses.dataclass(frozen=True)
class FilterChoices:
    """The values the queue's filter menus offer."""

    articles: tuple[tuple[str, str], ...]
    speakers: tuple[str, ...]
    relations: tuple[str, ...]


def list_queue(conn: sqlite3.Connection, flt: QueueFilter, *, limit: int) -> tuple[list[QueueRow], int]:
    """The filtered queue, best score first, and how many rows match in all."""
    where, args = flt.where()
    total = int(conn.execute(f"SELECT COUNT(*) {_QUEUE_FROM} {where}", args).fetchone()[0])
    rows = conn.execute(
        "SELECT p.id, p.article_id, art.title, p.relation, p.score, sa.speaker, sa.content, sb.speaker, sb.content,"
        f" cv.verdict, cv.reviewer {_QUEUE_FROM} {where}{_QUEUE_ORDER} LIMIT ?",
        [*args, limit],
    ).fetchall()
    return [QueueRow(*tuple(row)) for row in rows], total


def neighbour_pair_id(conn: sqlite3.Connection, pair_id: int, flt: QueueFilter, *, forward: bool) -> int | None:
    """The pair after (or before) ``pair_id`` in the filtered queue order.

    Works when ``pair_id`` itself no longer matches the filter, e.g. once it
    has been reviewed while the queue shows unreviewed pairs only.
    """
    here = conn.execute("SELECT score, id FROM pairs WHERE id = ?", (pair_id,)).fetchone()
    if here is None:
        return None
    where, args = flt.where()
    step, order = (_AFTER, _QUEUE_ORDER) if forward else (_BEFORE, _BEFORE_ORDER)
    row = conn.execute(
        f"SELECT p.id {_QUEUE_FROM} {where}{step}{order} LIMIT 1",
        [*args, here["score"], here["score"], here["id"]],
    ).fetchone()
    return None if row is None else int(row[0])


def filter_choices(conn: sqlite3.Connection) -> FilterChoices:
    articles = conn.execute(
        "SELECT id, COALESCE(title, id) FROM articles WHERE id IN (SELECT article_id FROM pairs) ORDER BY 2, 1"
    ).fetchall()
    speakers = conn.execute(
        "SELECT DISTINCT s.speaker FROM statements AS s JOIN pairs AS p"
        " ON p.article_id = s.article_id AND s.id IN (p.a, p.b) ORDER BY 1"
    ).fetchall()
    relations = conn.execute("SELECT DISTINCT relation FROM pairs ORDER BY 1").fetchall()
    return FilterChoices(
        articles=tuple((str(r[0]), str(r[1])) for r in articles),
        speakers=tuple(str(r[0]) for r in speakers),
        relations=tuple(str(r[0]) for r in relations),
    )


def get_pair(conn: sqlite3.Connection, pair_id: int) -> PairDetail | None:
    """One pair with everything the pair page shows, or None when there is none."""
    row = conn.execute(
        "SELECT id, article_id, a, b, relation, score, nli_json, topic_score, reason FROM pairs WHERE id = ?",
        (pair_id,),
    ).fetchone()
    if row is None:
        return None
    return PairDetail(
        id=int(row["id"]),
        article=_article(conn, row["article_id"]),
        a=_statement(conn, row["article_id"], row["a"]),
        b=_statement(conn, row["article_id"], row["b"]),
        pair=_pair(row),
        history=verdict_history(conn, pair_id),
    )


def verdict_history(conn: sqlite3.Connection, pair_id: int) -> tuple[VerdictRow, ...]:
    """Every verdict on a pair, newest first."""
    rows = conn.execute(
        "SELECT id, verdict, reviewer, note, created_at FROM verdicts WHERE pair_id = ? ORDER BY id DESC",
        (pair_id,),
    ).fetchall()
    return tuple(VerdictRow(*tuple(r)) for r in rows)


def confirmed_pairs(conn: sqlite3.Connection) -> list[tuple[PairDetail, VerdictRow]]:
    """Pairs whose latest verdict is ``confirm``, best score first, with that verdict."""
    rows = conn.execute(
        "SELECT p.id FROM pairs AS p JOIN current_verdicts AS cv ON cv.pair_id = p.id"
        " WHERE cv.verdict = 'confirm' ORDER BY p.score DESC, p.id ASC"
    ).fetchall()
    out: list[tuple[PairDetail, VerdictRow]] = []
    for row in rows:
        detail = get_pair(conn, int(row[0]))
        if detail is not None:
            out.append((detail, detail.history[0]))
    return out


def _article(conn: sqlite3.Connection, article_id: str) -> CleanArticle:
    row = conn.execute(
        "SELECT id, text, source, title, dateline, url, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return CleanArticle(*tuple(row))


def _statement(conn: sqlite3.Connection, article_id: str, statement_id: str) -> Statement:
    row = conn.execute(
        f"SELECT {_STATEMENT_COLUMNS} FROM statements WHERE article_id = ? AND id = ?", (article_id, statement_id)
    ).fetchone()
    return Statement(
        id=row["id"],
        speaker=row["speaker"],
        speaker_mention=row["speaker_mention"],
        cue=row["cue"],
        kind=row["kind"],
        stance=row["stance"],
        content=row["content"],
        sentence=row["sentence"],
        start=row["content_start"],
        end=row["content_end"],
        cue_lemma=row["cue_lemma"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        sentence_start=row["sentence_start"],
        keywords=tuple(json.loads(row["keywords_json"])),
        target=row["target"],
    )


def _pair(row: sqlite3.Row) -> Pair:
    return Pair(
        a=row["a"],
        b=row["b"],
        relation=row["relation"],
        score=float(row["score"]),
        nli={str(k): float(v) for k, v in json.loads(row["nli_json"]).items()},
        topic_score=float(row["topic_score"]),
        reason=row["reason"],
    )
