"""`factcheck run`: articles in, one JSON line of statements and pairs per article out."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, load_or_exit
from factcheck.config import RayConfig, RunConfig
from factcheck.engines.finished import Finished
from factcheck.engines.local import iter_local_batches
from factcheck.engines.ray_engine import iter_ray_batches
from factcheck.errors import FactcheckError
from factcheck.io.output import JsonlWriter
from factcheck.io.resume import ResumeState, load_resume
from factcheck.pipeline import ClaimRebuttalPipeline
from factcheck.records import ArticleFailure

RAY_PREFIX = "ray."
# Records are flushed (and fsynced) once per batch, not per record.
_FLUSH_BY_HAND = 1 << 62


class Engine(str, enum.Enum):
    local = "local"
    ray = "ray"


def run(
    inputs: Annotated[list[str], typer.Argument(help=".txt, .jsonl, .html, .parquet files, folders, or - for stdin")],
    out: Annotated[Path, typer.Option("--out", "-o", help="JSONL output, one line per article ('-' = stdout)")],
    model: Annotated[str | None, typer.Option(help="NLI model: hub id or local path (default: embedded)")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML settings (default: configs/run-default.toml)")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override one setting: section.key=value")] = None,
    all_relations: Annotated[bool, typer.Option("--all-relations", help="Keep support pairs too")] = False,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr")] = True,
    engine: Annotated[Engine, typer.Option(help="local (this process) or ray (needs factcheck[ray])")] = Engine.local,
    address: Annotated[str | None, typer.Option(help="Ray cluster: auto, HOST:6379 or ray://HOST:10001")] = None,
    ray_config: Annotated[Path | None, typer.Option("--ray-config", help="Ray settings (configs/ray.toml)")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Keep --out, skip articles it has, append the rest")] = False,
) -> None:
    """Find attributed statements and the contradictions between their speakers."""
    overrides = list(set_ or [])
    if model:
        overrides.append(f"nli.model={model!r}".replace("'", '"'))
    if all_relations:
        overrides.append("pairing.keep_all_relations=true")
    ray_overrides = [o.removeprefix(RAY_PREFIX) for o in overrides if o.startswith(RAY_PREFIX)]
    if engine is Engine.local and (address or ray_config or ray_overrides):
        fail("--address, --ray-config and ray.* settings apply to --engine ray")
    cfg = load_or_exit(
        RunConfig, config, [o for o in overrides if not o.startswith(RAY_PREFIX)], default="run-default.toml"
    )
    state = _resume_state(out) if resume else None
    try:
        if engine is Engine.ray:
            rcfg = load_or_exit(RayConfig, ray_config, ray_overrides, default="ray.toml")
            batches = iter_ray_batches(inputs, config=cfg, ray_config=rcfg, address=address, resume=state)
        else:
            pipeline = ClaimRebuttalPipeline(cfg)
            batches = iter_local_batches(inputs, config=cfg, stdin=sys.stdin, pipeline=pipeline, resume=state)
        ok, failed = _write(batches, out, append=resume, progress=progress)
    except FactcheckError as err:
        fail(str(err))
        return
    skipped = state.skipped if state is not None else 0
    kept = f", {skipped} already in {out}" if resume else ""
    typer.echo(f"{ok} article(s) written to {out}, {failed} failed{kept}", err=True)
    if ok == 0 and skipped == 0:
        raise typer.Exit(1)


def _resume_state(out: Path) -> ResumeState:
    try:
        state = load_resume(out)
    except FactcheckError as err:
        fail(str(err))
        raise  # unreachable; fail() exits
    for note in state.repairs:
        typer.echo(f"warning: {note}", err=True)
    return state


def _write(batches: Iterator[list[Finished]], out: Path, *, append: bool, progress: bool) -> tuple[int, int]:
    ok = failed = 0
    bar = None
    with JsonlWriter(out, append=append, flush_every=_FLUSH_BY_HAND) as writer:
        for batch in batches:
            for done in batch:
                if isinstance(done.outcome, ArticleFailure):
                    failed += 1
                    typer.echo(f"error: {done.outcome.message}", err=True)
                else:
                    ok += 1
                    writer.write(done.record())
                if progress and bar is None and ok + failed == 2:
                    from tqdm import tqdm

                    bar = tqdm(desc="articles", unit="art", file=sys.stderr, initial=2)
                elif bar is not None:
                    bar.update(1)
            writer.flush()
    if bar is not None:
        bar.close()
    return ok, failed


def register(app: typer.Typer) -> None:
    app.command("run")(run)
