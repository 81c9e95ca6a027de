"""The engine beside its peers: same model, same pairs, one fresh process each.

Figures per contender: pairs/s over the scoring call (tokenization included,
model loading and a short warm-up excluded; the best of ``repeats`` passes),
load and warm-up time (a compiled path compiles in its warm-up), peak RSS and its rise
over the torch+transformers baseline, and agreement with the engine's fp32
path (share of identical labels, largest absolute probability difference).
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.bench.spawn import run_worker
from factcheck.errors import FactcheckError
from factcheck.nli.engine import BACKENDS
from factcheck.nli.loading import resolve_nli_ref

PairText = tuple[str, str]
PEERS = ("hf-pipeline", "cross-encoder")


@dataclasses.dataclass(frozen=True)
class Contender:
    """One row of the NLI table: the engine on a backend and precision, or a peer."""

    key: str
    contender: str  # engine | hf-pipeline | cross-encoder
    backend: str = "auto"
    precision: str = "auto"

    @property
    def is_engine(self) -> bool:
        return self.contender == "engine"


FP32 = Contender("fp32", "engine", "auto", "fp32")
FAST = Contender("fast", "engine", "auto", "auto")
HF_PIPELINE = Contender("hf-pipeline", "hf-pipeline")
CROSS_ENCODER = Contender("cross-encoder", "cross-encoder")
DEFAULT_CONTENDERS = (FP32, FAST, HF_PIPELINE, CROSS_ENCODER)


def engine_contender(spec: str) -> Contender:
    """``BACKEND:PRECISION`` (e.g. ``onnx:int8``, ``torch:bf16``) as an extra engine row."""
    backend, sep, precision = spec.partition(":")
    if not sep or backend not in BACKENDS or not precision:
        raise FactcheckError(f"engine path {spec!r} must look like BACKEND:PRECISION, e.g. onnx:int8 or torch:bf16 "
                             f"(backends: {', '.join(BACKENDS)})")
    return Contender(f"{backend}:{precision}", "engine", backend, precision)


@dataclasses.dataclass(frozen=True)
class NLIRow:
    key: str
    name: str
    is_engine: bool
    pairs_per_s: float
    seconds: float
    load_seconds: float
    warmup_seconds: float
    peak_rss_mib: float
    rss_delta_mib: float
    label_agreement: float
    max_abs_prob_diff: float
    model_info: dict[str, str]


@dataclasses.dataclass(frozen=True)
class NLIBenchReport:
    data: str
    pairs: int
    distinct: int
    threads: int
    model: str
    rows: tuple[NLIRow, ...]
    reference: str

    def row(self, key: str) -> NLIRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def speedups(self) -> list[tuple[str, str, float]]:
        """(engine row, peer row, ratio of pairs/s) for every engine row against every peer."""
        peers = [r for r in self.rows if not r.is_engine]
        return [(e.name, p.name, e.pairs_per_s / p.pairs_per_s) for e in self.rows if e.is_engine for p in peers]

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "speedups": self.speedups()}


def load_pairs(path: str | Path, n: int) -> list[PairText]:
    """``n`` premise/hypothesis pairs spread evenly over the file (every source of a mixed dev set)."""
    rows: list[PairText] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                rows.append((str(obj["premise"]), str(obj["hypothesis"])))
            except (ValueError, KeyError, TypeError) as err:
                raise FactcheckError(f"{path}:{line_no}: not a premise/hypothesis JSON line") from err
    if not rows:
        raise FactcheckError(f"{path}: no pairs")
    if n <= 0 or n >= len(rows):
        return rows
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def default_threads() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def agreement(probs: np.ndarray, reference: np.ndarray) -> tuple[float, float]:
    """Share of rows with the same arg-max label, and the largest absolute probability difference."""
    same = float(np.mean(probs.argmax(axis=1) == reference.argmax(axis=1))) if len(probs) else 1.0
    diff = float(np.abs(probs - reference).max()) if len(probs) else 0.0
    return same, diff


def nli_spec(contender: Contender, *, model: str, pairs_file: Path, out: Path, threads: int, batch_size: int,
             onnx_dir: str | None = None, prepare_only: bool = False, repeats: int = 1) -> dict[str, Any]:
    return {"kind": "nli", "contender": contender.contender, "backend": contender.backend,
            "precision": contender.precision, "model": model, "pairs_file": str(pairs_file), "out": str(out),
            "threads": threads, "batch_size": batch_size, "onnx_dir": onnx_dir, "prepare_only": prepare_only,
            "repeats": repeats}


def run_contenders(
    contenders: Sequence[Contender], pairs: Sequence[PairText], *, model: str, threads: int, batch_size: int,
    timeout_s: float, onnx_dir: str | None = None, repeats: int = 1,
) -> list[tuple[Contender, dict[str, Any], np.ndarray]]:
    """Each contender in its own process on the same pairs; engine models are exported beforehand."""
    done: list[tuple[Contender, dict[str, Any], np.ndarray]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        work = Path(tmp)
        pairs_file = work / "pairs.json"
        pairs_file.write_text(json.dumps([list(p) for p in pairs]), encoding="utf-8")
        for i, c in enumerate(contenders):
            if c.is_engine and c.backend != "torch":
                # A first ONNX export costs time and memory that belong to no measurement.
                spec = nli_spec(c, model=model, pairs_file=pairs_file, out=work / f"prepare-{i}", threads=threads,
                                batch_size=batch_size, onnx_dir=onnx_dir, prepare_only=True)
                run_worker(spec, workdir=work, timeout_s=timeout_s)
        for i, c in enumerate(contenders):
            spec = nli_spec(c, model=model, pairs_file=pairs_file, out=work / f"run-{i}", threads=threads,
                            batch_size=batch_size, onnx_dir=onnx_dir, repeats=repeats)
            result, probs = run_worker(spec, workdir=work, timeout_s=timeout_s)
            if probs is None or probs.shape != (len(pairs), 3):
                raise FactcheckError(f"bench contender {c.key} returned no probabilities for every pair")
            done.append((c, result, probs))
    return done


def _row_name(contender: Contender, result: dict[str, Any]) -> str:
    info = result.get("model_info")
    if not contender.is_engine or not info:
        return str(result["name"])
    chosen = "auto = " if contender.precision == "auto" else ""
    return f"factcheck {chosen}{info['precision']} ({info['backend']})"


def run_nli_bench(
    *, data: str | Path, n: int, model: str, contenders: Sequence[Contender] = DEFAULT_CONTENDERS,
    batch_size: int = 32, threads: int = 0, timeout_s: float = 1800, onnx_dir: str | None = None, repeats: int = 1,
) -> NLIBenchReport:
    """Run every contender on the same ``n`` pairs of ``data`` and compare them with the engine's fp32 path."""
    keys = [c.key for c in contenders]
    if FP32.key not in keys:
        contenders = (FP32, *contenders)
    pairs = load_pairs(data, n)
    threads = threads or default_threads()
    # Peers take a folder or hub id, not factcheck's "embedded".
    model = resolve_nli_ref(model).path
    done = run_contenders(contenders, pairs, model=model, threads=threads, batch_size=batch_size,
                          timeout_s=timeout_s, onnx_dir=onnx_dir, repeats=repeats)
    reference = next(probs for c, _, probs in done if c.key == FP32.key)
    rows = []
    for c, result, probs in done:
        same, diff = agreement(probs, reference)
        rows.append(NLIRow(
            key=c.key, name=_row_name(c, result), is_engine=c.is_engine, pairs_per_s=len(pairs) / result["seconds"],
            seconds=result["seconds"], load_seconds=result["load_seconds"],
            warmup_seconds=result.get("warmup_seconds", 0.0), peak_rss_mib=result["peak_rss_mib"],
            rss_delta_mib=result["peak_rss_mib"] - result["rss_base_mib"], label_agreement=same,
            max_abs_prob_diff=diff, model_info=result.get("model_info", {}),
        ))
    return NLIBenchReport(data=str(data), pairs=len(pairs), distinct=len(set(pairs)), threads=threads, model=model,
                          rows=tuple(rows), reference=FP32.key)
