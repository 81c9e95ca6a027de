"""Accuracy of any NLI model on a labelled JSONL file, per class and per source."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.nli.engine import NLIEngine
from factcheck.nli.labels import NLI_LABELS


@dataclasses.dataclass(frozen=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclasses.dataclass(frozen=True)
class NLIEvalReport:
    model: dict[str, str]
    examples: int
    accuracy: float
    per_class: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    per_source: dict[str, float]
    source_sizes: dict[str, int]
    predictions: tuple[str, ...] = ()


def read_nli_rows(path: str | Path, *, limit: int | None = None) -> list[dict[str, str]]:
    """Rows with premise, hypothesis, label (and optional source), read with `datasets`."""
    from datasets import load_dataset

    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "no such file")
    try:
        ds = load_dataset("json", data_files=str(p), split="train")
    except Exception as err:  # datasets raises many types for a bad file
        raise InputError(str(p), f"cannot read as JSONL: {type(err).__name__}") from err
    missing = {"premise", "hypothesis", "label"} - set(ds.column_names)
    if missing:
        raise InputError(str(p), f"missing field(s) {', '.join(sorted(missing))}")
    if limit:
        ds = ds.select(range(min(limit, len(ds))))
    has_source = "source" in ds.column_names
    return [
        {"premise": r["premise"], "hypothesis": r["hypothesis"], "label": str(r["label"]).lower(),
         "source": r["source"] if has_source else ""}
        for r in ds
    ]


def score_predictions(gold: Sequence[str], pred: Sequence[str], sources: Sequence[str]) -> tuple[
        float, dict[str, ClassScores], dict[str, dict[str, int]], dict[str, float], dict[str, int]]:
    confusion = {g: {p: 0 for p in NLI_LABELS} for g in NLI_LABELS}
    for g, p in zip(gold, pred, strict=True):
        if g in confusion:
            confusion[g][p] += 1
    per_class = {}
    for label in NLI_LABELS:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in NLI_LABELS)
        support = sum(confusion[label].values())
        prec = tp / predicted if predicted else 0.0
        rec = tp / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[label] = ClassScores(round(prec, 4), round(rec, 4), round(f1, 4), support)
    hits: dict[str, list[int]] = {}
    for g, p, s in zip(gold, pred, sources, strict=True):
        if s:
            hits.setdefault(s, []).append(int(g == p))
    per_source = {s: round(sum(h) / len(h), 4) for s, h in sorted(hits.items())}
    sizes = {s: len(h) for s, h in sorted(hits.items())}
    accuracy = sum(int(g == p) for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    return round(accuracy, 4), per_class, confusion, per_source, sizes


def evaluate_nli(engine: NLIEngine, path: str | Path, *, limit: int | None = None) -> NLIEvalReport:
    rows = read_nli_rows(path, limit=limit)
    results = engine.score([(r["premise"], r["hypothesis"]) for r in rows])
    pred = [r.label for r in results]
    gold = [r["label"] for r in rows]
    acc, per_class, confusion, per_source, sizes = score_predictions(gold, pred, [r["source"] for r in rows])
    return NLIEvalReport(engine.model_info, len(rows), acc, per_class, confusion, per_source, sizes, tuple(pred))


def format_nli_report(report: NLIEvalReport) -> str:
    lines = [f"model: {report.model.get('id')} @ {report.model.get('revision')} "
             f"({report.model.get('precision')}, {report.model.get('device')})",
             f"examples: {report.examples}  accuracy: {report.accuracy:.4f}", "",
             f"{'class':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for label, s in report.per_class.items():
        lines.append(f"{label:<14}{s.precision:>10.4f}{s.recall:>10.4f}{s.f1:>10.4f}{s.support:>10}")
    lines += ["", "confusion (rows gold, columns predicted):",
              " " * 14 + "".join(f"{p[:12]:>14}" for p in NLI_LABELS)]
    for g in NLI_LABELS:
        lines.append(f"{g:<14}" + "".join(f"{report.confusion[g][p]:>14}" for p in NLI_LABELS))
    if report.per_source:
        lines += ["", f"{'source':<22}{'accuracy':>10}{'n':>8}"]
        for s, acc in report.per_source.items():
            lines.append(f"{s:<22}{acc:>10.4f}{report.source_sizes[s]:>8}")
    return "\n".join(lines)


def report_json(report: NLIEvalReport) -> str:
    data = dataclasses.asdict(report)
    data.pop("predictions")
    return json.dumps(data, indent=2)
