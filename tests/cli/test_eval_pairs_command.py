"""`factcheck eval-pairs`: a run's pairs against pairs checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app


def test_scores_an_output_and_writes_the_unchecked_pairs(tmp_path: Path) -> None:
    statements = [{"id": f"s{i}", "speaker": f"P{i}", "content": "c", "start": 100 * i, "end": 100 * i + 50}
                  for i in range(3)]
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"article_id": "x", "statements": statements, "pairs": [
        {"a": "s0", "b": "s1", "relation": "contradiction"}, {"a": "s1", "b": "s2", "relation": "rebuttal"}]}) + "\n")
    checked = tmp_path / "checked.json"
    checked.write_text(json.dumps({"pairs": [{"article_id": "x", "a": [0, 50], "b": [100, 150], "verdict": "wrong"}]}))
    todo = tmp_path / "todo.json"
    result = CliRunner().invoke(app, ["eval-pairs", str(checked), "--pred", str(out), "--todo", str(todo), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["predicted"], report["checked"], report["wrong"], report["unchecked"]) == (2, 1, 1, 1)
    assert [p["a"] for p in json.loads(todo.read_text())["pairs"]] == [[100, 150]]


def test_needs_an_output_or_articles(tmp_path: Path) -> None:
    checked = tmp_path / "checked.json"
    checked.write_text(json.dumps({"pairs": []}))
    result = CliRunner().invoke(app, ["eval-pairs", str(checked)])
    assert result.exit_code == 1
    assert "--pred" in result.output
