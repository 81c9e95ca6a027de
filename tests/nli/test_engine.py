from __future__ import annotations

import random

import pytest

from factcheck.config import NLIModelConfig
from factcheck.nli.engine import NLIEngine, choose_device, choose_precision, plan_batches


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_batches_cover_every_pair_once_within_the_token_budget(seed: int) -> None:
    rng = random.Random(seed)
    lengths = [rng.randint(5, 200) for _ in range(500)]
    batches = plan_batches(lengths, max_tokens=2048, max_rows=64)
    seen = sorted(i for b in batches for i in b.indices)
    assert seen == list(range(500))
    for b in batches:
        assert b.width == max(lengths[i] for i in b.indices)
        assert b.width * len(b.indices) <= 2048 or len(b.indices) == 1
        assert len(b.indices) <= 64


def test_batches_are_length_sorted() -> None:
    lengths = [50, 10, 30, 10, 50, 30]
    batches = plan_batches(lengths, max_tokens=60, max_rows=8)
    widths = [b.width for b in batches]
    assert widths == sorted(widths, reverse=True)
    assert all(len({lengths[i] for i in b.indices}) == 1 for b in batches)


def test_device_and_precision_choice_without_a_gpu() -> None:
    import torch

    if torch.cuda.is_available():
        pytest.fail("this test describes the CPU-only machine; run it where no GPU is visible")
    assert choose_device("auto") == "cpu"
    assert choose_device("cuda") == "cuda"
    assert choose_precision("auto", "cpu") == "fp32"
    assert choose_precision("int8", "cpu") == "int8"


@pytest.fixture()
def tiny_engine(make_tiny_model, tmp_path):  # type: ignore[no-untyped-def]
    path = make_tiny_model({0: "entailment", 1: "neutral", 2: "contradiction"})
    # Random weights everywhere but the head, so outputs differ per input.
    import torch
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(path)
    with torch.no_grad():
        torch.manual_seed(1)
        model.classifier.weight.normal_(0, 1.0)
    model.save_pretrained(path)
    cfg = NLIModelConfig(model=str(path), precision="fp32", max_tokens_per_batch=256, cache_path=str(tmp_path / "c.db"))
    return NLIEngine(cfg)


PAIRS = [("A dog runs in the park.", "An animal is outside."), ("It rains.", "The sun shines brightly today."),
         ("Prices rose by ten percent over the last year in most regions.", "Prices fell."),
         ("A dog runs in the park.", "An animal is outside.")]


def test_order_is_restored_and_duplicates_scored_once(tiny_engine) -> None:  # type: ignore[no-untyped-def]
    batched = tiny_engine.score(PAIRS)
    one_by_one = [tiny_engine.score([p])[0] for p in PAIRS[:3]]
    for got, want in zip(batched[:3], one_by_one, strict=True):
        for label in want.probs:
            assert got.probs[label] == pytest.approx(want.probs[label], abs=1e-5)
    assert batched[0] == batched[3]
    assert tiny_engine.stats["unique"] == 3 + 3


def test_cache_makes_a_rerun_skip_the_model(tiny_engine) -> None:  # type: ignore[no-untyped-def]
    first = tiny_engine.score(PAIRS)
    rows_before = tiny_engine.stats["forward_rows"]
    again = tiny_engine.score(PAIRS)
    assert tiny_engine.stats["forward_rows"] == rows_before
    for got, want in zip(again, first, strict=True):
        assert got.label == want.label
        for label, prob in want.probs.items():
            assert got.probs[label] == pytest.approx(prob, abs=1e-9)
    assert tiny_engine.stats["cached"] == 3


def test_int8_path_runs_on_cpu(make_tiny_model) -> None:  # type: ignore[no-untyped-def]
    path = make_tiny_model({0: "entailment", 1: "neutral", 2: "contradiction"}, favour=2)
    engine = NLIEngine(NLIModelConfig(model=str(path), precision="int8"))
    (res,) = engine.score([("A", "B")])
    assert res.label == "contradiction"
    assert engine.model_info["precision"] == "int8"
