from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import RunConfig
from factcheck.engines.stages import Prepared, PrepareStage, ScoreStage
from factcheck.nli.engine import NLIEngine
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import Article, ArticleResult


@pytest.fixture(scope="module")
def prepare(run_config: RunConfig) -> PrepareStage:
    return PrepareStage(run_config)


def test_the_two_halves_give_what_process_chunk_gives(
    prepare: PrepareStage,
    run_config: RunConfig,
    engine: NLIEngine,
    pipeline: ClaimRebuttalPipeline,
    seed_path: Path,
    short_articles: dict[str, str],
) -> None:
    articles = [Article(id=k, text=v, source=f"{k}.txt") for k, v in short_articles.items()]
    articles.append(Article(id="seed", text=seed_path.read_text(encoding="utf-8"), source=str(seed_path)))
    prepared = prepare(articles)
    assert all(isinstance(p, Prepared) for p in prepared)
    assert sum(len(p.candidates) for p in prepared) > 0
    split = ScoreStage(run_config, engine=engine)(prepared)
    whole = pipeline.process_chunk(articles)
    assert split == whole
    assert sum(len(r.pairs) for r in split if isinstance(r, ArticleResult)) >= 5


def test_scoring_in_other_batches_gives_the_same_pairs(
    prepare: PrepareStage, run_config: RunConfig, engine: NLIEngine, short_articles: dict[str, str]
) -> None:
    articles = [Article(id=k, text=v, source=k) for k, v in short_articles.items()]
    prepared = prepare(articles)
    score = ScoreStage(run_config, engine=engine)
    one_by_one = [r for p in prepared for r in score([p])]
    assert one_by_one == score(prepared)


def test_same_ids_in_one_batch_keep_their_own_statements(prepare: PrepareStage, short_articles: dict[str, str]) -> None:
    # Folder inputs a/x.txt and b/x.txt both get the id "x".
    texts = list(short_articles.values())[:2]
    first, second = prepare([Article(id="same", text=t, source=f"f{i}") for i, t in enumerate(texts)])
    assert isinstance(first, Prepared) and isinstance(second, Prepared)
    assert first.statements != second.statements
    assert all(first.article.text[s.start : s.end] == s.content for s in first.statements)
