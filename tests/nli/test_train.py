"""Training runs, checkpoints and resumes (a few steps on a tiny file)."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.config import NLITrainConfig
from factcheck.nli.labels import NLI_LABELS
from factcheck.nli.train import bucketed_batches, train_nli

ROWS = [
    ("A man is sleeping.", "A man is asleep.", "entailment"),
    ("A man is sleeping.", "A man is running a race.", "contradiction"),
    ("A woman reads a book.", "The book is about birds.", "neutral"),
    ("Two dogs play in the snow.", "Animals are outside.", "entailment"),
    ("Two dogs play in the snow.", "The dogs are asleep indoors.", "contradiction"),
    ("A child eats an apple.", "The child is hungry.", "neutral"),
]


def write_rows(path: Path, source: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for p, h, label in ROWS * 3:
            fh.write(json.dumps({"premise": p, "hypothesis": h, "label": label, "source": source}) + "\n")


def test_bucketed_batches_cover_all_rows_once() -> None:
    import random

    lengths = [random.Random(i).randint(3, 60) for i in range(103)]
    batches = bucketed_batches(lengths, 8, 4, random.Random(0))
    assert sorted(i for b in batches for i in b) == list(range(103))
    assert batches == bucketed_batches(lengths, 8, 4, random.Random(0))


def test_train_checkpoint_and_resume(tmp_path: Path) -> None:
    train, dev = tmp_path / "train.jsonl", tmp_path / "dev.jsonl"
    write_rows(train, "toy_train")
    write_rows(dev, "toy_dev")
    cfg = NLITrainConfig(train_file=str(train), dev_file=str(dev), output_dir=str(tmp_path / "run"), epochs=2,
                         batch_size=4, checkpoint_every=2, max_steps=3)
    reports = list(train_nli(cfg))
    assert reports[-1].steps == 3
    assert set(reports[-1].dev_accuracy) == {"toy_dev", "all"}
    assert sorted(p.name for p in (tmp_path / "run").glob("checkpoint-*")) == ["checkpoint-3"]
    best = tmp_path / "run" / "best"
    config = json.loads((best / "config.json").read_text())
    assert [config["id2label"][str(i)] for i in range(3)] == list(NLI_LABELS)
    assert (best / "model.safetensors").stat().st_size < 50_000_000

    resumed = list(train_nli(NLITrainConfig(**{**cfg.__dict__, "max_steps": 5})))
    assert resumed[0].steps == 5  # continued from step 3, not from zero
