from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factcheck.config import InputConfig
from factcheck.io.datasets_reader import iter_inputs, iter_parquet_articles
from factcheck.io.readers import iter_articles
from factcheck.records import Article, ArticleFailure

CONFIG = InputConfig()
ENGLISH = (
    "The city council voted on Tuesday to delay a decision on the new stadium, saying it "
    "needed more time to study the cost to taxpayers. The mayor said he was disappointed."
)
ENGLISH_2 = "Police said on Monday that they had arrested two men in connection with the robbery at the bank."
SPANISH = "El gobierno anunció el martes un nuevo plan para reducir la inflación, que ha alcanzado su nivel más alto."

ROWS: list[dict[str, Any]] = [
    {"id": "a", "text": ENGLISH, "title": "Stadium", "url": "https://example.org/a", "published": "2024-05-01"},
    {"id": "b", "text": ENGLISH_2, "title": None, "url": None, "published": None},
    {"id": "short", "text": "too short", "title": None, "url": None, "published": None},
    {"id": None, "text": ENGLISH, "title": None, "url": None, "published": None},
    {"id": "es", "text": SPANISH, "title": None, "url": None, "published": None},
    {"id": "blank", "text": "   ", "title": None, "url": None, "published": None},
]


def write_parquet(path: Path, rows: list[dict[str, Any]], *, row_group_size: int = 2) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def described(items: list[Article | ArticleFailure], path: Path) -> list[tuple[str, ...]]:
    """Items with the file name taken out, so a Parquet row and a JSONL line compare."""
    out = []
    for item in items:
        if isinstance(item, Article):
            out.append(
                (
                    "ok",
                    item.id,
                    item.text,
                    str(item.title),
                    str(item.url),
                    str(item.published),
                    item.source.replace(str(path), "FILE"),
                )
            )
        else:
            out.append(("failed", item.message.replace(str(path), "FILE")))
    return out


def test_rows_meet_the_checks_of_jsonl_lines(tmp_path: Path) -> None:
    parquet = write_parquet(tmp_path / "batch.parquet", ROWS)
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    got = list(iter_parquet_articles(parquet, config=CONFIG, batch_rows=2))
    assert described(got, parquet) == described(list(iter_articles([str(jsonl)], config=CONFIG)), jsonl)
    assert [type(i).__name__ for i in got] == ["Article", "Article", *["ArticleFailure"] * 4]
    assert got[0].source == f"{parquet}:1" and got[1].id == "b"
    assert got[3].message == f"{parquet}:4: missing 'id' field"


def test_numeric_ids_and_timestamps_become_text_and_binary_text_is_refused(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": [1, 2],
            "text": [ENGLISH, ENGLISH_2],
            "published": pa.array([datetime.datetime(2024, 5, 1, 9, 30), None], pa.timestamp("s")),
        }
    )
    path = tmp_path / "t.parquet"
    pq.write_table(table, path)
    first, second = iter_parquet_articles(path, config=CONFIG)
    assert isinstance(first, Article) and first.id == "1" and first.published == "2024-05-01T09:30:00"
    assert isinstance(second, Article) and second.published is None
    binary = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": ["x"], "text": pa.array([ENGLISH.encode()], pa.binary())}), binary)
    (failure,) = iter_parquet_articles(binary, config=CONFIG)
    assert isinstance(failure, ArticleFailure) and "'text' must be a string" in failure.message


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: pq.write_table(pa.table({"id": ["a"], "body": [ENGLISH]}), p), "no 'text' column"),
        (lambda p: pq.write_table(pa.table({"text": [ENGLISH]}), p), "no 'id' column"),
        (lambda p: p.write_bytes(b"PAR1 this is not parquet at all"), "not a Parquet file"),
        (
            lambda p: pq.write_table(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), p),
            "empty file (no rows)",
        ),
        (lambda p: None, "file not found"),
    ],
    ids=["no-text", "no-id", "not-parquet", "no-rows", "missing"],
)
def test_an_unreadable_file_is_one_failure(tmp_path: Path, make: Any, expected: str) -> None:
    path = tmp_path / "bad.parquet"
    make(path)
    (failure,) = iter_parquet_articles(path, config=CONFIG)
    assert isinstance(failure, ArticleFailure)
    assert failure.message.startswith(f"{path}: ") and expected in failure.message
    assert "\n" not in failure.message


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "big.parquet", [ROWS[0]] * 50, row_group_size=10)
    items = iter_parquet_articles(path, config=CONFIG, batch_rows=5)
    assert next(items).source == f"{path}:1"
    assert sum(1 for _ in items) == 49


def test_inputs_mix_parquet_with_the_other_formats_in_folder_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    write_parquet(folder / "b.parquet", ROWS[:2])
    (folder / "sub" / "c.jsonl").write_text(json.dumps({"id": "c", "text": ENGLISH_2}) + "\n", encoding="utf-8")
    (folder / ".hidden.parquet").write_bytes(b"not read")
    (folder / "notes.csv").write_text("not read", encoding="utf-8")
    items = list(iter_inputs([str(folder), str(folder / "a.txt")], config=CONFIG))
    assert [(i.id, i.source) for i in items if isinstance(i, Article)] == [
        ("a", str(folder / "a.txt")),
        ("a", f"{folder / 'b.parquet'}:1"),
        ("b", f"{folder / 'b.parquet'}:2"),
        ("c", f"{folder / 'sub' / 'c.jsonl'}:1"),
        ("a", str(folder / "a.txt")),
    ]


def test_a_folder_without_inputs_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (failure,) = iter_inputs([str(tmp_path)], config=CONFIG)
    assert isinstance(failure, ArticleFailure) and ".parquet" in failure.message


def test_other_inputs_read_as_the_readers_read_them(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    names = [str(good), str(tmp_path / "missing.txt"), str(tmp_path / "x.csv")]
    assert list(iter_inputs(names, config=CONFIG)) == list(iter_articles(names, config=CONFIG))
