"""The contenders the engine is measured against, each scoring pairs into probabilities.

Every scorer returns a float array of shape (pairs, 3) with columns in
``NLI_LABELS`` order (entailment, neutral, contradiction), whatever order the
model's ``id2label`` uses. Peers load the same weights in float32: the shipped
model is stored in fp16, and both peers would otherwise compute in fp16.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from factcheck.nli.labels import NLI_LABELS, canonical_label_map

PairText = tuple[str, str]


class Scorer(Protocol):
    name: str

    def __call__(self, pairs: Sequence[PairText]) -> np.ndarray: ...


def _columns(id2label: dict[Any, str], *, model_id: str) -> list[int]:
    """Model output index of each of ``NLI_LABELS``."""
    labels = canonical_label_map(id2label, model_id=model_id)
    by_name = {name: idx for idx, name in labels.items()}
    return [by_name[name] for name in NLI_LABELS]


class EngineScorer:
    """factcheck's ``NLIEngine`` with a given backend and precision."""

    def __init__(self, model: str, *, backend: str, precision: str, threads: int, onnx_dir: str | None = None) -> None:
        from factcheck.config import NLIModelConfig
        from factcheck.nli.engine import NLIEngine

        # A compiled path compiles in the warm-up: the bench measures every contender's steady state.
        self.engine = NLIEngine(NLIModelConfig(model=model, backend=backend, precision=precision, threads=threads,
                                               onnx_dir=onnx_dir, compile_after_rows=0))
        self.name = f"factcheck {self.engine.precision} ({self.engine.backend})"

    def __call__(self, pairs: Sequence[PairText]) -> np.ndarray:
        results = self.engine.score(pairs)
        return np.array([[r.probs[name] for name in NLI_LABELS] for r in results], dtype=np.float32)


class HFPipelineScorer:
    """transformers ``pipeline("text-classification")`` fed text/text_pair dicts, all labels returned."""

    def __init__(self, model: str, *, batch_size: int) -> None:
        import torch
        from transformers import pipeline

        self.pipe = pipeline("text-classification", model=model, device="cpu", dtype=torch.float32)
        self.batch_size = batch_size
        id2label = self.pipe.model.config.id2label
        # The pipeline names classes by id2label; map those names to the canonical ones.
        self.canonical = {id2label[i]: name for i, name in canonical_label_map(id2label, model_id=model).items()}
        self.name = f"transformers pipeline (batch {batch_size})"

    def __call__(self, pairs: Sequence[PairText]) -> np.ndarray:
        inputs = [{"text": p, "text_pair": h} for p, h in pairs]
        out = self.pipe(inputs, batch_size=self.batch_size, top_k=None)
        index = {name: i for i, name in enumerate(NLI_LABELS)}
        probs = np.zeros((len(pairs), len(NLI_LABELS)), dtype=np.float32)
        for row, scores in enumerate(out):
            for item in scores:
                probs[row, index[self.canonical[item["label"]]]] = item["score"]
        return probs


class CrossEncoderScorer:
    """sentence-transformers ``CrossEncoder.predict`` with softmax over the logits."""

    def __init__(self, model: str, *, batch_size: int) -> None:
        import torch
        from sentence_transformers import CrossEncoder

        self.encoder = CrossEncoder(model, device="cpu", model_kwargs={"dtype": torch.float32})
        self.batch_size = batch_size
        self.columns = _columns(self.encoder.model.config.id2label, model_id=model)
        self.name = f"sentence-transformers CrossEncoder (batch {batch_size})"

    def __call__(self, pairs: Sequence[PairText]) -> np.ndarray:
        probs = self.encoder.predict(list(pairs), batch_size=self.batch_size, apply_softmax=True,
                                     show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(probs, dtype=np.float32)[:, self.columns]
