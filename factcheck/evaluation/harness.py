"""Run the pipeline on gold articles and score it (the library side of `factcheck eval`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.evaluation.gold import GoldArticle, load_gold_dir, load_gold_file
from factcheck.evaluation.polnear import load_polnear
from factcheck.evaluation.scoring import EvalReport, score
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import Article, ArticleFailure


def load_gold(path: str | Path, *, limit: int | None = None) -> list[GoldArticle]:
    """A gold JSON file, a folder of them, or a PolNeAR split (text/ + attributions/)."""
    p = Path(path)
    if p.is_dir() and (p / "text").is_dir() and (p / "attributions").is_dir():
        return load_polnear(p, limit=limit)
    if p.is_dir():
        gold = load_gold_dir(p)
    elif p.is_file():
        gold = [load_gold_file(p)]
    else:
        raise InputError(str(p), "no such gold file or folder")
    return gold[:limit] if limit else gold


def read_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{n}", f"invalid JSON: {err.msg}") from err
            out[str(rec["article_id"])] = rec
    return out


def predict(gold: Sequence[GoldArticle], *, pipeline: ClaimRebuttalPipeline,
            extra: Iterable[Article] = ()) -> dict[str, dict[str, Any]]:
    """Run the pipeline on the gold texts (and on ``extra`` articles for gold without text)."""
    articles = [Article(id=g.id, text=g.text, source=f"gold:{g.id}") for g in gold if g.text]
    articles += list(extra)
    predicted: dict[str, dict[str, Any]] = {}
    for outcome in pipeline.run(articles):
        if isinstance(outcome, ArticleFailure):
            continue
        predicted[outcome.article_id] = outcome.to_json()
    return predicted


def evaluate(gold: Sequence[GoldArticle], predicted: Mapping[str, Mapping[str, Any]]) -> EvalReport:
    return score(gold, predicted)
