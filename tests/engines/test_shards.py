from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factcheck.config import InputConfig
from factcheck.engines.shards import plan_shards, read_shard
from factcheck.errors import InputError
from factcheck.io.datasets_reader import iter_inputs
from factcheck.io.readers import iter_articles

CONFIG = InputConfig()
ENGLISH = "Police said on Monday that they had arrested two men in connection with the robbery at the bank."


def read_all(inputs: list[str], shard_bytes: int) -> list[object]:
    return [item for shard in plan_shards(inputs, shard_bytes=shard_bytes) for item in read_shard(shard, config=CONFIG)]


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    lines = [
        b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": ENGLISH}).encode(),
        b"",
        json.dumps({"id": "two", "text": ENGLISH, "title": "T"}).encode(),
        b"{not json",
        b"   ",
        json.dumps({"id": "short", "text": "too short"}).encode(),
        b'{"id": "latin", "text": "caf\xe9 ' + ENGLISH.encode() + b'"}',
        *[json.dumps({"id": f"n{i}", "text": f"{ENGLISH} Number {i}."}).encode() for i in range(12)],
    ]
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(lines))  # no line break after the last line
    return path


@pytest.mark.parametrize("shard_bytes", [1, 40, 333, 1000, 10**9])
def test_line_ranges_read_as_the_whole_file_does(jsonl: Path, shard_bytes: int) -> None:
    shards = list(plan_shards([str(jsonl)], shard_bytes=shard_bytes))
    if shard_bytes < jsonl.stat().st_size:
        assert len(shards) > 1 and all(s.kind == "jsonl" for s in shards)
        assert shards[0].start == 0 and shards[-1].end == jsonl.stat().st_size
        assert all(a.end == b.start for a, b in itertools.pairwise(shards))
    assert read_all([str(jsonl)], shard_bytes) == list(iter_articles([str(jsonl)], config=CONFIG))


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01\x02binary" * 100, b"\xff\xfe" + "{}".encode("utf-16-le") * 100, b"\n  \n\t\n" * 100],
    ids=["binary", "utf16", "whitespace"],
)
def test_a_large_unreadable_jsonl_file_is_one_failure_as_locally(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    got = read_all([str(path)], 64)
    assert len(got) == 1
    assert got == list(iter_articles([str(path)], config=CONFIG))


def test_parquet_row_groups_read_as_the_whole_file_does(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": ENGLISH if i != 3 else "short"} for i in range(7)]
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)
    shards = list(plan_shards([str(path)], shard_bytes=1))
    assert [(s.kind, s.start, s.first) for s in shards] == [("parquet", 0, 1), ("parquet", 1, 4), ("parquet", 2, 7)]
    assert read_all([str(path)], 1) == list(iter_inputs([str(path)], config=CONFIG))


def test_folders_and_bad_files_read_as_locally(tmp_path: Path, jsonl: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "x.parquet").write_bytes(b"not parquet")
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    inputs = [str(tmp_path), str(tmp_path / "missing.jsonl"), str(empty_folder)]
    assert read_all(inputs, 100) == list(iter_inputs(inputs, config=CONFIG))


def test_stdin_is_refused() -> None:
    with pytest.raises(InputError, match="not stdin"):
        plan_shards(["-"], shard_bytes=100)
