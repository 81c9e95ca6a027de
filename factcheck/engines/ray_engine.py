"""The ray engine: the pipeline on Ray Data, CPU stages and NLI on separate actor pools.

::

    shards (driver) -> read (tasks) -> PrepareStage (CPU actors) -> ScoreStage (NLI actors) -> records (driver)

The driver cuts the inputs into shards (:mod:`factcheck.engines.shards`); Ray
tasks read them with the local readers' checks; a pool of CPU actors cleans,
parses, attributes and builds candidate pairs; a pool of actors that hold the
NLI model (a GPU each where the cluster has GPUs) scores the pairs and decides
relations. Every row carries its shard number and position in the shard (the
input order), the SHA-256 of the article's input text and the record itself,
pickled, so the records that come back are the local engine's records.

Ray is imported when a run starts, never at import time.
"""

from __future__ import annotations

import dataclasses
import logging
import pickle
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.config import CONFIG_DIR, InputConfig, RayConfig, RunConfig, load_config
from factcheck.engines.finished import Finished, Outcome
from factcheck.engines.shards import Shard, plan_shards, read_shard
from factcheck.engines.stages import Prepared, PrepareStage, ScoreStage
from factcheck.errors import FactcheckError
from factcheck.io.resume import ResumeState, text_sha256
from factcheck.nli.loading import resolve_nli_ref
from factcheck.pipeline import PipelineDefinition, load_definition
from factcheck.records import Article

log = logging.getLogger(__name__)

RAY_MISSING = "the ray engine needs Ray, which is not installed: pip install 'factcheck[ray]'"
RAY_CONFIG = CONFIG_DIR / "ray.toml"
ROWS_PER_BLOCK = 64
# Workers on a remote cluster do not inherit the driver's environment.
WORKER_ENV = {"TRANSFORMERS_VERBOSITY": "error", "HF_HUB_DISABLE_PROGRESS_BARS": "1", "TOKENIZERS_PARALLELISM": "false"}

Batch = dict[str, np.ndarray]
Row = tuple[int, int, str, Any]


@dataclasses.dataclass(frozen=True)
class Skipped:
    """Stands in for an article the output already holds, so that the driver can count it."""


def import_ray() -> Any:
    """The ``ray`` module with Ray Data loaded; a one-line FactcheckError when Ray is not installed."""
    try:
        import ray
        import ray.data
    except ImportError as err:
        raise FactcheckError(RAY_MISSING) from err
    return ray


def load_ray_config(path: str | Path | None = None, overrides: Sequence[str] = ()) -> RayConfig:
    """``configs/ray.toml`` (or ``path``) with ``key=value`` overrides."""
    if path is None and RAY_CONFIG.is_file():
        path = RAY_CONFIG
    return load_config(RayConfig, path, overrides)


@dataclasses.dataclass(frozen=True)
class Pools:
    """How many actors each stage gets, and what each reserves."""

    cpu_actors: int
    cpus_per_actor: float
    nli_actors: int
    cpus_per_nli_actor: float
    gpus_per_nli_actor: float


def plan_pools(resources: Mapping[str, float], config: RayConfig, *, nli: bool) -> Pools:
    """Size the actor pools from the cluster's resources where ``config`` leaves a count at 0.

    NLI actors: one per GPU (``gpus_per_nli_actor`` each) on a cluster with GPUs,
    one CPU actor otherwise. CPU actors: the CPUs the NLI actors leave, at least one.
    """
    cpus = float(resources.get("CPU", 1.0))
    gpus = float(resources.get("GPU", 0.0))
    nli_gpus = config.gpus_per_nli_actor if gpus > 0 else 0.0
    if not nli:
        nli_actors = 0
    elif config.nli_actors > 0:
        nli_actors = config.nli_actors
    elif nli_gpus > 0:
        nli_actors = max(1, int(gpus // nli_gpus))
    else:
        nli_actors = 1
    left = cpus - nli_actors * config.cpus_per_nli_actor
    cpu_actors = config.cpu_actors if config.cpu_actors > 0 else max(1, int(left // config.cpus_per_actor))
    needed = cpu_actors * config.cpus_per_actor + nli_actors * config.cpus_per_nli_actor
    if needed > cpus:
        log.warning("the actor pools reserve %.1f CPUs but the cluster has %.1f; the run waits for more", needed, cpus)
    return Pools(cpu_actors, config.cpus_per_actor, nli_actors, config.cpus_per_nli_actor, nli_gpus)


def run_ray_batch(
    inputs: Sequence[str],
    *,
    config: RunConfig,
    address: str | None = None,
    ray_config: RayConfig | None = None,
) -> Iterator[Outcome]:
    """Outcomes of a run on Ray, in no particular order (unless ``ray_config.preserve_order``).

    ``ray_config`` defaults to ``configs/ray.toml``. Connects to ``address``
    (else ``ray_config.address``, else ``RAY_ADDRESS``, else the latest local
    cluster, else a new local Ray that is shut down when the iterator is
    exhausted or closed). Ray already initialised in this process is used as it is.
    """
    for batch in iter_ray_batches(inputs, config=config, ray_config=ray_config, address=address):
        for done in batch:
            yield done.outcome


def iter_ray_batches(
    inputs: Sequence[str],
    *,
    config: RunConfig,
    ray_config: RayConfig | None = None,
    address: str | None = None,
    resume: ResumeState | None = None,
    progress: bool = False,
) -> Iterator[list[Finished]]:
    """Run on Ray and yield outcomes as blocks of them come back, each with its text hash.

    Whatever can be checked before the run is checked at the call (Ray
    installed, inputs, pipeline definition, NLI model reference, connection),
    raising FactcheckError with a one-line message. Articles that ``resume``
    says an earlier run wrote are skipped by the CPU actors, each with its own
    copy of the counts: an article that the input holds twice (same id and
    text) and the output once may be skipped twice.
    """
    ray = import_ray()
    rcfg = ray_config or load_ray_config()
    definition = load_definition(config.pipeline)
    if "pair" in definition.stages:
        resolve_nli_ref(config.nli.model, config.nli.revision)
    shards = list(plan_shards(inputs, shard_bytes=rcfg.jsonl_shard_bytes))
    started = _connect(ray, address or rcfg.address)
    try:
        dataset = _build(
            ray, shards, config=config, ray_config=rcfg, definition=definition, resume=resume, progress=progress
        )
    except BaseException:
        if started:
            ray.shutdown()
        raise
    return _collect(ray, dataset, started=started, resume=resume)


def _connect(ray: Any, address: str | None) -> bool:
    """Initialise Ray unless it already is; True when this call started it."""
    if ray.is_initialized():
        return False
    try:
        ray.init(address=address, logging_level=logging.WARNING, runtime_env={"env_vars": WORKER_ENV})
    except (ConnectionError, RuntimeError, ValueError) as err:
        where = address or "RAY_ADDRESS or a new local Ray"
        raise FactcheckError(f"cannot start or reach Ray ({where}): {_one_line(err)}") from err
    return True


def _build(
    ray: Any,
    shards: list[Shard],
    *,
    config: RunConfig,
    ray_config: RayConfig,
    definition: PipelineDefinition,
    resume: ResumeState | None,
    progress: bool,
) -> Any:
    data = ray.data
    ctx = data.DataContext.get_current()
    ctx.execution_options.preserve_order = ray_config.preserve_order
    ctx.enable_progress_bars = progress
    ctx.print_on_execution_start = False
    pools = plan_pools(ray.cluster_resources(), ray_config, nli="pair" in definition.stages)
    log.info("ray pools: %s", pools)
    specs = [{"shard": i, "spec": pickle.dumps(s)} for i, s in enumerate(shards)]
    ds = data.from_items(specs)
    ds = ds.map_batches(
        read_shards,
        fn_kwargs={"config": config.input},
        batch_size=1,
        batch_format="numpy",
        num_cpus=ray_config.read_cpus,
    )
    ds = ds.map_batches(
        PrepareWorker,
        fn_constructor_kwargs={
            "config": config,
            "definition": definition,
            "resume": resume,
            "threads": pools.cpus_per_actor,
        },
        batch_size=max(1, ray_config.articles_per_batch),
        batch_format="numpy",
        compute=data.ActorPoolStrategy(size=pools.cpu_actors),
        num_cpus=pools.cpus_per_actor,
    )
    if pools.nli_actors:
        ds = ds.map_batches(
            ScoreWorker,
            fn_constructor_kwargs={"config": config, "definition": definition, "threads": pools.cpus_per_nli_actor},
            batch_size=max(1, ray_config.nli_articles_per_batch),
            batch_format="numpy",
            compute=data.ActorPoolStrategy(size=pools.nli_actors),
            num_cpus=pools.cpus_per_nli_actor,
            num_gpus=pools.gpus_per_nli_actor,
        )
    return ds


def _collect(ray: Any, dataset: Any, *, started: bool, resume: ResumeState | None) -> Iterator[list[Finished]]:
    try:
        for batch in dataset.iter_batches(batch_format="numpy", batch_size=None):
            done: list[Finished] = []
            for sha, raw in zip(batch["sha"], batch["item"], strict=True):
                item = pickle.loads(raw)
                if not isinstance(item, Skipped):
                    done.append(Finished(item, str(sha)))
                elif resume is not None:
                    resume.skipped += 1
            yield done
    except ray.exceptions.RayError as err:
        raise _run_error(err) from err
    finally:
        if started:
            ray.shutdown()


# -- what runs on the workers -------------------------------------------------


def read_shards(batch: Batch, *, config: InputConfig) -> Iterator[Batch]:
    """Ray task: the articles of each shard in ``batch``, in blocks of rows."""
    for index, spec in zip(batch["shard"], batch["spec"], strict=True):
        rows: list[Row] = []
        for pos, item in enumerate(read_shard(pickle.loads(spec), config=config)):
            rows.append((int(index), pos, text_sha256(item.text) if isinstance(item, Article) else "", item))
            if len(rows) >= ROWS_PER_BLOCK:
                yield _block(rows)
                rows = []
        if rows:
            yield _block(rows)


class PrepareWorker:
    """Ray actor: cleanup, attribution and candidate pairs (and the results, when the pipeline has no pair stage)."""

    def __init__(
        self, config: RunConfig, definition: PipelineDefinition, resume: ResumeState | None, threads: float
    ) -> None:
        _limit_threads(threads)
        self.stage = PrepareStage(config, definition=definition)
        self.finish = None if "pair" in definition.stages else ScoreStage(config, definition=definition)
        self.resume = resume

    def __call__(self, batch: Batch) -> Iterator[Batch]:
        rows = [
            (s, p, sha, Skipped()) if self._done(item, sha) else (s, p, sha, item) for s, p, sha, item in _rows(batch)
        ]
        rows = _apply(self.stage, rows, Article)
        if self.finish is not None:
            rows = _apply(self.finish, rows, Prepared)
        if rows:
            yield _block(rows)

    def _done(self, item: Any, sha: str) -> bool:
        return self.resume is not None and isinstance(item, Article) and self.resume.claim(item.id, sha)


class ScoreWorker:
    """Ray actor that holds the NLI model: scores candidate pairs, decides relations, builds results."""

    def __init__(self, config: RunConfig, definition: PipelineDefinition, threads: float) -> None:
        self.stage = ScoreStage(config, definition=definition)
        # NLIEngine takes every core of the machine on the CPU; an actor gets its share.
        _limit_threads(threads)

    def __call__(self, batch: Batch) -> Iterator[Batch]:
        rows = _apply(self.stage, _rows(batch), Prepared)
        if rows:
            yield _block(rows)


def _apply(stage: Any, rows: list[Row], kind: type) -> list[Row]:
    """Run ``stage`` on the items of type ``kind``, one output per item; other items pass through."""
    todo = [r[3] for r in rows if isinstance(r[3], kind)]
    if not todo:
        return rows
    done = iter(stage(todo))
    return [(s, p, sha, next(done) if isinstance(item, kind) else item) for s, p, sha, item in rows]


def _rows(batch: Batch) -> list[Row]:
    return [
        (int(s), int(p), str(sha), pickle.loads(item))
        for s, p, sha, item in zip(batch["shard"], batch["pos"], batch["sha"], batch["item"], strict=True)
    ]


def _block(rows: Sequence[Row]) -> Batch:
    items = np.empty(len(rows), dtype=object)
    items[:] = [pickle.dumps(r[3], protocol=pickle.HIGHEST_PROTOCOL) for r in rows]
    shas = np.empty(len(rows), dtype=object)
    shas[:] = [r[2] for r in rows]
    return {
        "shard": np.array([r[0] for r in rows], dtype=np.int64),
        "pos": np.array([r[1] for r in rows], dtype=np.int64),
        "sha": shas,
        "item": items,
    }


def _limit_threads(threads: float) -> None:
    import torch

    torch.set_num_threads(max(1, int(threads)))


def _run_error(err: BaseException) -> FactcheckError:
    """A one-line error for a failed Ray run, naming the library error behind it when there is one."""
    seen: set[int] = set()
    cause: BaseException | None = err
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        # A Ray task error wraps the worker's exception in ``cause``.
        inner = getattr(cause, "cause", None)
        if inner is None and isinstance(cause, FactcheckError):
            return FactcheckError(str(cause))
        cause = inner or cause.__cause__
    return FactcheckError(f"the Ray run failed: {type(err).__name__}: {_one_line(err)}")


def _one_line(err: BaseException) -> str:
    lines = [ln.strip() for ln in str(err).splitlines() if ln.strip()]
    return lines[0] if lines else type(err).__name__
