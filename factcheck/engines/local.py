"""The local engine: the pipeline in this process, chunk by chunk, in input order."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from factcheck.config import RunConfig
from factcheck.engines.finished import Finished, Outcome
from factcheck.engines.heap import release_free_memory
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

    A chunk is ``config.articles_per_chunk`` inputs, as in
    :meth:`ClaimRebuttalPipeline.run`; outcomes come in input order. Articles
    that ``resume`` says an earlier run wrote are skipped before any work.
    """
    pipe = pipeline or ClaimRebuttalPipeline(config)
    items = _hashed(iter_inputs(inputs, config=config.input, stdin=stdin), resume)
    size = max(1, config.articles_per_chunk)
    while chunk := list(itertools.islice(items, size)):
        outcomes = list(pipe.run([item for item, _ in chunk]))
        release_free_memory()
        yield [Finished(outcome, sha) for (_, sha), outcome in zip(chunk, outcomes, strict=True)]


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
