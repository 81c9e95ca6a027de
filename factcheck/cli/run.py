"""`factcheck run`: articles in, one JSON line of statements and pairs per article out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, load_or_exit
from factcheck.config import RunConfig
from factcheck.errors import FactcheckError
from factcheck.io.output import JsonlWriter
from factcheck.pipeline import ClaimRebuttalPipeline, run_inputs
from factcheck.records import ArticleFailure


def run(
    inputs: Annotated[list[str], typer.Argument(help=".txt, .jsonl, .html files, folders, or - for stdin")],
    out: Annotated[Path, typer.Option("--out", "-o", help="JSONL output, one line per article ('-' = stdout)")],
    model: Annotated[str | None, typer.Option(help="NLI model: hub id or local path (default: embedded)")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML settings (default: configs/run-default.toml)")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override one setting: section.key=value")] = None,
    all_relations: Annotated[bool, typer.Option("--all-relations", help="Keep support pairs too")] = False,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr")] = True,
) -> None:
    """Find attributed statements and the contradictions between their speakers."""
    overrides = list(set_ or [])
    if model:
        overrides.append(f"nli.model={model!r}".replace("'", '"'))
    if all_relations:
        overrides.append("pairing.keep_all_relations=true")
    cfg = load_or_exit(RunConfig, config, overrides, default="run-default.toml")
    try:
        pipeline = ClaimRebuttalPipeline(cfg)
    except FactcheckError as err:
        fail(str(err))
    ok = failed = 0
    bar = None
    with JsonlWriter(out, append=False) as writer:
        for outcome in run_inputs(inputs, config=cfg, stdin=sys.stdin, pipeline=pipeline):
            if isinstance(outcome, ArticleFailure):
                failed += 1
                typer.echo(f"error: {outcome.message}", err=True)
            else:
                ok += 1
                writer.write(outcome.to_json())
            if progress and bar is None and ok + failed == 2:
                from tqdm import tqdm

                bar = tqdm(desc="articles", unit="art", file=sys.stderr, initial=2)
            elif bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    typer.echo(f"{ok} article(s) written to {out}, {failed} failed", err=True)
    if ok == 0:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("run")(run)
