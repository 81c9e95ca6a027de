"""Fine-tune a packaged encoder into the embedded NLI model.

Fixed seed, length-bucketed batches, checkpoints with resume, dev accuracy per
source after each epoch; the best epoch is exported in shipping form (fp16
safetensors, tokenizer, ``id2label``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from factcheck.config import NLITrainConfig
from factcheck.nli.labels import NLI_LABELS
from factcheck.nli.loading import resolve_encoder_path

log = logging.getLogger(__name__)

@dataclasses.dataclass(frozen=True)
class TrainProgress:
    epoch: int
    epochs: int
    step: int
    total_steps: int
    loss: float


ProgressFn = Callable[[TrainProgress], None]


@dataclasses.dataclass(frozen=True)
class EpochReport:
    epoch: int
    steps: int
    train_loss: float
    dev_accuracy: dict[str, float]
    seconds: float


def _load_rows(path: str, caps: dict[str, int], seed: int, weights: dict[str, float] | None = None) -> Any:
    """Read NLI rows; cap some sources (subsample) and repeat others (``weights`` > 1 upsamples)."""
    from datasets import load_dataset

    ds = load_dataset("json", data_files=path, split="train")
    ds = ds.filter(lambda label: label in NLI_LABELS, input_columns="label")
    weights = weights or {}
    if not caps and not weights:
        return ds
    rng = random.Random(seed)
    by_source: dict[str, list[int]] = {}
    for i, src in enumerate(ds["source"]):
        by_source.setdefault(src, []).append(i)
    keep: list[int] = []
    for src, idx in sorted(by_source.items()):
        cap = caps.get(src)
        if cap is not None and len(idx) > cap:
            idx = sorted(rng.sample(idx, cap))
        weight = weights.get(src, 1.0)
        whole, part = int(weight), weight - int(weight)
        keep.extend(idx * whole)
        keep.extend(rng.sample(idx, round(part * len(idx))))
    return ds.select(sorted(keep))


def macro_accuracy(dev: dict[str, float]) -> float:
    """Mean of the per-source accuracies: the figure model selection and promotion compare."""
    per_source = [v for k, v in dev.items() if k != "all"]
    return sum(per_source) / len(per_source) if per_source else dev.get("all", 0.0)


def _tokenize(ds: Any, tokenizer: Any, max_length: int) -> Any:
    label2id = {name: i for i, name in enumerate(NLI_LABELS)}

    def encode(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        enc = tokenizer(batch["premise"], batch["hypothesis"], truncation=True, max_length=max_length)
        enc["labels"] = [label2id[x] for x in batch["label"]]
        enc["length"] = [len(x) for x in enc["input_ids"]]
        return enc

    return ds.map(encode, batched=True, batch_size=2000, desc="tokenizing")


def bucketed_batches(lengths: list[int], batch_size: int, bucket_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffle, sort within buckets of ``bucket_size`` batches, shuffle the batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    span = batch_size * bucket_size
    batches: list[list[int]] = []
    for start in range(0, len(order), span):
        chunk = sorted(order[start : start + span], key=lengths.__getitem__)
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def _collate(ds: Any, idx: list[int], pad_id: int) -> dict[str, Any]:
    import torch

    rows = ds[idx]
    width = max(rows["length"])
    out: dict[str, Any] = {}
    for key in ("input_ids", "attention_mask", "token_type_ids"):
        if key not in rows:
            continue
        fill = pad_id if key == "input_ids" else 0
        out[key] = torch.tensor([r + [fill] * (width - len(r)) for r in rows[key]])
    out["labels"] = torch.tensor(rows["labels"])
    return out


def _evaluate(model: Any, ds: Any, pad_id: int, batch_size: int = 128) -> dict[str, float]:
    import torch

    model.eval()
    lengths = ds["length"]
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    preds = [0] * len(order)
    with torch.inference_mode():
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            batch = _collate(ds, idx, pad_id)
            batch.pop("labels")
            logits = model(**batch).logits
            for j, p in zip(idx, logits.argmax(-1).tolist(), strict=True):
                preds[j] = p
    model.train()
    hits: dict[str, list[int]] = {}
    for src, gold, pred in zip(ds["source"], ds["labels"], preds, strict=True):
        hits.setdefault(src, []).append(int(gold == pred))
    report = {src: sum(h) / len(h) for src, h in sorted(hits.items())}
    report["all"] = sum(sum(h) for h in hits.values()) / max(1, len(preds))
    return report


def _latest_checkpoint(out: Path) -> Path | None:
    ckpts = sorted(out.glob("checkpoint-*/state.pt"), key=lambda p: int(p.parent.name.split("-")[1]))
    return ckpts[-1].parent if ckpts else None


def export_for_shipping(model: Any, tokenizer: Any, dest: Path, meta: dict[str, Any]) -> None:
    """Write fp16 safetensors, tokenizer, id2label and training metadata."""
    import copy

    dest.mkdir(parents=True, exist_ok=True)
    shipped = copy.deepcopy(model).half()
    shipped.config.dtype = "float16"
    shipped.save_pretrained(dest, safe_serialization=True)
    tokenizer.save_pretrained(dest)
    (dest / "factcheck_model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def train_nli(cfg: NLITrainConfig, *, resume: bool = True, progress: ProgressFn | None = None) -> Iterator[EpochReport]:
    """Train per ``cfg``; yields one report per finished epoch."""
    import torch
    from torch.nn import functional as F
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    out = Path(cfg.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(dataclasses.asdict(cfg), indent=2), encoding="utf-8")

    base = resolve_encoder_path(cfg.base_model)
    tokenizer = AutoTokenizer.from_pretrained(base)
    id2label = dict(enumerate(NLI_LABELS))
    model = AutoModelForSequenceClassification.from_pretrained(
        base,
        num_labels=len(NLI_LABELS),
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
        use_safetensors=True,
        dtype=torch.float32,  # a shipped fp16 model can be the base of a continued run
    )
    pad_id = tokenizer.pad_token_id
    train_ds = _tokenize(_load_rows(cfg.train_file, cfg.source_caps, cfg.seed, cfg.source_weights), tokenizer, cfg.max_length)
    dev_ds = _tokenize(_load_rows(cfg.dev_file, {}, cfg.seed), tokenizer, cfg.max_length)
    lengths = train_ds["length"]

    steps_per_epoch = math.ceil(len(lengths) / cfg.batch_size)
    total = steps_per_epoch * cfg.epochs
    if cfg.max_steps:
        total = min(total, cfg.max_steps)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": cfg.weight_decay},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optim = torch.optim.AdamW(groups, lr=cfg.learning_rate)
    sched = get_linear_schedule_with_warmup(optim, int(cfg.warmup_ratio * total), total)

    step = 0
    best = -1.0
    history: list[dict[str, Any]] = []
    ckpt = _latest_checkpoint(out) if resume else None
    if ckpt is not None:
        state = torch.load(ckpt / "state.pt", weights_only=False)
        model.load_state_dict(state["model"])
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        step, best, history = state["step"], state["best"], state["history"]
        log.info("resumed from %s at step %d", ckpt, step)

    def save_checkpoint() -> None:
        dest = out / f"checkpoint-{step}"
        dest.mkdir(exist_ok=True)
        state = {"model": model.state_dict(), "optim": optim.state_dict(), "sched": sched.state_dict(),
                 "step": step, "best": best, "history": history}
        torch.save(state, dest / "state.pt.tmp")
        (dest / "state.pt.tmp").replace(dest / "state.pt")
        for old in out.glob("checkpoint-*"):
            if old != dest and (old / "state.pt").exists():
                (old / "state.pt").unlink()
                old.rmdir()

    model.train()
    started = time.monotonic()
    for epoch in range(step // steps_per_epoch, cfg.epochs):
        # Batches are a pure function of seed and epoch, so a resume skips exactly what was done.
        batches = bucketed_batches(lengths, cfg.batch_size, cfg.bucket_size, random.Random(cfg.seed + epoch))
        epoch_start = time.monotonic()
        loss_sum, loss_n = 0.0, 0
        for i in range(step - epoch * steps_per_epoch, len(batches)):
            if cfg.max_steps and step >= cfg.max_steps:
                break
            batch = _collate(train_ds, batches[i], pad_id)
            labels = batch.pop("labels")
            logits = model(**batch).logits
            loss = F.cross_entropy(logits, labels, label_smoothing=cfg.label_smoothing)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad(set_to_none=True)
            step += 1
            loss_sum += loss.item()
            loss_n += 1
            if progress is not None:
                progress(TrainProgress(epoch + 1, cfg.epochs, step, total, loss_sum / loss_n))
            if step % cfg.checkpoint_every == 0:
                save_checkpoint()
        dev = _evaluate(model, dev_ds, pad_id)
        report = EpochReport(epoch + 1, step, loss_sum / max(1, loss_n), dev, time.monotonic() - epoch_start)
        history.append(dataclasses.asdict(report))
        (out / "history.json").write_text(json.dumps(history, indent=2), encoding="utf-8")
        if macro_accuracy(dev) > best:
            best = macro_accuracy(dev)
            meta = {
                "revision": f"{Path(cfg.output_dir).name}-e{epoch + 1}",
                "base_model": cfg.base_model,
                "train_config": dataclasses.asdict(cfg),
                "dev_accuracy": dev,
                "epoch": epoch + 1,
                "train_seconds": time.monotonic() - started,
                "history": history,
            }
            export_for_shipping(model, tokenizer, out / "best", meta)
        save_checkpoint()
        yield report
        if cfg.max_steps and step >= cfg.max_steps:
            break
