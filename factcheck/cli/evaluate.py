"""`factcheck eval`: statement, speaker and pair figures against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, load_or_exit
from factcheck.config import RunConfig
from factcheck.errors import FactcheckError


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSON file or folder (seed_gold layout), or a PolNeAR split")],
    pred: Annotated[Path | None, typer.Option(help="Score this `factcheck run` output instead of running")] = None,
    inputs: Annotated[list[str] | None, typer.Option("--input", help="Articles for gold files without text")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N gold articles")] = None,
    pipeline: Annotated[str | None, typer.Option(help="Pipeline definition (attribution-only skips NLI)")] = None,
    model: Annotated[str | None, typer.Option(help="NLI model: hub id or local path")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML settings (default: configs/run-default.toml)")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override one setting: section.key=value")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List missed and spurious statements and pairs")] = False,
) -> None:
    """Statement precision/recall/F1, speaker accuracy, and pair precision/recall."""
    from factcheck.evaluation.harness import evaluate as score
    from factcheck.evaluation.harness import load_gold, predict, read_predictions
    from factcheck.evaluation.scoring import format_report, report_to_json
    from factcheck.io.readers import iter_articles
    from factcheck.pipeline import ClaimRebuttalPipeline
    from factcheck.records import Article

    overrides = list(set_ or [])
    if model:
        overrides.append(f'nli.model="{model}"')
    if pipeline:
        overrides.append(f'pipeline="{pipeline}"')
    cfg = load_or_exit(RunConfig, config, overrides, default="run-default.toml")
    try:
        gold_articles = load_gold(gold, limit=limit)
        if pred is not None:
            predicted = read_predictions(pred)
        else:
            extra = [a for a in iter_articles(inputs or [], config=cfg.input) if isinstance(a, Article)]
            predicted = predict(gold_articles, pipeline=ClaimRebuttalPipeline(cfg), extra=extra)
        report = score(gold_articles, predicted)
    except FactcheckError as err:
        fail(str(err))
    if as_json:
        typer.echo(json.dumps(report_to_json(report), indent=2))
    else:
        typer.echo(format_report(report, details=errors))


def evaluate_pairs(
    checked: Annotated[Path, typer.Argument(help="Checked-pairs JSON (pairs judged right, weak or wrong by hand)")],
    pred: Annotated[Path | None, typer.Option(help="Score this `factcheck run` output")] = None,
    inputs: Annotated[list[str] | None, typer.Option("--input", help="Else run on these articles")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML settings (default: configs/run-default.toml)")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override one setting: section.key=value")] = None,
    todo: Annotated[Path | None, typer.Option(help="Write the pairs no one has checked yet here (JSON)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List lost and unchecked pairs")] = False,
) -> None:
    """Pair precision on real news: a run's pairs against pairs checked by hand."""
    from factcheck.evaluation.checked_pairs import (
        format_checked,
        load_checked,
        predicted_spans,
        score_checked,
        todo_records,
    )
    from factcheck.evaluation.harness import read_predictions
    from factcheck.pipeline import run_inputs
    from factcheck.records import ArticleFailure

    if pred is None and not inputs:
        fail("give --pred OUTPUT.jsonl or --input ARTICLES")
    try:
        pairs = load_checked(checked)
        if pred is not None:
            records = list(read_predictions(pred).values())
        else:
            cfg = load_or_exit(RunConfig, config, list(set_ or []), default="run-default.toml")
            records = [o.to_json() for o in run_inputs(inputs or [], config=cfg) if not isinstance(o, ArticleFailure)]
        report = score_checked(pairs, predicted_spans(records), articles=[str(r["article_id"]) for r in records])
    except FactcheckError as err:
        fail(str(err))
    if todo is not None:
        todo.write_text(json.dumps({"pairs": todo_records(report.unchecked)}, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
    else:
        typer.echo(format_checked(report, details=errors))


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
    app.command("eval-pairs")(evaluate_pairs)
