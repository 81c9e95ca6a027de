"""`factcheck run` on a batch mixing good and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

SPANISH = ("El gobierno de la ciudad anunció el martes que el presupuesto para el próximo año será mayor "
           "que el de este año, y los concejales de la oposición dijeron que las cifras no son correctas. ") * 4


@pytest.fixture()
def batch(tmp_path: Path, seed_path: Path) -> dict[str, Path]:
    files = {
        "seed": tmp_path / "a_seed.txt",
        "empty": tmp_path / "b_empty.txt",
        "binary": tmp_path / "c_binary.txt",
        "latin1": tmp_path / "d_latin1.txt",
        "jsonl": tmp_path / "e_batch.jsonl",
        "huge": tmp_path / "f_huge.txt",
        "spanish": tmp_path / "g_spanish.txt",
    }
    files["seed"].write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    files["empty"].write_text("", encoding="utf-8")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["latin1"].write_bytes("The mayor said the café would close, señor.".encode("latin-1") * 3)
    good = {"id": "jsonl-1", "text": "The union rejected the proposal. “It is an insult,” said Mary Quinn, "
                                     "the union's president, on Monday."}
    files["jsonl"].write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    files["huge"].write_text("The minister said the plan works. " * 160_000, encoding="utf-8")
    files["spanish"].write_text(SPANISH, encoding="utf-8")
    return files


def test_bad_inputs_are_reported_and_the_rest_is_processed(batch: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["run", *[str(p) for p in batch.values()], "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    by_file = {name: [e for e in errors if str(path) in e] for name, path in batch.items()}
    assert by_file["seed"] == []
    for name in ("empty", "binary", "latin1", "huge", "spanish"):
        assert len(by_file[name]) == 1, (name, errors)
    assert any(f"{batch['jsonl']}:2" in e for e in errors)
    assert "empty" in by_file["empty"][0].lower()
    assert "utf-8" in by_file["latin1"][0].lower()
    assert "english" in by_file["spanish"][0].lower()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article_id"] for r in records] == ["a_seed", "jsonl-1"]
    assert records[0]["model"]["id"] and records[0]["model"]["revision"]


def test_every_input_failing_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(empty), "--out", str(tmp_path / "o.jsonl"), "--no-progress"])
    assert result.exit_code == 1
    assert str(empty) in result.stderr


def test_missing_model_is_one_clear_line(seed_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(seed_path), "--out", str(tmp_path / "o.jsonl"),
                                      "--model", "/nonexistent/nli-model"])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert lines == ["error: /nonexistent/nli-model: no such model folder"]
