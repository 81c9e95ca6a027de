"""`factcheck bench` on tiny inputs: the tables have the expected rows and their numbers parse.

Figures are printed, never asserted: no test here depends on how fast anything ran.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def _table_rows(output: str, header_start: str) -> list[list[str]]:
    """Rows of the table whose header line starts with ``header_start``, split on runs of 2+ spaces."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


def _number(cell: str) -> float:
    return float(cell.rstrip("%x"))


def test_nli_section_lists_engine_and_peers_with_parsable_figures(tiny_nli_model: Path, pairs_file: Path) -> None:
    result = runner.invoke(app, ["bench", "--no-pipeline", "--n", "6", "--data", str(pairs_file),
                                 "--model", str(tiny_nli_model), "--paths", "torch:int8"])
    assert result.exit_code == 0, result.output
    rows = _table_rows(result.stdout, "contender")
    names = [r[0] for r in rows]
    assert names == ["factcheck fp32 (torch)", "factcheck auto = fp32 (torch)", "transformers pipeline (batch 32)",
                     "sentence-transformers CrossEncoder (batch 32)", "factcheck int8 (torch)"]
    for row in rows:
        assert len(row) == 9
        pairs_per_s, seconds, _load_s, warmup_s, peak, _rise, same, diff = map(_number, row[1:])
        assert pairs_per_s > 0 and seconds >= 0 and warmup_s >= 0 and peak > 0 and 0 <= same <= 100 and diff >= 0
    # The engine's fp32 path and both fp32 peers compute the same function of the same weights.
    for row in rows[:4]:
        assert _number(row[7]) == 100.0
        assert _number(row[8]) <= 1e-3
    speedups = _table_rows(result.stdout, "speed-up")
    assert [r[0] for r in speedups] == ["factcheck fp32 (torch)", "factcheck auto = fp32 (torch)",
                                         "factcheck int8 (torch)"]
    assert all(len(r) == 3 and _number(r[1]) > 0 and _number(r[2]) > 0 for r in speedups)
    assert "6 pairs (6 distinct)" in result.stdout


def test_pipeline_section_reports_articles_per_second_by_batch_size() -> None:
    result = runner.invoke(app, ["bench", "--no-nli", "--sizes", "1,2"])
    assert result.exit_code == 0, result.output
    rows = _table_rows(result.stdout, "engine")
    assert [r[:2] for r in rows] == [["local", "1"], ["local", "2"]]
    for row in rows:
        assert len(row) == 11
        assert all(_number(c) >= 0 for c in row[2:])
        statements, all_pairs, candidates = (int(c) for c in row[7:10])
        assert candidates <= all_pairs or statements < 2


def test_pipeline_section_runs_the_same_batch_on_a_local_ray() -> None:
    pytest.importorskip("ray", reason="the ray extra is not installed")
    result = runner.invoke(app, ["bench", "--no-nli", "--sizes", "2", "--ray-sizes", "2"])
    assert result.exit_code == 0, result.output
    rows = _table_rows(result.stdout, "engine")
    assert [r[:2] for r in rows] == [["local", "2"], ["ray", "2"]]
    ray_row = rows[1]
    assert _number(ray_row[2]) > 0  # articles/s
    # Ray's GCS, raylet and workers are counted: far more than the local process alone.
    assert _number(ray_row[5]) > _number(rows[0][5])
    assert ray_row[7:] == ["-"] * 4


def test_ray_sizes_are_checked() -> None:
    result = runner.invoke(app, ["bench", "--no-nli", "--ray-sizes", "0"])
    assert result.exit_code != 0
    assert "--ray-sizes '0'" in result.output


def test_agreement_records_the_fast_path_next_to_the_model(tiny_nli_model: Path, pairs_file: Path) -> None:
    result = runner.invoke(app, ["bench", "--agreement", "--agreement-pairs", "0", "--no-nli", "--no-pipeline",
                                 "--data", str(pairs_file), "--model", str(tiny_nli_model), "--json"])
    assert result.exit_code == 0, result.output
    paths = json.loads(result.stdout)["paths"]
    measured = {(p["backend"], p["precision"]) for p in paths["paths"]}
    assert {("torch", "fp32"), ("torch", "bf16"), ("torch", "int8")} <= measured
    reference = next(p for p in paths["paths"] if (p["backend"], p["precision"]) == ("torch", "fp32"))
    assert reference["label_agreement"] == 1.0
    chosen = next(p for p in paths["paths"] if (p["backend"], p["precision"]) == (paths["backend"], paths["precision"]))
    assert chosen["label_agreement"] >= paths["bar"]
    from factcheck.nli.fast_path import cpu_flags, load_records

    (recorded,) = load_records(tiny_nli_model)
    assert (recorded.backend, recorded.precision) == (paths["backend"], paths["precision"])
    assert recorded.cpu_flags == cpu_flags()

    from factcheck.config import NLIModelConfig
    from factcheck.nli.engine import NLIEngine

    engine = NLIEngine(NLIModelConfig(model=str(tiny_nli_model), device="cpu"))
    assert (engine.backend, engine.precision) == (paths["backend"], paths["precision"])
    (tiny_nli_model / "fast_path.json").unlink()


def test_nothing_to_run_is_an_error() -> None:
    result = runner.invoke(app, ["bench", "--no-nli", "--no-pipeline"])
    assert result.exit_code == 1
    assert "nothing to run" in result.output


def test_bad_sizes_are_refused() -> None:
    result = runner.invoke(app, ["bench", "--no-nli", "--sizes", "ten"])
    assert result.exit_code == 1
    assert "--sizes" in result.output
