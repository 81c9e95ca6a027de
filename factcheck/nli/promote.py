"""Replace the embedded NLI model only with one that measures better on dev.

Weights are tens of megabytes; a retrain that is not better must not land in
the repository. The candidate and the current model are scored on the same dev
file with the same fp32 path, by macro accuracy over the dev sources, and the
candidate must lead by ``min_gain``: a few pairs of a 495-pair source move the
macro figure by a tenth of a point, which is noise, not a better model.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from factcheck.config import NLIModelConfig
from factcheck.nli.engine import NLIEngine
from factcheck.nli.evaluate import NLIEvalReport, evaluate_nli
from factcheck.nli.loading import EMBEDDED_NLI_DIR

DEFAULT_MIN_GAIN = 0.005
SHIPPED_FILES = ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                 "factcheck_model.json")


@dataclasses.dataclass(frozen=True)
class PromoteResult:
    candidate: NLIEvalReport
    current: NLIEvalReport | None
    promoted: bool

    @staticmethod
    def macro(report: NLIEvalReport | None) -> float:
        if report is None or not report.per_source:
            return report.accuracy if report is not None else -1.0
        return sum(report.per_source.values()) / len(report.per_source)


def promote(candidate: Path, *, dev_file: Path, dest: Path = EMBEDDED_NLI_DIR, limit: int | None = None,
            force: bool = False, min_gain: float = DEFAULT_MIN_GAIN) -> PromoteResult:
    """Score candidate and current on ``dev_file``; copy the candidate over ``dest`` if it leads by ``min_gain``."""
    cand = evaluate_nli(NLIEngine(NLIModelConfig(model=str(candidate), precision="fp32")), dev_file, limit=limit)
    current = None
    if (dest / "config.json").is_file():
        current = evaluate_nli(NLIEngine(NLIModelConfig(model=str(dest), precision="fp32")), dev_file, limit=limit)
    better = force or PromoteResult.macro(cand) >= PromoteResult.macro(current) + min_gain
    if better:
        dest.mkdir(parents=True, exist_ok=True)
        for name in SHIPPED_FILES:
            if (candidate / name).is_file():
                shutil.copy2(candidate / name, dest / name)
    return PromoteResult(cand, current, better)
