from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from factcheck.records import ArticleResult
from factcheck.review import queries, store
from factcheck.review.errors import ReviewError, UnknownPairError

MakeDb = Callable[[Sequence[ArticleResult]], Path]


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_database_file_is_in_wal_mode(seed_db: Path) -> None:
    with sqlite3.connect(seed_db) as conn:  # a fresh connection sees the mode stored in the file
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_connections_wait_for_locks_instead_of_failing(seed_db: Path) -> None:
    with store.session(seed_db) as conn:
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_loading_the_same_results_twice_adds_no_rows(make_db: MakeDb, seed_article: ArticleResult) -> None:
    db = make_db([seed_article])
    with store.session(db) as conn:
        ids_before = [r.pair_id for r in queries.list_queue(conn, queries.QueueFilter(), limit=10)[0]]
        store.add_verdict(conn, ids_before[0], verdict="confirm", reviewer="Ana")

    summary = store.load_results(db, [seed_article])

    assert summary == store.LoadSummary(articles=1, statements=4, pairs=2)
    assert (_count(db, "articles"), _count(db, "statements"), _count(db, "pairs")) == (1, 4, 2)
    with store.session(db) as conn:
        rows, total = queries.list_queue(conn, queries.QueueFilter(), limit=10)
    assert total == 2
    assert [r.pair_id for r in rows] == ids_before  # reloading keeps pair ids, so verdicts stay attached
    assert rows[0].status == "confirm"


def test_reload_refreshes_changed_scores(make_db: MakeDb, seed_article: ArticleResult) -> None:
    db = make_db([seed_article])
    first, second = seed_article.pairs
    rescored = dataclasses.replace(seed_article, pairs=(dataclasses.replace(first, score=0.3), second))
    store.load_results(db, [rescored])
    with store.session(db) as conn:
        rows, _ = queries.list_queue(conn, queries.QueueFilter(), limit=10)
    assert [(r.relation, r.score) for r in rows] == [("contradiction", 0.58), ("rebuttal", 0.3)]
    assert _count(db, "pairs") == 2


def test_every_verdict_is_kept_and_the_latest_is_the_status(seed_db: Path) -> None:
    with store.session(seed_db) as conn:
        pair_id = queries.list_queue(conn, queries.QueueFilter(), limit=1)[0][0].pair_id
        store.add_verdict(conn, pair_id, verdict="confirm", reviewer="Ana", note="clear rebuttal")
        store.add_verdict(conn, pair_id, verdict="skip", reviewer="Ben")
        store.add_verdict(conn, pair_id, verdict="reject", reviewer="Cleo", note="different topics")
        detail = queries.get_pair(conn, pair_id)

    assert detail is not None
    assert [(v.verdict, v.reviewer) for v in detail.history] == [
        ("reject", "Cleo"),
        ("skip", "Ben"),
        ("confirm", "Ana"),
    ]
    assert detail.status == "reject"
    assert detail.history[0].created_at >= detail.history[-1].created_at
    assert _count(seed_db, "verdicts") == 3


@pytest.mark.parametrize(
    ("verdict", "reviewer", "pair_id", "error", "message"),
    [
        ("approve", "Ana", 1, ReviewError, "unknown verdict 'approve'"),
        ("confirm", "   ", 1, ReviewError, "a reviewer name is required"),
        ("confirm", "Ana", 999, UnknownPairError, "no pair with id 999"),
        ("confirm", "A" * 201, 1, ReviewError, "too long"),
    ],
)
def test_invalid_verdicts_are_refused_and_not_stored(
    seed_db: Path, verdict: str, reviewer: str, pair_id: int, error: type[Exception], message: str
) -> None:
    with store.session(seed_db) as conn, pytest.raises(error, match=message):
        store.add_verdict(conn, pair_id, verdict=verdict, reviewer=reviewer)
    assert _count(seed_db, "verdicts") == 0


def test_sql_metacharacters_are_data(make_db: MakeDb, hostile_article: ArticleResult) -> None:
    db = make_db([hostile_article])
    with store.session(db) as conn:
        store.add_verdict(conn, 1, verdict="confirm", reviewer="Robert'); DROP TABLE verdicts;--")
        flt = queries.QueueFilter(speaker="x' OR '1'='1")
        assert queries.list_queue(conn, flt, limit=10) == ([], 0)
        assert queries.verdict_history(conn, 1)[0].reviewer.startswith("Robert'")


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "review.sqlite"
    bogus.write_text("not a database, just text " * 100, encoding="utf-8")
    with pytest.raises(ReviewError, match="not a usable review database"):
        store.init_db(bogus)


def test_open_existing_does_not_create_a_database(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="review database not found"):
        store.open_existing(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()
