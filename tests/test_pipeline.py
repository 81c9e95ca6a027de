"""The pipeline end to end on the seed, with the real embedded model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import ConfigError
from factcheck.evaluation.gold import load_gold_file
from factcheck.evaluation.scoring import score
from factcheck.pipeline import ClaimRebuttalPipeline, load_definition
from factcheck.records import Article, ArticleFailure, ArticleResult


def test_definitions_are_checked_when_built(tmp_path: Path) -> None:
    assert load_definition("claim-rebuttal").stages == ("read", "clean", "attribute", "pair", "write")
    bad = tmp_path / "bad.toml"
    bad.write_text('stages = ["read", "pair", "attribute"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="order"):
        load_definition(str(bad))
    bad.write_text('stages = ["read", "translate"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown stage"):
        load_definition(str(bad))


def test_seed_meets_the_targets(pipeline: ClaimRebuttalPipeline, seed_path: Path, shared_dir: Path) -> None:
    article = Article(id=seed_path.stem, text=seed_path.read_text(encoding="utf-8"), source=str(seed_path))
    (result,) = list(pipeline.run([article]))
    assert isinstance(result, ArticleResult)
    gold = load_gold_file(shared_dir / "eval" / "seed_gold.json")
    report = score([gold], {result.article_id: result.to_json()})
    assert report.statement_f1 >= 0.85
    assert report.speaker_accuracy >= 0.9
    assert report.must_found == report.must_pairs == 2
    assert report.pair_precision >= 0.5


def test_output_record_follows_the_contract(pipeline: ClaimRebuttalPipeline, seed_path: Path) -> None:
    article = Article(id="seed", text=seed_path.read_text(encoding="utf-8"), source=str(seed_path))
    (result,) = list(pipeline.run([article]))
    record = json.loads(json.dumps(result.to_json()))
    assert record["article_id"] == "seed"
    assert set(record["model"]) >= {"id", "revision"}
    ids = {s["id"] for s in record["statements"]}
    for s in record["statements"]:
        assert {"id", "speaker", "speaker_mention", "cue", "kind", "stance", "content", "sentence",
                "start", "end"} <= set(s)
        assert record["text"][s["start"] : s["end"]] == s["content"]
    for p in record["pairs"]:
        assert p["a"] in ids and p["b"] in ids
        assert p["relation"] in {"contradiction", "rebuttal"}
        assert 0.0 <= p["score"] <= 1.0
        assert set(p["nli"]) == {"entailment", "neutral", "contradiction"}
        assert sum(p["nli"].values()) == pytest.approx(1.0, abs=1e-3)


def test_failures_keep_their_place_in_input_order(pipeline: ClaimRebuttalPipeline) -> None:
    items = [
        Article(id="one", text="The union rejected the proposal on Monday, officials said.", source="one"),
        ArticleFailure("bad.txt", "bad.txt: empty file"),
        Article(id="two", text="“We will appeal,” said Maria Lopez, the mayor of Springfield.", source="two"),
    ]
    out = list(pipeline.run(items))
    assert [getattr(o, "article_id", None) or o.source for o in out] == ["one", "bad.txt", "two"]


def test_pairs_of_all_articles_share_nli_batches(pipeline: ClaimRebuttalPipeline, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    articles = [Article(id=f"copy{i}", text=text, source=f"copy{i}") for i in range(3)]
    engine = pipeline.engine
    assert engine is not None
    before = dict(engine.stats)
    results = list(pipeline.run(articles))
    assert all(isinstance(r, ArticleResult) and r.pairs for r in results)
    scored = engine.stats["pairs"] - before["pairs"]
    unique = engine.stats["unique"] - before["unique"]
    # Three identical articles: every pair text is scored once, in shared batches.
    assert unique * 3 == scored
    assert engine.stats["batches"] - before["batches"] <= max(1, unique // 8)


def test_articles_sharing_an_id_keep_their_own_results(pipeline: ClaimRebuttalPipeline, seed_path: Path) -> None:
    seed = seed_path.read_text(encoding="utf-8")
    short = "“We will appeal the ruling,” said Maria Lopez, the mayor of Springfield, on Tuesday."
    items = [
        Article(id="same", text=seed, source="a.jsonl:1"),
        Article(id="same", text=short, source="a.jsonl:2"),
    ]
    first, second = list(pipeline.run(items))
    assert isinstance(first, ArticleResult) and isinstance(second, ArticleResult)
    assert "Pegasus" in first.text and second.text.startswith("“We will appeal")
    assert first.pairs and not second.pairs
    assert [s.speaker for s in second.statements] == ["Maria Lopez"]
