from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import RayConfig, RunConfig
from factcheck.engines.local import iter_local_batches
from factcheck.engines.ray_engine import RAY_MISSING, iter_ray_batches, plan_pools
from factcheck.errors import FactcheckError
from factcheck.io.resume import load_resume
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import ArticleFailure

# Small batches and shards so that a few articles still cross batch and shard boundaries.
SMALL = RayConfig(articles_per_batch=2, nli_articles_per_batch=3, jsonl_shard_bytes=400)


@pytest.fixture()
def local_ray() -> Iterator[Any]:
    ray = pytest.importorskip("ray", reason="the ray extra is not installed")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning")
    try:
        yield ray
    finally:
        ray.shutdown()


def records(batches: Any) -> tuple[list[dict[str, Any]], list[str]]:
    done = [d for b in batches for d in b]
    found = sorted((d.record() for d in done if d.ok), key=lambda r: (r["article_id"], r["source"]))
    failed = sorted(d.outcome.message for d in done if isinstance(d.outcome, ArticleFailure))
    return found, failed


def test_ray_writes_the_records_the_local_engine_writes(
    local_ray: Any, small_batch: Path, run_config: RunConfig, pipeline: ClaimRebuttalPipeline, tmp_path: Path
) -> None:
    inputs = [str(small_batch)]
    local, local_failed = records(iter_local_batches(inputs, config=run_config, pipeline=pipeline))
    on_ray, ray_failed = records(iter_ray_batches(inputs, config=run_config, ray_config=SMALL))
    assert len(local) == 5 and len(local_failed) == 2
    assert sum(len(r["pairs"]) for r in local) >= 5
    assert json.dumps(on_ray) == json.dumps(local)
    assert ray_failed == local_failed
    assert local_ray.is_initialized()  # a Ray started by the caller is left running

    # Resuming on Ray skips what the output holds.
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in local[:3]), encoding="utf-8")
    state = load_resume(out)
    rest, _ = records(iter_ray_batches(inputs, config=run_config, ray_config=SMALL, resume=state))
    assert json.dumps(rest) == json.dumps(local[3:])
    assert state.skipped == 3


@pytest.mark.parametrize(
    ("resources", "config", "expected"),
    [
        ({"CPU": 2.0}, RayConfig(), (1, 1, 0.0)),
        ({"CPU": 16.0}, RayConfig(), (15, 1, 0.0)),
        ({"CPU": 16.0, "GPU": 4.0}, RayConfig(), (12, 4, 1.0)),
        ({"CPU": 16.0, "GPU": 2.0}, RayConfig(gpus_per_nli_actor=0.5), (12, 4, 0.5)),
        ({"CPU": 8.0, "GPU": 1.0}, RayConfig(cpu_actors=3, nli_actors=2), (3, 2, 1.0)),
    ],
)
def test_pools_are_sized_from_the_cluster(
    resources: dict[str, float], config: RayConfig, expected: tuple[int, int, float]
) -> None:
    pools = plan_pools(resources, config, nli=True)
    assert (pools.cpu_actors, pools.nli_actors, pools.gpus_per_nli_actor) == expected
    assert plan_pools(resources, config, nli=False).nli_actors == 0


def test_missing_ray_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, run_config: RunConfig, seed_path: Path, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(FactcheckError, match="pip install 'factcheck\\[ray\\]'"):
        iter_ray_batches([str(seed_path)], config=run_config)
    result = CliRunner().invoke(app, ["run", str(seed_path), "--out", str(tmp_path / "o.jsonl"), "--engine", "ray"])
    assert result.exit_code == 1
    assert [ln for ln in result.stderr.splitlines() if ln.strip()] == [f"error: {RAY_MISSING}"]
