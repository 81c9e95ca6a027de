from __future__ import annotations

import json
import shutil
from pathlib import Path

from factcheck.nli.promote import promote

LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}


def test_only_a_better_model_replaces_the_shipped_one(make_tiny_model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dev = tmp_path / "dev.jsonl"
    rows = [("A man sleeps.", "A man is asleep.", "entailment")] * 4 + [("A man sleeps.", "He runs.", "contradiction")]
    dev.write_text("".join(json.dumps({"premise": p, "hypothesis": h, "label": lab, "source": "toy"}) + "\n"
                           for p, h, lab in rows), encoding="utf-8")
    good = make_tiny_model(LABELS, favour=0, name="good")  # always entailment: 0.8
    bad = make_tiny_model(LABELS, favour=2, name="bad")  # always contradiction: 0.2
    shipped = tmp_path / "shipped"
    shutil.copytree(bad, shipped)

    result = promote(good, dev_file=dev, dest=shipped)
    assert result.promoted
    assert (shipped / "model.safetensors").read_bytes() == (good / "model.safetensors").read_bytes()

    result = promote(bad, dev_file=dev, dest=shipped)
    assert not result.promoted
    assert (shipped / "model.safetensors").read_bytes() == (good / "model.safetensors").read_bytes()
