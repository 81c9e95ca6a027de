"""Batched NLI inference: token-budget batches, dedup, cache, CPU and GPU paths.

The work is split the way transformers pipelines split it:
``preprocess`` (text to token ids, pure), ``_forward`` (the only code that
touches torch, ONNX Runtime and the device) and ``postprocess`` (probabilities
to labels through the model's ``id2label``).

On the CPU the forward step runs on torch (fp32, dynamic int8, bf16), torch
with ``torch.compile`` (``torch-compile``: fp32, bf16; compiled once enough rows
have run) or ONNX Runtime (fp32, dynamic int8); ``precision = "auto"`` takes the fastest path
whose labels agree with fp32 on the dev set at least 99% of the time, as
measured by ``factcheck bench --agreement`` on this kind of CPU (see
``factcheck.nli.fast_path``), and ``backend = "auto"`` the faster backend
measured for the precision asked (ONNX Runtime's fp32 kernels beat torch's MKL
ones on AMD CPUs). BERT classifiers run a forward pass whose last layer
computes the [CLS] row only (``torch_backend.LeanBertClassifier``).
On a GPU it runs torch in bf16 (fp16 where bf16 is unsupported) with SDPA
attention, pinned host memory and non-blocking copies.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import operator
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.config import NLIModelConfig
from factcheck.errors import ConfigError
from factcheck.nli.cache import NLICache
from factcheck.nli.fast_path import FastPathRecord, applicable_record, weights_digest
from factcheck.nli.loading import ModelRef, load_nli, resolve_nli_ref
from factcheck.nli.onnx_backend import (
    ONNX_PRECISIONS,
    OnnxRunner,
    cached_onnx,
    default_onnx_dir,
    ensure_onnx,
    load_tokenizer_and_labels,
    onnx_available,
)
from factcheck.nli.torch_backend import COMPILED_BACKEND, TorchRunner, set_cpu_threads
from factcheck.records import NLIResult

log = logging.getLogger(__name__)

PairText = tuple[str, str]
BACKENDS = ("auto", "torch", COMPILED_BACKEND, "onnx")


@dataclasses.dataclass(frozen=True)
class Encoded:
    """One tokenized pair (premise, hypothesis) ready for batching."""

    input_ids: list[int]
    token_type_ids: list[int] | None

    def __len__(self) -> int:
        return len(self.input_ids)


@dataclasses.dataclass(frozen=True)
class Batch:
    """Indices into the encoded list, and the padded width they share."""

    indices: tuple[int, ...]
    width: int


def plan_batches(lengths: Sequence[int], *, max_tokens: int, max_rows: int, pad_multiple: int = 1) -> list[Batch]:
    """Sort by length and cut batches so that rows x padded width <= max_tokens.

    With ``pad_multiple`` > 1 widths are rounded up to a multiple of it, so batches repeat a few shapes and
    kernels built for a shape (oneDNN's bf16/AMX primitives, GPU kernels) are reused.
    """
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[Batch] = []
    current: list[int] = []
    width = 0
    step = max(1, pad_multiple)
    for i in order:
        w = max(width, -(-lengths[i] // step) * step)
        if current and (w * (len(current) + 1) > max_tokens or len(current) >= max_rows):
            batches.append(Batch(tuple(current), width))
            current, w = [], -(-lengths[i] // step) * step
        current.append(i)
        width = w
    if current:
        batches.append(Batch(tuple(current), width))
    # Longest batches first: a memory problem shows up at once, not at the end.
    batches.reverse()
    return batches


def choose_device(requested: str) -> str:
    """``auto`` is the first CUDA device when torch sees one, else the CPU."""
    import torch

    if requested != "auto":
        return requested
    if torch.cuda.is_available():
        return "cuda"
    return "cpu"


def choose_precision(requested: str, device: str, *, fast_path: FastPathRecord | None = None,
                     backend: str = "auto") -> str:
    """``auto``: bf16 (fp16 where bf16 is unsupported) on a GPU; on the CPU the measured fast path, else fp32.

    With a backend forced, ``auto`` is the fastest path of that backend that meets the record's bar.
    """
    if requested != "auto":
        return requested
    if device.startswith("cuda"):
        import torch

        return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    if fast_path is None:
        return "fp32"
    if backend == "auto":
        return fast_path.precision
    passing = [p for p in fast_path.paths if p.backend == backend and p.label_agreement >= fast_path.bar]
    return max(passing, key=operator.attrgetter("pairs_per_s")).precision if passing else "fp32"


def choose_backend(requested: str, *, precision: str, device: str, fast_path: FastPathRecord | None = None,
                   onnx_ok: bool = True) -> str:
    """``torch``, ``torch-compile`` or ``onnx``; ``auto`` takes the fastest one measured for this precision."""
    if requested not in BACKENDS:
        raise ConfigError(f"nli.backend must be {', '.join(BACKENDS)}, not {requested!r}")
    if requested == "onnx":
        if device != "cpu":
            raise ConfigError("nli.backend = onnx runs on the CPU only; use torch on a GPU")
        if precision not in ONNX_PRECISIONS:
            raise ConfigError(f"nli.backend = onnx runs {' or '.join(ONNX_PRECISIONS)}, not {precision}")
        return "onnx"
    if requested == COMPILED_BACKEND and precision == "int8":
        raise ConfigError(f"nli.backend = {COMPILED_BACKEND} runs fp32, bf16 or fp16, not int8")
    if requested != "auto":
        return requested
    if device != "cpu" or fast_path is None:
        return "torch"
    measured = [p for p in fast_path.paths if p.precision == precision]
    passing = [p for p in measured if p.label_agreement >= fast_path.bar] or measured
    if not passing:
        return "torch"
    best = max(passing, key=operator.attrgetter("pairs_per_s")).backend
    if best == "onnx" and not onnx_ok:
        log.info("onnxruntime is not installed; the NLI model runs on torch (pip install 'factcheck[bench]')")
        others = [p for p in passing if p.backend != "onnx"]
        return max(others, key=operator.attrgetter("pairs_per_s")).backend if others else "torch"
    return best


def _cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


def _local_dir(ref: ModelRef) -> Path | None:
    path = Path(ref.path)
    return path if path.is_dir() else None


class NLIEngine:
    """Scores premise/hypothesis pairs with any sequence-classification NLI model."""

    def __init__(self, config: NLIModelConfig, *, ref: ModelRef | None = None) -> None:
        self.config = config
        self.ref = ref or resolve_nli_ref(config.model, config.revision)
        self.device = choose_device(config.device)
        if self.device.startswith("cuda") and not _cuda_available():
            raise ConfigError(f"nli.device = {self.device}, but torch sees no CUDA GPU; use auto or cpu")
        local = _local_dir(self.ref)
        wants_record = "auto" in {config.precision, config.backend}
        fast = applicable_record(local) if wants_record and self.device == "cpu" and local is not None else None
        self.precision = choose_precision(config.precision, self.device, fast_path=fast, backend=config.backend)
        self.backend = choose_backend(config.backend, precision=self.precision, device=self.device,
                                      fast_path=fast, onnx_ok=onnx_available())
        self.threads = config.threads or max(1, len(os.sched_getaffinity(0)))
        if self.device == "cpu":
            set_cpu_threads(self.threads)
        self.model: Any = None
        self.tokenizer: Any = None
        self.labels: dict[int, str] = {}
        self._run: Callable[[dict[str, np.ndarray]], np.ndarray] = (
            self._prepare_onnx() if self.backend == "onnx" else self._prepare_torch()
        )
        on_gpu = self.device.startswith("cuda")
        self.max_tokens = config.max_tokens_per_batch_gpu if on_gpu else config.max_tokens_per_batch
        self.max_rows = config.max_batch_rows_gpu if on_gpu else config.max_batch_rows
        # Rounded widths let torch reuse oneDNN primitives and GPU kernels built per shape; ONNX Runtime's MLAS
        # kernels are shape-agnostic, so there padding would only add work.
        self.pad_multiple = 1 if self.backend == "onnx" else config.pad_multiple
        # fp32 keeps the historical key; other precisions give other probabilities, so they get their own.
        key = f"{self.ref.id}@{self.ref.revision}" + ("" if self.precision == "fp32" else f":{self.precision}")
        self.cache = NLICache(config.cache_path, model_key=key) if config.cache_path else None
        self.pad_id = self.tokenizer.pad_token_id or 0
        self.stats = {"pairs": 0, "unique": 0, "cached": 0, "forward_rows": 0, "batches": 0}

    @property
    def model_info(self) -> dict[str, str]:
        return {"id": self.ref.id, "revision": self.ref.revision, "precision": self.precision, "device": self.device,
                "backend": self.backend}

    def _prepare_torch(self) -> TorchRunner:
        self.tokenizer, model, self.labels = load_nli(self.ref)
        compiled = self.backend == COMPILED_BACKEND
        runner = TorchRunner(model, device=self.device, precision=self.precision,
                             attn_implementation=self.config.attn_implementation,
                             compile_after_rows=self.config.compile_after_rows if compiled else None)
        self.model = runner.model
        return runner

    def _prepare_onnx(self) -> OnnxRunner:
        if not onnx_available():
            raise ConfigError("nli.backend = onnx needs onnxruntime, onnx and onnxscript (pip install 'factcheck[bench]')")
        local = _local_dir(self.ref)
        digest = weights_digest(local) if local is not None else hashlib.sha256(
            f"{self.ref.id}@{self.ref.revision}".encode()).hexdigest()
        cache_dir = Path(self.config.onnx_dir) if self.config.onnx_dir else default_onnx_dir()
        path = cached_onnx(digest=digest, precision=self.precision, cache_dir=cache_dir)
        if path is None:
            self.tokenizer, model, self.labels = load_nli(self.ref)
            path = ensure_onnx(model, self.tokenizer, digest=digest, precision=self.precision, cache_dir=cache_dir)
        else:
            # Exported before: the torch weights need not be loaded at all.
            self.tokenizer, self.labels = load_tokenizer_and_labels(self.ref)
        return OnnxRunner(path, threads=self.threads, memory_arena=self.config.onnx_memory_arena)

    # -- preprocess ---------------------------------------------------------
    def preprocess(self, pairs: Sequence[PairText]) -> list[Encoded]:
        """Tokenize all pairs in one call of the fast tokenizer, without padding (padding is per batch)."""
        if not pairs:
            return []
        enc = self.tokenizer(
            [p for p, _ in pairs],
            [h for _, h in pairs],
            truncation=True,
            max_length=self.config.max_length,
            padding=False,
        )
        types = enc.get("token_type_ids")
        return [Encoded(ids, types[i] if types is not None else None) for i, ids in enumerate(enc["input_ids"])]

    def collate(self, encoded: Sequence[Encoded], batch: Batch) -> dict[str, np.ndarray]:
        """Pad one batch into int64 arrays (plain numpy; torch is only in _forward)."""
        rows = len(batch.indices)
        ids = np.full((rows, batch.width), self.pad_id, dtype=np.int64)
        mask = np.zeros((rows, batch.width), dtype=np.int64)
        types = None
        if encoded[batch.indices[0]].token_type_ids is not None:
            types = np.zeros((rows, batch.width), dtype=np.int64)
        for r, i in enumerate(batch.indices):
            e = encoded[i]
            n = len(e)
            ids[r, :n] = e.input_ids
            mask[r, :n] = 1
            if types is not None and e.token_type_ids is not None:
                types[r, :n] = e.token_type_ids
        out = {"input_ids": ids, "attention_mask": mask}
        if types is not None:
            out["token_type_ids"] = types
        return out

    # -- forward ------------------------------------------------------------
    def _forward(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        """Run the model on one padded batch (torch or ONNX Runtime); returns float32 probabilities."""
        return self._run(arrays)

    # -- postprocess --------------------------------------------------------
    def postprocess(self, probs: np.ndarray) -> list[NLIResult]:
        """Label each row through the model's id2label."""
        return [NLIResult({self.labels[j]: float(row[j]) for j in self.labels}) for row in probs.tolist()]

    # -- public -------------------------------------------------------------
    def iter_batches(self, encoded: Sequence[Encoded]) -> Iterator[tuple[Batch, np.ndarray]]:
        lengths = [len(e) for e in encoded]
        for batch in plan_batches(lengths, max_tokens=self.max_tokens, max_rows=self.max_rows,
                                  pad_multiple=self.pad_multiple):
            self.stats["batches"] += 1
            self.stats["forward_rows"] += len(batch.indices)
            yield batch, self._forward(self.collate(encoded, batch))

    def score(self, pairs: Sequence[PairText]) -> list[NLIResult]:
        """Probabilities for each pair, in input order; each distinct pair is scored once."""
        self.stats["pairs"] += len(pairs)
        unique: dict[PairText, int] = {}
        for p in pairs:
            unique.setdefault(p, len(unique))
        texts = list(unique)
        self.stats["unique"] += len(texts)
        results: list[NLIResult | None] = [None] * len(texts)
        if self.cache is not None:
            for i, hit in enumerate(self.cache.get_many(texts)):
                results[i] = hit
            self.stats["cached"] += sum(r is not None for r in results)
        todo = [i for i, r in enumerate(results) if r is None]
        encoded = self.preprocess([texts[i] for i in todo])
        fresh: list[tuple[PairText, NLIResult]] = []
        for batch, probs in self.iter_batches(encoded):
            for row_idx, res in zip(batch.indices, self.postprocess(probs), strict=True):
                results[todo[row_idx]] = res
                fresh.append((texts[todo[row_idx]], res))
        if self.cache is not None and fresh:
            self.cache.put_many(fresh)
        return [results[unique[p]] for p in pairs]  # type: ignore[misc]
