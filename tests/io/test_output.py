from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.io.output import JsonlWriter


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def test_writes_one_compact_line_per_record(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write({"id": "a", "text": "Café “quoted”", "n": [1, 2]})
        writer.write({"id": "b"})
    assert lines(path) == ['{"id":"a","text":"Café “quoted”","n":[1,2]}', '{"id":"b"}', ""]
    assert writer.closed
    assert writer.count == 2


def test_truncate_mode_replaces_existing_content(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"old":1}\n', encoding="utf-8")
    with JsonlWriter(path, append=False) as writer:
        writer.write({"new": 1})
    assert lines(path) == ['{"new":1}', ""]


def test_append_mode_keeps_existing_content(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"old":1}\n', encoding="utf-8")
    with JsonlWriter(path, append=True) as writer:
        writer.write({"new": 1})
    assert lines(path) == ['{"old":1}', '{"new":1}', ""]


def test_append_after_a_torn_line_starts_a_fresh_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"old":1}\n{"torn":', encoding="utf-8")
    with JsonlWriter(path, append=True) as writer:
        writer.write({"new": 1})
    assert lines(path) == ['{"old":1}', '{"torn":', '{"new":1}', ""]
    assert json.loads(lines(path)[2]) == {"new": 1}


def test_append_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "new.jsonl"
    with JsonlWriter(path, append=True) as writer:
        writer.write({"a": 1})
    assert lines(path) == ['{"a":1}', ""]


def test_each_flush_is_one_write_call_and_one_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[bytes] = []
    fsyncs: list[int] = []
    real_write = os.write

    def spy_write(fd: int, data: bytes) -> int:
        writes.append(bytes(data))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", spy_write)
    monkeypatch.setattr(os, "fsync", fsyncs.append)
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path, flush_every=2) as writer:
        for n in range(5):
            writer.write({"n": n, "text": "x" * 100_000})
        assert len(writes) == 2  # after records 2 and 4; record 5 waits for close
        assert len(fsyncs) == 2
    assert len(writes) == 3 and len(fsyncs) == 3
    assert all(chunk.endswith(b"\n") for chunk in writes)
    assert [chunk.count(b"\n") for chunk in writes] == [2, 2, 1]
    assert [json.loads(line)["n"] for line in lines(path)[:-1]] == [0, 1, 2, 3, 4]


def test_default_flushes_every_record(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter(path)
    writer.write({"n": 1})
    # Visible to a reader before close: a crash now would keep the record.
    assert lines(path) == ['{"n":1}', ""]
    writer.close()


def test_unflushed_records_are_written_on_close(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter(path, flush_every=10)
    writer.write({"n": 1})
    assert path.read_bytes() == b""
    writer.close()
    assert lines(path) == ['{"n":1}', ""]


def test_closes_and_flushes_when_the_block_raises(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError, match="boom"), JsonlWriter(path, flush_every=10) as writer:
        writer.write({"n": 1})
        raise RuntimeError("boom")
    assert writer.closed
    assert lines(path) == ['{"n":1}', ""]


def test_write_after_close_raises(tmp_path: Path) -> None:
    writer = JsonlWriter(tmp_path / "out.jsonl")
    writer.close()
    writer.close()  # closing twice is harmless
    with pytest.raises(ValueError, match="closed"):
        writer.write({"n": 1})


def test_dash_writes_to_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with JsonlWriter("-") as writer:
        writer.write({"id": "a", "text": "Zürich"})
        writer.write({"id": "b"})
    assert capsys.readouterr().out == '{"id":"a","text":"Zürich"}\n{"id":"b"}\n'
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_nan_is_refused_instead_of_writing_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        with pytest.raises(ValueError, match="cannot be written as JSON"):
            writer.write({"score": float("nan")})
        writer.write({"score": 0.5})
    assert lines(path) == ['{"score":0.5}', ""]


def test_unpaired_surrogate_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write({"text": "a\ud800b"})
    assert lines(path) == ['{"text":"a\\ud800b"}', ""]


def test_flush_every_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="flush_every must be at least 1, got 0"):
        JsonlWriter(tmp_path / "out.jsonl", flush_every=0)
