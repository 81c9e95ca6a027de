"""`factcheck train-nli` and `factcheck eval-nli`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, load_or_exit
from factcheck.config import NLIModelConfig, NLITrainConfig
from factcheck.errors import FactcheckError
from factcheck.nli.train import TrainProgress


def train_nli(
    config: Annotated[Path | None, typer.Option(help="Training recipe (default: configs/nli-default.toml)")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override one setting: key=value")] = None,
    resume: Annotated[bool, typer.Option(help="Resume from the latest checkpoint in output_dir")] = True,
) -> None:
    """Fine-tune the packaged encoder into an NLI model (checkpoints, resume, per-source dev accuracy)."""
    from tqdm import tqdm

    from factcheck.nli.train import train_nli as train

    cfg = load_or_exit(NLITrainConfig, config, set_, default="nli-default.toml")
    bar = tqdm(unit="step", file=sys.stderr, dynamic_ncols=True)

    def show(p: TrainProgress) -> None:
        bar.total = p.total_steps
        bar.n = p.step
        bar.set_description(f"epoch {p.epoch}/{p.epochs}")
        bar.set_postfix(loss=f"{p.loss:.4f}", refresh=False)
        bar.refresh()

    try:
        for report in train(cfg, resume=resume, progress=show):
            dev = "  ".join(f"{k}={v:.4f}" for k, v in report.dev_accuracy.items())
            bar.write(f"epoch {report.epoch}: loss {report.train_loss:.4f}  {dev}  ({report.seconds:.0f}s)")
    except FactcheckError as err:
        fail(str(err))
    finally:
        bar.close()
    typer.echo(f"best model exported to {Path(cfg.output_dir) / 'best'}")


def eval_nli(
    data: Annotated[Path, typer.Argument(help="JSONL with premise, hypothesis, label (and source)")],
    model: Annotated[str | None, typer.Option(help="Hub id or local path (default: embedded)")] = None,
    precision: Annotated[str, typer.Option(help="auto | fp32 | int8 | fp16 | bf16")] = "auto",
    device: Annotated[str, typer.Option(help="auto | cpu | cuda")] = "auto",
    limit: Annotated[int | None, typer.Option(help="Only the first N rows")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Accuracy, per-class precision/recall/F1, confusion matrix and per-source accuracy of an NLI model."""
    from factcheck.nli.engine import NLIEngine
    from factcheck.nli.evaluate import evaluate_nli, format_nli_report, report_json

    cfg = load_or_exit(NLIModelConfig, None, [], default="__none__")
    cfg = NLIModelConfig(**{**cfg.__dict__, "model": model or "embedded", "precision": precision, "device": device})
    try:
        report = evaluate_nli(NLIEngine(cfg), data, limit=limit)
    except FactcheckError as err:
        fail(str(err))
    typer.echo(report_json(report) if as_json else format_nli_report(report))


def promote_nli(
    candidate: Annotated[Path, typer.Argument(help="A trained model folder, e.g. runs/nli-default/best")],
    dev: Annotated[Path, typer.Option(help="Dev JSONL both models are scored on")] = Path(
        "../shared/data/nli/dev.jsonl"),
    force: Annotated[bool, typer.Option(help="Replace even when not better")] = False,
    min_gain: Annotated[float, typer.Option(help="Lead in macro accuracy the candidate needs")] = 0.005,
) -> None:
    """Replace the embedded model with CANDIDATE only if it scores better on dev (macro accuracy over sources)."""
    from factcheck.nli.promote import PromoteResult, promote

    try:
        result = promote(candidate, dev_file=dev, force=force, min_gain=min_gain)
    except FactcheckError as err:
        fail(str(err))
    cur = PromoteResult.macro(result.current)
    typer.echo(f"candidate {PromoteResult.macro(result.candidate):.4f}  current {cur:.4f}  "
               f"-> {'promoted' if result.promoted else 'kept current'}")
    for source, acc in result.candidate.per_source.items():
        old = result.current.per_source.get(source) if result.current else None
        typer.echo(f"  {source:<20} {acc:.4f}" + (f"  (current {old:.4f})" if old is not None else ""))


def register(app: typer.Typer) -> None:
    app.command("train-nli")(train_nli)
    app.command("eval-nli")(eval_nli)
    app.command("promote-nli")(promote_nli)
