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


def test_a_lead_within_the_noise_does_not_replace_the_shipped_one(make_tiny_model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"premise": "A man sleeps.", "hypothesis": "A man is asleep.", "label": "entailment",
                               "source": "toy"}) + "\n", encoding="utf-8")
    shipped = tmp_path / "shipped"
    shutil.copytree(make_tiny_model(LABELS, favour=0, name="first"), shipped)
    same = make_tiny_model(LABELS, favour=0, name="second")  # the same accuracy (1.0): no lead at all
    assert not promote(same, dev_file=dev, dest=shipped).promoted
    assert promote(same, dev_file=dev, dest=shipped, min_gain=0.0).promoted
