"""Batched NLI inference: token-budget batches, dedup, cache, CPU and GPU paths.

The work is split the way transformers pipelines split it:
``preprocess`` (text to token ids, pure), ``_forward`` (the only code that
touches torch and the device) and ``postprocess`` (logits to labelled
probabilities through the model's ``id2label``).
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from factcheck.config import NLIModelConfig
from factcheck.nli.cache import NLICache
from factcheck.nli.loading import ModelRef, load_nli, resolve_nli_ref
from factcheck.records import NLIResult

log = logging.getLogger(__name__)

PairText = tuple[str, str]


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


def plan_batches(lengths: Sequence[int], *, max_tokens: int, max_rows: int) -> list[Batch]:
    """Sort by length and cut batches so that rows x padded width <= max_tokens."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[Batch] = []
    current: list[int] = []
    width = 0
    for i in order:
        w = max(width, lengths[i])
        if current and (w * (len(current) + 1) > max_tokens or len(current) >= max_rows):
            batches.append(Batch(tuple(current), width))
            current, w = [], lengths[i]
        current.append(i)
        width = w
    if current:
        batches.append(Batch(tuple(current), width))
    # Longest batches first: a memory problem shows up at once, not at the end.
    batches.reverse()
    return batches


def choose_device(requested: str) -> str:
    import torch

    if requested != "auto":
        return requested
    if torch.cuda.is_available():
        return "cuda"
    return "cpu"


def choose_precision(requested: str, device: str) -> str:
    if requested != "auto":
        return requested
    if device.startswith("cuda"):
        import torch

        return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    return "fp32"


class NLIEngine:
    """Scores premise/hypothesis pairs with any sequence-classification NLI model."""

    def __init__(self, config: NLIModelConfig, *, ref: ModelRef | None = None) -> None:
        import torch

        self.config = config
        self.ref = ref or resolve_nli_ref(config.model, config.revision)
        self.tokenizer, model, self.labels = load_nli(self.ref)
        self.device = choose_device(config.device)
        self.precision = choose_precision(config.precision, self.device)
        if self.device == "cpu":
            torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
        self.model = self._prepare(model)
        self.max_tokens = config.max_tokens_per_batch_gpu if self.device.startswith("cuda") else config.max_tokens_per_batch
        self.cache = NLICache(config.cache_path, model_key=f"{self.ref.id}@{self.ref.revision}") if config.cache_path else None
        self.pad_id = self.tokenizer.pad_token_id or 0
        self.stats = {"pairs": 0, "unique": 0, "cached": 0, "forward_rows": 0, "batches": 0}

    @property
    def model_info(self) -> dict[str, str]:
        return {"id": self.ref.id, "revision": self.ref.revision, "precision": self.precision, "device": self.device}

    def _prepare(self, model: Any) -> Any:
        import torch

        if self.precision == "int8":
            if self.device != "cpu":
                raise ValueError("int8 dynamic quantization runs on the CPU only")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        elif self.precision in {"fp16", "bf16"}:
            model = model.to(dtype=torch.float16 if self.precision == "fp16" else torch.bfloat16)
        model = model.to(self.device)
        model.eval()
        return model

    # -- preprocess ---------------------------------------------------------
    def preprocess(self, pairs: Sequence[PairText]) -> list[Encoded]:
        """Tokenize pairs without padding (padding is per batch)."""
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
        """Run the model on one padded batch; returns float32 probabilities."""
        import torch

        on_gpu = self.device.startswith("cuda")
        with torch.inference_mode():
            inputs = {}
            for k, v in arrays.items():
                t = torch.from_numpy(v)
                if on_gpu:
                    t = t.pin_memory().to(self.device, non_blocking=True)
                inputs[k] = t
            logits = self.model(**inputs).logits
            return torch.softmax(logits.float(), dim=-1).cpu().numpy()

    # -- postprocess --------------------------------------------------------
    def postprocess(self, probs: np.ndarray) -> list[NLIResult]:
        """Label each row through the model's id2label."""
        return [NLIResult({self.labels[j]: float(row[j]) for j in self.labels}) for row in probs]

    # -- public -------------------------------------------------------------
    def iter_batches(self, encoded: Sequence[Encoded]) -> Iterator[tuple[Batch, np.ndarray]]:
        lengths = [len(e) for e in encoded]
        for batch in plan_batches(lengths, max_tokens=self.max_tokens, max_rows=self.config.max_batch_rows):
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
