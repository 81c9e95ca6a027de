"""`factcheck run --resume` after a run killed part-way through."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.io.resume import SHA_KEY, text_sha256

REPO = Path(__file__).resolve().parents[2]
N_ARTICLES = 30
CLI = [sys.executable, "-c", "from factcheck.cli import main; main()"]


def article(i: int) -> dict[str, str]:
    text = (
        f"The transport minister said on Monday that the new bridge at Riverside {i} would open in May. "
        f'"The bridge is not safe and it will not open on time," said local councillor Ann Baker. '
        f"The builder denied that the bridge was unsafe."
    )
    return {"id": f"art-{i:02d}", "text": text}


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(article(i)) + "\n" for i in range(N_ARTICLES)), encoding="utf-8")
    return path


def line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_a_killed_run_resumes_with_every_article_written_once(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["run", str(batch), "--out", str(out), "--no-progress", "--set", "articles_per_chunk=2"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([*CLI, *args], cwd=tmp_path, env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while line_count(out) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, stderr.decode()
    written = line_count(out)
    assert 2 <= written < N_ARTICLES, "the run was not killed part-way through"
    with out.open("ab") as fh:  # the worst a crash can leave: half a record
        fh.write(b'{"article_id":"art-99","statements":[{"id":"s1","spea')

    result = CliRunner().invoke(app, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    assert "torn last line" in result.stderr
    assert f"{N_ARTICLES - written} article(s) written to {out}, 0 failed, {written} already in {out}" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    counts = collections.Counter(r["article_id"] for r in records)
    assert counts == {f"art-{i:02d}": 1 for i in range(N_ARTICLES)}
    assert all(r[SHA_KEY] == text_sha256(article(int(r["article_id"][4:]))["text"]) for r in records)

    again = CliRunner().invoke(app, [*args, "--resume"])
    assert again.exit_code == 0, again.output
    assert f"0 article(s) written to {out}, 0 failed, {N_ARTICLES} already in {out}" in again.stderr
    assert line_count(out) == N_ARTICLES


def test_a_changed_article_is_written_again(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = article(0)
    out.write_text(
        json.dumps({"article_id": first["id"], SHA_KEY: text_sha256("an older text")}) + "\n", encoding="utf-8"
    )
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(first) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(one), "--out", str(out), "--no-progress", "--resume"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["article_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["art-00"] * 2


def test_resume_needs_a_file(batch: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(batch), "--out", "-", "--resume"])
    assert result.exit_code == 1
    assert [ln for ln in result.stderr.splitlines() if ln.strip()] == [
        "error: -: cannot resume when the output is stdout; pass --out FILE"
    ]
