"""End-to-end cost of ``factcheck run`` (the library path) on growing batches of articles.

Articles are the seed files and PolNeAR's dev texts (first line the headline),
taken in turn until a batch is full, each with its own id, written as a
temporary JSONL file and streamed through ``run_inputs`` in a fresh process.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.bench.nli_bench import default_threads
from factcheck.bench.spawn import run_worker
from factcheck.errors import FactcheckError


@dataclasses.dataclass(frozen=True)
class SourceText:
    stem: str
    title: str
    text: str


@dataclasses.dataclass(frozen=True)
class PipelineRow:
    engine: str
    articles: int
    failed: int
    seconds: float
    articles_per_s: float
    load_seconds: float
    peak_rss_mib: float
    rss_delta_mib: float
    statements: int
    all_pairs: int
    candidates: int
    nli_pairs: int


@dataclasses.dataclass(frozen=True)
class PipelineBenchReport:
    sources: int
    run_config: str
    model_info: dict[str, str]
    threads: int
    rows: tuple[PipelineRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def source_texts(folders: Sequence[str | Path]) -> list[SourceText]:
    """Every ``.txt`` file of the folders (sorted), split into headline and body."""
    out: list[SourceText] = []
    for folder in folders:
        path = Path(folder)
        files = [path] if path.is_file() else sorted(path.glob("*.txt"))
        for f in files:
            raw = f.read_text(encoding="utf-8", errors="replace").strip()
            title, _, body = raw.partition("\n")
            if body.strip():
                out.append(SourceText(f.stem, title.strip(), body.strip()))
    if not out:
        raise FactcheckError(f"no article texts in {', '.join(str(f) for f in folders)}")
    return out


def write_batch(texts: Sequence[SourceText], n: int, dest: Path) -> Path:
    """``n`` articles as JSONL, cycling through ``texts``; ids are unique."""
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            src = texts[i % len(texts)]
            fh.write(json.dumps({"id": f"{i:05d}-{src.stem}", "title": src.title, "text": src.text}) + "\n")
    return dest


def run_pipeline_bench(
    *, sizes: Sequence[int], sources: Sequence[str | Path], run_config: str | Path, overrides: Sequence[str] = (),
    threads: int = 0, timeout_s: float = 3600, ray_sizes: Sequence[int] = (),
) -> PipelineBenchReport:
    """One fresh process per engine and batch size.

    Local rows exclude loading the models (reported apart). Ray rows start a
    local Ray with ``threads`` CPUs in the process; their actors start and load
    the models during the run, so that time is in their seconds. Peak memory
    is the summed RSS of the process and its descendants (Ray's GCS, raylet and
    workers).
    """
    texts = source_texts(sources)
    threads = threads or default_threads()
    rows: list[PipelineRow] = []
    info: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        work = Path(tmp)
        runs = [("local", n) for n in sizes] + [("ray", n) for n in ray_sizes]
        for engine, n in runs:
            batch = work / f"articles-{n}.jsonl"
            if not batch.is_file():
                write_batch(texts, n, batch)
            spec = {"kind": "articles", "run_config": str(run_config), "overrides": list(overrides),
                    "articles_file": str(batch), "out": str(work / f"pipeline-{engine}-{n}"), "threads": threads,
                    "engine": engine}
            result, _ = run_worker(spec, workdir=work, timeout_s=timeout_s)
            stats = result.get("stats", {})
            info = result.get("model_info", info)
            peak = max(result["peak_rss_mib"], result.get("tree_peak_rss_mib", 0.0))
            rows.append(PipelineRow(
                engine=engine, articles=result["items"], failed=result["failed"], seconds=result["seconds"],
                articles_per_s=result["items"] / result["seconds"] if result["seconds"] else 0.0,
                load_seconds=result["load_seconds"], peak_rss_mib=peak, rss_delta_mib=peak - result["rss_base_mib"],
                statements=int(stats.get("statements", 0)), all_pairs=int(stats.get("all_pairs", 0)),
                candidates=int(stats.get("candidates", 0)), nli_pairs=int(stats.get("nli_pairs", 0)),
            ))
    return PipelineBenchReport(sources=len(texts), run_config=str(run_config), model_info=info, threads=threads,
                               rows=tuple(rows))
