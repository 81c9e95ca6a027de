"""Pair precision on real news: predicted pairs a person has checked by hand.

Corpora such as PolNeAR annotate who said what but no contradictions, so a
run's pairs there can only be judged by reading them. A checked-pairs file
keeps those judgements as character spans, not text (the corpus stays where
it is): for each pair, the article id, the content spans of its two
statements, and a verdict:

- ``right``: two sources dispute the same proposition;
- ``weak``: a reply a reviewer could accept as a rebuttal, though it meets the
  claim only in part;
- ``wrong``: no dispute (agreement, different propositions, one source, or a
  statement that is not one).

A predicted pair is the checked one when each of its statements overlaps
the matching span by at least half of the shorter of the two, in either
order. Pairs no one has checked yet are counted apart, never as right or
wrong, and can be written out for checking (``factcheck eval-pairs --todo``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from factcheck.errors import InputError
from factcheck.evaluation.scoring import CONFLICT_RELATIONS

Verdict = Literal["right", "weak", "wrong"]
VERDICTS: tuple[Verdict, ...] = ("right", "weak", "wrong")
MIN_SPAN_OVERLAP = 0.5

Span = tuple[int, int]


@dataclasses.dataclass(frozen=True)
class CheckedPair:
    article_id: str
    a: Span
    b: Span
    verdict: Verdict
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"article_id": self.article_id, "a": list(self.a), "b": list(self.b),
                               "verdict": self.verdict}
        if self.note:
            out["note"] = self.note
        return out


@dataclasses.dataclass(frozen=True)
class PredictedSpans:
    """One predicted pair as checking sees it: where its statements are, and a line to read."""

    article_id: str
    a: Span
    b: Span
    summary: str
    link: str = ""  # the rule that tied the pair (``Pair.link``), "" in output that predates it


@dataclasses.dataclass(frozen=True)
class CheckedPairsReport:
    predicted: int
    checked: int
    right: int
    weak: int
    wrong: int
    unchecked: tuple[PredictedSpans, ...]
    # Pairs checked right (or weak) that the run no longer finds.
    lost: tuple[CheckedPair, ...]
    known_right: int
    # Verdicts of the checked pairs by the rule that tied them: which rules earn their precision.
    by_link: Mapping[str, Mapping[Verdict, int]] = dataclasses.field(default_factory=dict)

    @property
    def strict_precision(self) -> float:
        return self.right / self.checked if self.checked else 0.0

    @property
    def lenient_precision(self) -> float:
        return (self.right + self.weak) / self.checked if self.checked else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"predicted": self.predicted, "checked": self.checked, "unchecked": len(self.unchecked),
                "right": self.right, "weak": self.weak, "wrong": self.wrong,
                "strict_precision": round(self.strict_precision, 4),
                "lenient_precision": round(self.lenient_precision, 4),
                "known_right": self.known_right, "lost": [p.to_json() for p in self.lost],
                "by_link": {link: dict(counts) for link, counts in self.by_link.items()}}


def load_checked(path: str | Path) -> list[CheckedPair]:
    """The pairs of a checked-pairs file (``{"pairs": [...]}``); a clear error names the file and entry."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"cannot read checked pairs: {err}") from err
    items = data.get("pairs") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(str(path), 'expected an object with a "pairs" list')
    return [_checked(item, where=f"{path}: pairs[{i}]") for i, item in enumerate(items)]


def _checked(item: object, *, where: str) -> CheckedPair:
    if not isinstance(item, dict):
        raise InputError(where, "expected an object")
    verdict = item.get("verdict")
    if verdict not in VERDICTS:
        raise InputError(where, f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    return CheckedPair(article_id=str(item.get("article_id", "")), a=_span(item.get("a"), where=f"{where}.a"),
                       b=_span(item.get("b"), where=f"{where}.b"), verdict=verdict, note=str(item.get("note", "")))


def _span(value: object, *, where: str) -> Span:
    if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) for v in value)
            or not 0 <= value[0] < value[1]):
        raise InputError(where, f"expected [start, end] character offsets, not {value!r}")
    return value[0], value[1]


def predicted_spans(records: Iterable[Mapping[str, Any]]) -> list[PredictedSpans]:
    """The contradiction and rebuttal pairs of ``factcheck run`` output records."""
    out: list[PredictedSpans] = []
    for rec in records:
        statements = {s["id"]: s for s in rec.get("statements", [])}
        for pair in rec.get("pairs", []):
            if pair.get("relation") not in CONFLICT_RELATIONS:
                continue
            a, b = statements[pair["a"]], statements[pair["b"]]
            summary = (f"[{a['speaker']}] {a['content'][:80]} <> [{b['speaker']}] {b['content'][:80]}"
                       f" ({pair.get('reason', pair['relation'])})")
            out.append(PredictedSpans(str(rec["article_id"]), (a["start"], a["end"]), (b["start"], b["end"]),
                                      summary, link=str(pair.get("link", ""))))
    return out


def spans_match(x: Span, y: Span) -> bool:
    overlap = min(x[1], y[1]) - max(x[0], y[0])
    return overlap > 0 and overlap >= MIN_SPAN_OVERLAP * min(x[1] - x[0], y[1] - y[0])


def same_pair(predicted: PredictedSpans, checked: CheckedPair) -> bool:
    if predicted.article_id != checked.article_id:
        return False
    return (spans_match(predicted.a, checked.a) and spans_match(predicted.b, checked.b)) or (
        spans_match(predicted.a, checked.b) and spans_match(predicted.b, checked.a))


def score_checked(checked: Sequence[CheckedPair], predicted: Sequence[PredictedSpans],
                  *, articles: Iterable[str] | None = None) -> CheckedPairsReport:
    """Precision of ``predicted`` over the pairs someone checked. With ``articles``, checked pairs of other
    articles are left out (a run over part of the corpus)."""
    scope = set(articles) if articles is not None else None
    in_scope = [c for c in checked if scope is None or c.article_id in scope]
    by_link: dict[str, dict[Verdict, int]] = {}
    unchecked: list[PredictedSpans] = []
    found: set[int] = set()
    for p in predicted:
        hit = next((i for i, c in enumerate(in_scope) if same_pair(p, c)), None)
        if hit is None:
            unchecked.append(p)
            continue
        found.add(hit)
        by_link.setdefault(p.link or "?", dict.fromkeys(VERDICTS, 0))[in_scope[hit].verdict] += 1
    counts = {v: sum(c[v] for c in by_link.values()) for v in VERDICTS}
    known = [i for i, c in enumerate(in_scope) if c.verdict != "wrong"]
    lost = tuple(in_scope[i] for i in known if i not in found)
    return CheckedPairsReport(predicted=len(predicted), checked=len(predicted) - len(unchecked),
                              right=counts["right"], weak=counts["weak"], wrong=counts["wrong"],
                              unchecked=tuple(unchecked), lost=lost, known_right=len(known),
                              by_link=dict(sorted(by_link.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))))


def todo_records(unchecked: Sequence[PredictedSpans]) -> list[dict[str, Any]]:
    """Unchecked pairs in the file's layout, verdict to fill in, with a line to read them by."""
    return [{"article_id": p.article_id, "a": list(p.a), "b": list(p.b), "verdict": "", "note": p.summary}
            for p in unchecked]


def format_checked(report: CheckedPairsReport, *, details: bool = False) -> str:
    lines = [
        f"pairs predicted     {report.predicted}  checked {report.checked}  unchecked {len(report.unchecked)}",
        f"  right {report.right}  weak {report.weak}  wrong {report.wrong}",
        f"  precision {report.strict_precision:.3f} (right)  {report.lenient_precision:.3f} (right or weak)",
        f"checked right/weak  {report.known_right - len(report.lost)}/{report.known_right} still found",
    ]
    if report.by_link:
        lines.append("by link               checked  right  weak  wrong  precision")
        for link, c in report.by_link.items():
            n = sum(c.values())
            lines.append(f"  {link:<20}{n:>7}{c['right']:>7}{c['weak']:>6}{c['wrong']:>7}"
                         f"  {c['right'] / n:.3f} / {(c['right'] + c['weak']) / n:.3f}")
    if details:
        lines += [f"  lost      {c.article_id} {list(c.a)} {list(c.b)} ({c.verdict})" for c in report.lost]
        lines += [f"  unchecked {p.article_id} {p.summary}" for p in report.unchecked]
    return "\n".join(lines)
