"""Measure every CPU path of the engine against fp32, and record the fastest one that agrees.

Writes ``fast_path.json`` next to a local model (see ``factcheck.nli.fast_path``);
``precision = "auto"`` on the CPU reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.bench.nli_bench import Contender, agreement, default_threads, load_pairs, run_contenders
from factcheck.errors import FactcheckError
from factcheck.nli.fast_path import (
    AGREEMENT_BAR,
    FastPathRecord,
    PathFigures,
    choose_fastest,
    cpu_flags,
    weights_digest,
)
from factcheck.nli.loading import resolve_nli_ref
from factcheck.nli.onnx_backend import onnx_available

# torch fp32 first: it is the reference every other path is compared with.
CPU_PATHS = (("torch", "fp32"), ("onnx", "fp32"), ("torch", "bf16"), ("torch-compile", "bf16"), ("torch", "int8"),
             ("onnx", "int8"))


def measure_paths(
    *, data: str | Path, model: str = "embedded", limit: int = 0, threads: int = 0, bar: float = AGREEMENT_BAR,
    paths: Sequence[tuple[str, str]] = CPU_PATHS, timeout_s: float = 3600, onnx_dir: str | None = None,
) -> FastPathRecord:
    """Score ``data`` with each CPU path and pick the fastest whose labels agree with torch fp32 at least ``bar``."""
    ref = resolve_nli_ref(model)
    local = Path(ref.path)
    if not local.is_dir():
        raise FactcheckError(f"{ref.id}: the fast path is recorded next to a local model folder only")
    if not onnx_available():
        paths = [p for p in paths if p[0] != "onnx"]
    if not paths or paths[0] != ("torch", "fp32"):
        paths = [("torch", "fp32"), *[p for p in paths if p != ("torch", "fp32")]]
    pairs = load_pairs(data, limit)
    threads = threads or default_threads()
    contenders = [Contender(f"{b}:{p}", "engine", b, p) for b, p in paths]
    done = run_contenders(contenders, pairs, model=ref.path, threads=threads, batch_size=32, timeout_s=timeout_s,
                          onnx_dir=onnx_dir)
    reference = done[0][2]
    figures = []
    for c, result, probs in done:
        same, diff = agreement(probs, reference)
        figures.append(PathFigures(backend=c.backend, precision=c.precision,
                                   pairs_per_s=round(len(pairs) / result["seconds"], 1),
                                   label_agreement=round(same, 5), max_abs_prob_diff=round(diff, 6)))
    best = choose_fastest(figures, bar=bar)
    return FastPathRecord(
        model_id=ref.id, revision=ref.revision, weights_sha256=weights_digest(local), data=Path(data).name,
        pairs=len(pairs), bar=bar, cpu_flags=cpu_flags(), paths=tuple(figures), backend=best.backend,
        precision=best.precision,
    )
