from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.io.resume import SHA_KEY, load_resume, text_sha256


def line(article_id: str, text: str = "body", **extra: object) -> str:
    return json.dumps({"article_id": article_id, SHA_KEY: text_sha256(text), "statements": [], **extra}) + "\n"


def test_hash_is_sha256_of_utf8_and_keeps_lone_surrogates() -> None:
    assert text_sha256("café") == hashlib.sha256("café".encode()).hexdigest()
    assert text_sha256("a\ud800b") != text_sha256("ab")


def test_missing_or_empty_output_resumes_from_nothing(tmp_path: Path) -> None:
    assert load_resume(tmp_path / "none.jsonl").records == 0
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    state = load_resume(empty)
    assert state.records == 0 and state.repairs == ()
    assert not state.claim("a", text_sha256("body"))


def test_written_articles_are_claimed_by_id_and_text_hash(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(line("a") + "\n" + line("b", "other"), encoding="utf-8")
    state = load_resume(out)
    assert state.records == 2
    assert not state.claim("a", text_sha256("changed text"))  # same id, new text: not done
    assert state.claim("a", text_sha256("body"))
    assert state.claim("b", text_sha256("other"))
    assert state.skipped == 2


def test_an_article_written_once_is_skipped_once(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(line("a"), encoding="utf-8")
    state = load_resume(out)
    assert state.claim("a", text_sha256("body"))
    assert not state.claim("a", text_sha256("body"))  # a second copy in the input was never written


def test_records_without_a_hash_match_by_id(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"article_id": "old"}) + "\n", encoding="utf-8")
    assert load_resume(out).claim("old", text_sha256("anything"))


@pytest.mark.parametrize(
    "torn",
    [b'{"article_id":"c","statem', b'{"article_id":"c","text_sha256":"x"}', b"\xe2\x80", b"   "],
    ids=["half-record", "whole-json-without-newline", "half-utf8", "blanks"],
)
def test_torn_last_line_is_cut_off(tmp_path: Path, torn: bytes) -> None:
    out = tmp_path / "out.jsonl"
    good = (line("a") + line("b")).encode()
    out.write_bytes(good + torn)
    state = load_resume(out)
    assert state.records == 2
    assert out.read_bytes() == good
    assert len(state.repairs) == 1 and "torn last line" in state.repairs[0]
    assert not state.claim("c", text_sha256("body"))


def test_broken_lines_inside_the_file_are_dropped(tmp_path: Path) -> None:
    # What appending after a torn line without resuming leaves: a fragment on a line of its own.
    out = tmp_path / "out.jsonl"
    out.write_bytes((line("a") + '{"article_id":"b","sta\n' + line("c") + "[1, 2]\n" + line("d")).encode() + b'{"x')
    out.chmod(0o640)
    state = load_resume(out)
    assert state.records == 3
    assert out.read_text(encoding="utf-8") == line("a") + line("c") + line("d")
    assert out.stat().st_mode & 0o777 == 0o640
    assert "dropped 2 line(s)" in state.repairs[0] and "line 2, 4" in state.repairs[0]
    assert "torn last line" in state.repairs[1]
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_cannot_resume_to_stdout() -> None:
    with pytest.raises(InputError, match="stdout"):
        load_resume("-")
