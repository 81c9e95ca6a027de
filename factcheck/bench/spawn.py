"""Run one contender in a fresh Python process and read back what it wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import FactcheckError


def run_worker(spec: dict[str, Any], *, workdir: Path, timeout_s: float) -> tuple[dict[str, Any], np.ndarray | None]:
    """Run ``factcheck.bench.worker`` on ``spec``; returns its result and, for NLI contenders, its probabilities."""
    out = Path(spec["out"])
    spec_path = workdir / f"{out.name}.spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error",
           "HF_HUB_DISABLE_PROGRESS_BARS": "1"}
    try:
        proc = subprocess.run([sys.executable, "-m", "factcheck.bench.worker", str(spec_path)], env=env,
                              capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as err:
        raise FactcheckError(f"bench contender {out.name} ran past {timeout_s:.0f}s") from err
    result_file = out / "result.json"
    if proc.returncode != 0 or not result_file.is_file():
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise FactcheckError(f"bench contender {out.name} failed (exit {proc.returncode}): {last}")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    probs_file = out / "probs.npy"
    return result, (np.load(probs_file) if probs_file.is_file() else None)
