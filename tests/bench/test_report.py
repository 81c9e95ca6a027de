from __future__ import annotations

from factcheck.bench.pipeline_bench import PipelineBenchReport, PipelineRow
from factcheck.bench.report import format_pipeline, growth_lines


def _row(engine: str, articles: int, per_s: float, peak: float) -> PipelineRow:
    return PipelineRow(engine=engine, articles=articles, failed=0, seconds=articles / per_s, articles_per_s=per_s,
                       load_seconds=3.0, peak_rss_mib=peak, rss_delta_mib=peak - 240, statements=0, all_pairs=0,
                       candidates=0, nli_pairs=0)


def test_growth_compares_each_size_with_the_next_larger_one_per_engine() -> None:
    rows = [_row("local", 1000, 1.73, 959.0), _row("local", 10, 1.09, 775.0), _row("local", 100, 1.60, 907.0),
            _row("ray", 1000, 1.5, 2000.0)]
    assert growth_lines(rows) == [
        "local 10 -> 100 articles: articles/s +46.8%, peak RSS +17.0%",
        "local 100 -> 1000 articles: articles/s +8.1%, peak RSS +5.7%",
    ]


def test_growth_is_printed_under_the_pipeline_table() -> None:
    report = PipelineBenchReport(sources=85, run_config="configs/run-default.toml", model_info={}, threads=2,
                                 rows=(_row("local", 100, 2.0, 800.0), _row("local", 1000, 1.5, 1000.0)))
    assert format_pipeline(report).endswith("local 100 -> 1000 articles: articles/s -25.0%, peak RSS +25.0%")
