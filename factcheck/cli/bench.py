"""`factcheck bench`: NLI speed, memory and agreement beside peers, and pipeline cost by batch size."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, load_or_exit
from factcheck.config import CONFIG_DIR, BenchConfig
from factcheck.errors import FactcheckError

REPO = CONFIG_DIR.parent


def _path(value: str | Path) -> Path:
    """A path as given when it exists from here, else from the repository root (config files' paths)."""
    p = Path(value).expanduser()
    return p if p.is_absolute() or p.exists() else REPO / p


def _sizes(text: str, option: str = "--sizes") -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        fail(f"{option} {text!r}: expected comma-separated numbers, e.g. 10,100,1000")
    if not sizes or min(sizes) < 1:
        fail(f"{option} {text!r}: sizes must be at least 1")
    return sizes


def bench(
    config: Annotated[Path | None, typer.Option(help="TOML settings (default: configs/bench.toml)")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override one setting: key=value")] = None,
    data: Annotated[Path | None, typer.Option(help="NLI pairs JSONL (premise, hypothesis)")] = None,
    n: Annotated[int | None, typer.Option("--n", "-n", help="Pairs for the NLI section (spread over the file)")] = None,
    model: Annotated[str | None, typer.Option(help="NLI model: hub id or local path (default: embedded)")] = None,
    nli: Annotated[bool, typer.Option("--nli/--no-nli", help="Engine beside its peers")] = True,
    pipeline: Annotated[bool, typer.Option("--pipeline/--no-pipeline", help="factcheck run on article batches")] = True,
    sizes: Annotated[str | None, typer.Option(help="Article batch sizes, e.g. 10,100,1000")] = None,
    ray_sizes: Annotated[str | None, typer.Option(
        help="The same on a local Ray for these batch sizes, e.g. 1000 (needs the ray extra)")] = None,
    paths: Annotated[str | None, typer.Option(
        help="Extra engine rows, e.g. onnx:int8,torch:bf16,torch-compile:bf16")] = None,
    run_set: Annotated[list[str] | None, typer.Option(
        "--run-set", help="Override one setting of the pipeline's run config: section.key=value")] = None,
    agreement: Annotated[bool, typer.Option(
        "--agreement", help="Measure every CPU path against fp32 first and record the fast path next to the model")
    ] = False,
    agreement_pairs: Annotated[int | None, typer.Option(help="Pairs for --agreement (0 = the whole file)")] = None,
    write: Annotated[bool, typer.Option("--write/--no-write", help="With --agreement: write fast_path.json")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Print pairs/s, peak memory and agreement of the NLI engine and its peers, and pipeline articles/s."""
    from factcheck.bench.agreement import measure_paths
    from factcheck.bench.nli_bench import DEFAULT_CONTENDERS, engine_contender, run_nli_bench
    from factcheck.bench.pipeline_bench import run_pipeline_bench
    from factcheck.bench.report import format_nli, format_paths, format_pipeline
    from factcheck.nli.fast_path import save_record

    cfg = load_or_exit(BenchConfig, config, set_, default="bench.toml")
    nli_data = _path(data or cfg.nli_data)
    model_name = model or cfg.model
    model_arg = str(_path(model_name)) if model_name not in {"embedded", "default", ""} and _path(model_name).exists() \
        else model_name
    article_sizes = _sizes(sizes) if sizes is not None else [int(s) for s in cfg.article_sizes]
    ray_article_sizes = _sizes(ray_sizes, "--ray-sizes") if ray_sizes is not None else [int(s) for s in cfg.ray_article_sizes]
    if ray_article_sizes:
        from factcheck.engines.ray_engine import import_ray

        try:
            import_ray()
        except FactcheckError as err:
            fail(str(err))
    extra = [p for p in (paths.split(",") if paths is not None else cfg.engine_paths) if p.strip()]
    sections: dict[str, object] = {}
    texts: list[str] = []
    try:
        contenders = (*DEFAULT_CONTENDERS, *(engine_contender(p.strip()) for p in extra))
        if agreement:
            typer.echo(f"measuring CPU paths against fp32 on {nli_data} ...", err=True)
            record = measure_paths(data=nli_data, model=model_arg, threads=cfg.threads, bar=cfg.agreement_bar,
                                   limit=cfg.agreement_pairs if agreement_pairs is None else agreement_pairs,
                                   timeout_s=cfg.timeout_s)
            from factcheck.nli.loading import resolve_nli_ref

            texts.append(format_paths(record))
            if write:
                where = save_record(resolve_nli_ref(model_arg).path, record)
                texts[-1] += f"\nrecorded in {where}"
            sections["paths"] = json.loads(record.to_json())
        if nli:
            typer.echo(f"NLI bench on {n or cfg.pairs} pairs ...", err=True)
            report = run_nli_bench(data=nli_data, n=cfg.pairs if n is None else n, model=model_arg,
                                   contenders=contenders, batch_size=cfg.peer_batch_size, threads=cfg.threads,
                                   timeout_s=cfg.timeout_s, repeats=cfg.repeats)
            texts.append(format_nli(report))
            sections["nli"] = report.to_dict()
        if pipeline:
            on_ray = f" (and {', '.join(map(str, ray_article_sizes))} on Ray)" if ray_article_sizes else ""
            typer.echo(f"pipeline bench on {', '.join(map(str, article_sizes))} articles{on_ray} ...", err=True)
            overrides = [*([f'nli.model="{model_arg}"'] if model else []), *(run_set or [])]
            preport = run_pipeline_bench(sizes=article_sizes, sources=[_path(s) for s in cfg.article_sources],
                                         run_config=_path(cfg.run_config), overrides=overrides, threads=cfg.threads,
                                         timeout_s=cfg.timeout_s, ray_sizes=ray_article_sizes)
            texts.append(format_pipeline(preport))
            sections["pipeline"] = preport.to_dict()
    except FactcheckError as err:
        fail(str(err))
    if not sections:
        fail("nothing to run: pass --nli, --pipeline or --agreement")
    typer.echo(json.dumps(sections, indent=2) if as_json else "\n\n".join(texts))


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)
