"""The local engine: the pipeline in this process, chunk by chunk, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from factcheck.config import RunConfig
from factcheck.engines.finished import Finished, Outcome
from factcheck.heap import release_free_memory
from factcheck.io.datasets_reader import iter_inputs
from factcheck.io.resume import ResumeState, text_sha256
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import Article, ArticleFailure

Item = Article | ArticleFailure


def iter_local_batches(
    inputs: Sequence[str],
    *,
    config: RunConfig,
    stdin: TextIO | None = None,
    pipeline: ClaimRebuttalPipeline | None = None,
    resume: ResumeState | None = None,
) -> Iterator[list[Finished]]:
    """Read ``inputs`` (files, folders, ``-``; Parquet too) and yield one list of outcomes per chunk.

    A chunk is at most ``config.articles_per_chunk`` inputs and ends before
    its articles' text would pass ``config.max_chunk_chars`` characters (an
    article longer than that is a chunk of its own); outcomes come in input
    order and do not depend on where chunks end. Articles that ``resume``
    says an earlier run wrote are skipped before any work.
    """
    pipe = pipeline or ClaimRebuttalPipeline(config)
    items = _hashed(iter_inputs(inputs, config=config.input, stdin=stdin), resume)
    for chunk in chunk_items(items, max_articles=config.articles_per_chunk, max_chars=config.max_chunk_chars):
        outcomes = list(pipe.run([item for item, _ in chunk]))
        release_free_memory()
        yield [Finished(outcome, sha) for (_, sha), outcome in zip(chunk, outcomes, strict=True)]


def chunk_items(
    items: Iterable[tuple[Item, str]], *, max_articles: int, max_chars: int = 0
) -> Iterator[list[tuple[Item, str]]]:
    """Consecutive chunks of at most ``max_articles`` items whose articles hold at most ``max_chars`` characters.

    ``max_chars`` <= 0 cuts by count only. Failures weigh nothing; an article
    longer than the budget goes alone. Reads one item past a chunk's end, no more.
    """
    size = max(1, max_articles)
    chunk: list[tuple[Item, str]] = []
    chars = 0
    for item, sha in items:
        weight = len(item.text) if isinstance(item, Article) else 0
        if chunk and (len(chunk) >= size or (max_chars > 0 and chars + weight > max_chars)):
            yield chunk
            chunk, chars = [], 0
        chunk.append((item, sha))
        chars += weight
    if chunk:
        yield chunk


def run_local_batch(
    inputs: Sequence[str], *, config: RunConfig, pipeline: ClaimRebuttalPipeline | None = None
) -> Iterator[Outcome]:
    """Outcomes of a local run, in input order (the counterpart of ``run_ray_batch``)."""
    for batch in iter_local_batches(inputs, config=config, pipeline=pipeline):
        for done in batch:
            yield done.outcome


def _hashed(items: Iterable[Item], resume: ResumeState | None) -> Iterator[tuple[Item, str]]:
    for item in items:
        if isinstance(item, ArticleFailure):
            yield item, ""
            continue
        sha = text_sha256(item.text)
        if resume is None or not resume.claim(item.id, sha):
            yield item, sha
