"""The review database: results and verdicts in one SQLite file.

The file runs in WAL mode so the pages can read while a verdict is written.
Open one connection per request or thread with ``session``; every statement
is parameterized. Verdicts are only ever added: a pair's current status is its
latest verdict, and the older ones stay as history.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, get_args

from factcheck.records import ArticleResult, Pair, Statement
from factcheck.review import schema
from factcheck.review.errors import ReviewError, UnknownPairError

Verdict = Literal["confirm", "reject", "skip"]
VERDICTS: tuple[str, ...] = get_args(Verdict)

BUSY_TIMEOUT_S = 10.0
MAX_REVIEWER_CHARS = 200
MAX_NOTE_CHARS = 5_000


@dataclasses.dataclass(frozen=True)
class LoadSummary:
    """What one call of ``load_results`` read."""

    articles: int
    statements: int
    pairs: int


def connect(db: Path) -> sqlite3.Connection:
    """Open ``db`` in autocommit mode with a busy timeout and foreign keys on.

    A connection belongs to the thread that opened it: open one per request.
    """
    try:
        conn = sqlite3.connect(db, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as err:
        raise ReviewError(f"{db}: cannot open review database: {err}") from err
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        conn.close()
        raise ReviewError(f"{db}: not a usable review database: {err}") from err
    conn.row_factory = sqlite3.Row
    return conn


@contextlib.contextmanager
def session(db: Path) -> Iterator[sqlite3.Connection]:
    """A connection for one request or thread, closed on exit."""
    conn = connect(db)
    try:
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock up front (no upgrade deadlocks)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def init_db(db: Path) -> None:
    """Create the schema (idempotent) and switch the file to WAL mode."""
    with session(db) as conn:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.executescript(schema.SCHEMA)
        except sqlite3.DatabaseError as err:
            raise ReviewError(f"{db}: not a usable review database: {err}") from err
    if str(mode).lower() != "wal":
        raise ReviewError(f"{db}: SQLite refused WAL mode (journal_mode is {mode})")


def open_existing(db: Path) -> sqlite3.Connection:
    """Connect to a review database that must already exist (never creates one)."""
    if not db.is_file():
        raise ReviewError(f"{db}: review database not found")
    return connect(db)


def load_results(db: Path, results: Iterable[ArticleResult]) -> LoadSummary:
    """Insert or refresh articles, statements and pairs; loading twice adds no rows."""
    articles = statements = pairs = 0
    loaded_at = _now()
    with session(db) as conn, transaction(conn):
        for result in results:
            try:
                _load_one(conn, result, loaded_at=loaded_at)
            except sqlite3.Error as err:
                raise ReviewError(f"{db}: cannot store article {result.article_id}: {err}") from err
            articles += 1
            statements += len(result.statements)
            pairs += len(result.pairs)
    return LoadSummary(articles=articles, statements=statements, pairs=pairs)


def _load_one(conn: sqlite3.Connection, result: ArticleResult, *, loaded_at: str) -> None:
    model_json = json.dumps(dict(result.model), sort_keys=True)
    conn.execute(
        schema.UPSERT_ARTICLE,
        (
            result.article_id,
            result.title,
            result.dateline,
            result.url,
            result.published,
            result.source,
            result.text,
            model_json,
            loaded_at,
        ),
    )
    conn.executemany(schema.UPSERT_STATEMENT, [_statement_row(result.article_id, s) for s in result.statements])
    conn.executemany(schema.UPSERT_PAIR, [_pair_row(result.article_id, p) for p in result.pairs])


def add_verdict(conn: sqlite3.Connection, pair_id: int, *, verdict: str, reviewer: str, note: str = "") -> int:
    """Record a verdict on a pair and return its row id; earlier verdicts are kept."""
    reviewer = reviewer.strip()
    note = note.strip()
    if verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r}: expected one of {', '.join(VERDICTS)}")
    if not reviewer:
        raise ReviewError("a reviewer name is required")
    if len(reviewer) > MAX_REVIEWER_CHARS or len(note) > MAX_NOTE_CHARS:
        raise ReviewError(
            f"reviewer name or note too long (at most {MAX_REVIEWER_CHARS} and {MAX_NOTE_CHARS} characters)"
        )
    with transaction(conn):
        if conn.execute("SELECT 1 FROM pairs WHERE id = ?", (pair_id,)).fetchone() is None:
            raise UnknownPairError(f"no pair with id {pair_id}")
        cursor = conn.execute(
            "INSERT INTO verdicts (pair_id, verdict, reviewer, note, created_at) VALUES (?, ?, ?, ?, ?)",
            (pair_id, verdict, reviewer, note, _now()),
        )
    return int(cursor.lastrowid or 0)


def _statement_row(article_id: str, s: Statement) -> tuple[object, ...]:
    return (
        article_id,
        s.id,
        s.speaker,
        s.speaker_mention,
        s.cue,
        s.cue_lemma,
        s.kind,
        s.stance,
        s.content,
        s.sentence,
        s.start,
        s.end,
        s.speaker_start,
        s.speaker_end,
        s.cue_start,
        s.cue_end,
        s.sentence_start,
        s.target,
        json.dumps(list(s.keywords)),
    )


def _pair_row(article_id: str, p: Pair) -> tuple[object, ...]:
    nli = json.dumps({str(k): float(v) for k, v in p.nli.items()}, sort_keys=True)
    return (article_id, p.a, p.b, p.relation, float(p.score), nli, float(p.topic_score), p.reason)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
