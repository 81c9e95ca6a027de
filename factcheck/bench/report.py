"""Plain-text tables of bench figures (the CLI prints them)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from factcheck.bench.nli_bench import NLIBenchReport
from factcheck.bench.pipeline_bench import PipelineBenchReport, PipelineRow
from factcheck.nli.fast_path import FastPathRecord


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = ["  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths, strict=True)))]
    for r in rows:
        line.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                              for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    return line


def format_nli(report: NLIBenchReport) -> str:
    ref = report.row(report.reference)
    out = [f"NLI: {report.pairs} pairs ({report.distinct} distinct) from {report.data}",
           f"model {report.model}, {report.threads} thread(s); agreement is with {ref.name}", ""]
    header = ("contender", "pairs/s", "seconds", "load s", "warm-up s", "peak RSS MiB", "RSS rise MiB", "same label",
              "max |dprob|")
    rows = [(r.name, f"{r.pairs_per_s:.1f}", f"{r.seconds:.2f}", f"{r.load_seconds:.1f}", f"{r.warmup_seconds:.1f}",
             f"{r.peak_rss_mib:.0f}",
             f"{r.rss_delta_mib:.0f}", f"{100 * r.label_agreement:.2f}%", f"{r.max_abs_prob_diff:.2e}")
            for r in report.rows]
    out += _table(header, rows)
    peers = [r for r in report.rows if not r.is_engine]
    if peers:
        out.append("")
        header = ("speed-up", *(f"vs {p.name}" for p in peers))
        rows = [(e.name, *(f"{e.pairs_per_s / p.pairs_per_s:.2f}x" for p in peers))
                for e in report.rows if e.is_engine]
        out += _table(header, rows)
    return "\n".join(out)


def format_pipeline(report: PipelineBenchReport) -> str:
    info = report.model_info
    out = [f"pipeline: factcheck run (library path, {report.run_config}) on batches cycling {report.sources} texts",
           (f"NLI {info.get('precision', '?')} ({info.get('backend', '?')}) on {info.get('device', '?')}, "
           f"{report.threads} thread(s); local seconds exclude loading the models, ray seconds include starting "
           "its actors; peak RSS sums the process and its children"), ""]
    header = ("engine", "articles", "articles/s", "seconds", "load s", "peak RSS MiB", "RSS rise MiB", "statements",
              "all pairs", "candidates", "NLI pairs")

    def counts(r: PipelineRow) -> tuple[str, ...]:
        if r.engine != "local":  # counted inside Ray's actors, not reported back
            return ("-",) * 4
        return str(r.statements), str(r.all_pairs), str(r.candidates), str(r.nli_pairs)

    rows = [(r.engine, str(r.articles), f"{r.articles_per_s:.2f}", f"{r.seconds:.1f}", f"{r.load_seconds:.1f}",
             f"{r.peak_rss_mib:.0f}", f"{r.rss_delta_mib:.0f}", *counts(r)) for r in report.rows]
    out += _table(header, rows)
    growth = growth_lines(report.rows)
    if growth:
        out += ["", *growth]
    if any(r.failed for r in report.rows):
        out.append("failed articles: " + ", ".join(f"{r.failed} of {r.articles + r.failed}" for r in report.rows))
    return "\n".join(out)


def growth_lines(rows: Sequence[PipelineRow]) -> list[str]:
    """How speed and peak memory change from each batch size to the next larger one, engine by engine."""
    out: list[str] = []
    for engine in dict.fromkeys(r.engine for r in rows):
        sized = sorted((r for r in rows if r.engine == engine and r.articles), key=lambda r: r.articles)
        for small, large in itertools.pairwise(sized):
            if not (small.articles_per_s and small.peak_rss_mib):
                continue
            speed = large.articles_per_s / small.articles_per_s - 1
            memory = large.peak_rss_mib / small.peak_rss_mib - 1
            out.append(f"{engine} {small.articles} -> {large.articles} articles: articles/s {speed:+.1%}, "
                       f"peak RSS {memory:+.1%}")
    return out


def format_paths(record: FastPathRecord) -> str:
    out = [(f"CPU paths of {record.model_id}@{record.revision} on {record.pairs} pairs of {record.data} "
           f"(bar: {100 * record.bar:.0f}% same labels as torch fp32)"), ""]
    header = ("path", "pairs/s", "same label", "max |dprob|", "meets bar")
    rows = [(p.name, f"{p.pairs_per_s:.1f}", f"{100 * p.label_agreement:.2f}%", f"{p.max_abs_prob_diff:.2e}",
             "yes" if p.label_agreement >= record.bar else "no") for p in record.paths]
    out += _table(header, rows)
    out += ["", f"precision = auto on the CPU: {record.backend}-{record.precision}"]
    return "\n".join(out)
