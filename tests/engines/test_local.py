from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from factcheck.config import RunConfig
from factcheck.engines.local import iter_local_batches, run_local_batch
from factcheck.io.datasets_reader import iter_inputs
from factcheck.io.resume import SHA_KEY, load_resume, text_sha256
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import Article, ArticleFailure, ArticleResult


def test_batches_are_chunks_in_input_order_with_text_hashes(
    small_batch: Path, run_config: RunConfig, pipeline: ClaimRebuttalPipeline
) -> None:
    config = dataclasses.replace(run_config, articles_per_chunk=2)
    batches = list(iter_local_batches([str(small_batch)], config=config, pipeline=pipeline))
    items = list(iter_inputs([str(small_batch)], config=config.input))
    assert [len(b) for b in batches] == [2, 2, 2, 1]
    done = [d for b in batches for d in b]
    assert [
        d.outcome == pipeline.process_chunk([i])[0] if isinstance(i, Article) else d.outcome == i
        for d, i in zip(done, items, strict=True)
    ] == [True] * len(items)
    for d, item in zip(done, items, strict=True):
        if isinstance(item, Article):
            assert d.text_sha256 == text_sha256(item.text)
            assert d.record()[SHA_KEY] == d.text_sha256
            assert json.loads(json.dumps(d.record()))["article_id"] == item.id
        else:
            assert d.text_sha256 == ""
    assert [o.source for o in run_local_batch([str(small_batch)], config=config, pipeline=pipeline)] == [
        d.outcome.source for d in done
    ]


def test_resume_skips_what_the_output_holds(
    small_batch: Path, run_config: RunConfig, pipeline: ClaimRebuttalPipeline, tmp_path: Path
) -> None:
    first = [d for b in iter_local_batches([str(small_batch)], config=run_config, pipeline=pipeline) for d in b]
    results = [d for d in first if isinstance(d.outcome, ArticleResult)]
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(d.record()) + "\n" for d in results[::2]), encoding="utf-8")
    state = load_resume(out)
    rest = [
        d for b in iter_local_batches([str(small_batch)], config=run_config, pipeline=pipeline, resume=state) for d in b
    ]
    assert state.skipped == len(results[::2])
    assert [d.outcome for d in rest if d.ok] == [d.outcome for d in results[1::2]]
    assert sum(isinstance(d.outcome, ArticleFailure) for d in rest) == 2  # failures are retried


def _article(text: str, n: int = 0) -> tuple[Article, str]:
    return Article(id=f"a{n}", text=text, source=f"s{n}"), text_sha256(text)


def test_chunks_end_at_the_article_count_or_the_character_budget() -> None:
    from factcheck.engines.local import chunk_items

    items = [_article("x" * n, i) for i, n in enumerate([40, 40, 40, 150, 10, 10, 10, 10])]
    failure = (ArticleFailure("bad", "bad: empty"), "")
    items.insert(2, failure)

    def sizes(**kw: int) -> list[int]:
        return [len(c) for c in chunk_items(iter(items), **kw)]

    assert sizes(max_articles=4) == [4, 4, 1]
    assert sizes(max_articles=4, max_chars=0) == [4, 4, 1]
    # 40+40 (+ the failure, which weighs nothing) +40 would pass 100; the 150-character article goes alone.
    assert sizes(max_articles=32, max_chars=100) == [3, 1, 1, 4]
    assert sizes(max_articles=2, max_chars=100) == [2, 2, 1, 2, 2]
    chunks = list(chunk_items(iter(items), max_articles=32, max_chars=100))
    assert [pair for c in chunks for pair in c] == items
    assert list(chunk_items(iter([]), max_articles=4, max_chars=10)) == []


def test_records_do_not_depend_on_where_chunks_end(
    small_batch: Path, run_config: RunConfig, pipeline: ClaimRebuttalPipeline
) -> None:
    def records(**changes: int) -> tuple[list[str], list[int]]:
        config = dataclasses.replace(run_config, **changes)
        batches = list(iter_local_batches([str(small_batch)], config=config, pipeline=pipeline))
        lines = [json.dumps(d.record(), sort_keys=True) for b in batches for d in b if d.ok]
        return lines, [len(b) for b in batches]

    whole, whole_sizes = records(articles_per_chunk=32, max_chunk_chars=0)
    budget, budget_sizes = records(articles_per_chunk=32, max_chunk_chars=400)
    single, _ = records(articles_per_chunk=1, max_chunk_chars=0)
    assert whole_sizes == [7]
    assert len(budget_sizes) > 2
    assert budget == whole
    assert single == whole
