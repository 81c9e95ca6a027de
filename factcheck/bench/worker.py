"""One bench contender in a fresh process: ``python -m factcheck.bench.worker SPEC.json``.

The spec names what to run; the worker writes ``result.json`` (and, for NLI
contenders, ``probs.npy``) into the spec's ``out`` folder. Memory is read in
here, so each figure belongs to one contender: ``rss_base_mib`` after importing
torch and transformers, ``peak_rss_mib`` (``ru_maxrss``) at the end.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.bench.memory import peak_rss_mib, rss_mib


def _scorer(spec: dict[str, Any]) -> Any:
    from factcheck.bench.peers import CrossEncoderScorer, EngineScorer, HFPipelineScorer

    kind = spec["contender"]
    if kind == "engine":
        return EngineScorer(spec["model"], backend=spec["backend"], precision=spec["precision"],
                            threads=spec["threads"], onnx_dir=spec.get("onnx_dir"))
    if kind == "hf-pipeline":
        return HFPipelineScorer(spec["model"], batch_size=spec["batch_size"])
    if kind == "cross-encoder":
        return CrossEncoderScorer(spec["model"], batch_size=spec["batch_size"])
    raise ValueError(f"unknown contender {kind!r}")


def run_nli(spec: dict[str, Any], out: Path) -> dict[str, Any]:
    pairs = [tuple(p) for p in json.loads(Path(spec["pairs_file"]).read_text(encoding="utf-8"))]
    started = time.perf_counter()
    scorer = _scorer(spec)
    load_s = time.perf_counter() - started
    info: dict[str, Any] = {"name": scorer.name}
    engine = getattr(scorer, "engine", None)
    if engine is not None:
        info["model_info"] = engine.model_info
    if spec.get("prepare_only"):
        return {**info, "load_seconds": load_s}
    # The same few pairs warm every contender up (first-call allocations, lazy kernels, a compile).
    started = time.perf_counter()
    scorer(pairs[: spec.get("warmup", 32)])
    warmup_s = time.perf_counter() - started
    # Best of ``repeats`` timed passes over all pairs (as timeit does): a shared 2-core machine's noise only
    # ever slows a pass down.
    passes = []
    for _ in range(max(1, int(spec.get("repeats", 1)))):
        if engine is not None:
            engine.stats.update(dict.fromkeys(engine.stats, 0))
        started = time.perf_counter()
        probs = scorer(pairs)
        passes.append(time.perf_counter() - started)
    np.save(out / "probs.npy", probs)
    if engine is not None:
        info["engine_stats"] = dict(engine.stats)
    return {**info, "items": len(pairs), "seconds": min(passes), "pass_seconds": passes, "load_seconds": load_s,
            "warmup_seconds": warmup_s}


def run_articles(spec: dict[str, Any]) -> dict[str, Any]:
    """``factcheck run`` on the spec's articles with the local engine or a local Ray started here."""
    from factcheck.bench.memory import TreePeakSampler
    from factcheck.config import RunConfig, load_config
    from factcheck.records import ArticleFailure

    cfg = load_config(RunConfig, spec["run_config"], spec.get("overrides", []))
    engine = spec.get("engine", "local")
    stats: dict[str, Any] = {}
    info: dict[str, Any] = {}
    with TreePeakSampler() as tree:
        started = time.perf_counter()
        if engine == "ray":
            import logging

            import ray

            from factcheck.engines.ray_engine import run_ray_batch

            ray.init(num_cpus=int(spec.get("threads") or os.cpu_count() or 1), include_dashboard=False,
                     logging_level=logging.WARNING)
            outcomes = run_ray_batch([spec["articles_file"]], config=cfg)
            # Ray's actors start and load their models during the run: that time is in ``seconds``.
            load_s = time.perf_counter() - started
            started = time.perf_counter()
        else:
            from factcheck.engines.local import run_local_batch
            from factcheck.pipeline import ClaimRebuttalPipeline

            pipeline = ClaimRebuttalPipeline(cfg)
            load_s = time.perf_counter() - started
            started = time.perf_counter()
            outcomes = run_local_batch([spec["articles_file"]], config=cfg, pipeline=pipeline)
        ok = failed = 0
        for outcome in outcomes:
            if isinstance(outcome, ArticleFailure):
                failed += 1
            else:
                ok += 1
                info = outcome.model
        seconds = time.perf_counter() - started
        if engine == "ray":
            ray.shutdown()
        else:
            if pipeline.pair is not None:
                stats.update(pipeline.pair.stats)
            if pipeline.engine is not None:
                stats["nli_pairs"] = pipeline.engine.stats["pairs"]
                stats["nli_unique"] = pipeline.engine.stats["unique"]
            info = pipeline.model_info
    return {"name": f"pipeline-{engine}", "engine": engine, "items": ok, "failed": failed, "seconds": seconds,
            "load_seconds": load_s, "stats": stats, "model_info": info, "tree_peak_rss_mib": tree.peak_mib}


def main(argv: Sequence[str]) -> int:
    spec = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    out = Path(spec["out"])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    import transformers  # part of every contender's baseline

    if spec.get("threads"):
        torch.set_num_threads(int(spec["threads"]))
    base = rss_mib()
    result = run_articles(spec) if spec["kind"] == "articles" else run_nli(spec, out)
    result.update({"rss_base_mib": base, "peak_rss_mib": peak_rss_mib(), "threads": torch.get_num_threads()})
    (out / "result.json").write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
