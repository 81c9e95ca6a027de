from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.checked_pairs import (
    CheckedPair,
    format_checked,
    load_checked,
    predicted_spans,
    score_checked,
    spans_match,
    todo_records,
)

CHECKED_FILE = Path(__file__).resolve().parents[1] / "data" / "polnear_dev_checked_pairs.json"


def record(article_id: str, spans: list[tuple[int, int]], pairs: list[tuple[int, int, str]]) -> dict:
    statements = [{"id": f"s{i}", "speaker": f"P{i}", "content": f"content {i}", "start": s, "end": e}
                  for i, (s, e) in enumerate(spans)]
    return {"article_id": article_id, "statements": statements,
            "pairs": [{"a": f"s{a}", "b": f"s{b}", "relation": rel, "reason": "test"} for a, b, rel in pairs]}


def test_spans_match_when_they_overlap_by_half_the_shorter() -> None:
    assert spans_match((100, 200), (120, 210))
    assert spans_match((100, 200), (150, 170))
    assert not spans_match((100, 200), (180, 300))
    assert not spans_match((100, 200), (200, 260))


def test_precision_counts_checked_pairs_only() -> None:
    checked = [CheckedPair("x", (0, 50), (100, 150), "right"), CheckedPair("x", (0, 50), (200, 250), "wrong"),
               CheckedPair("x", (300, 350), (400, 450), "weak"), CheckedPair("y", (0, 10), (20, 30), "right")]
    rec = record("x", [(0, 48), (102, 150), (200, 252), (500, 560), (600, 650)],
                 # b-then-a order matches too; a support pair is no prediction; (3, 4) no one has checked.
                 [(1, 0, "rebuttal"), (0, 2, "contradiction"), (3, 4, "contradiction"), (0, 3, "support")])
    report = score_checked(checked, predicted_spans([rec]), articles=["x"])
    assert (report.predicted, report.checked, len(report.unchecked)) == (3, 2, 1)
    assert (report.right, report.weak, report.wrong) == (1, 0, 1)
    assert report.strict_precision == pytest.approx(0.5)
    # The weak pair of article x is lost; article y was not in the run, so its pair is not held against it.
    assert [c.verdict for c in report.lost] == ["weak"]
    assert report.known_right == 2
    (todo,) = todo_records(report.unchecked)
    assert todo["a"] == [500, 560] and todo["verdict"] == ""


def test_verdicts_are_counted_by_the_rule_that_linked_each_pair() -> None:
    checked = [CheckedPair("x", (0, 50), (100, 150), "right"), CheckedPair("x", (0, 50), (200, 250), "wrong"),
               CheckedPair("x", (100, 150), (200, 250), "wrong")]
    rec = record("x", [(0, 50), (100, 150), (200, 250), (300, 350)],
                 [(0, 1, "rebuttal"), (0, 2, "contradiction"), (1, 2, "contradiction"), (2, 3, "contradiction")])
    for pair, link in zip(rec["pairs"], ("back-reference", "accused-responds", "accused-responds", "nli"),
                          strict=True):
        pair["link"] = link
    report = score_checked(checked, predicted_spans([rec]))
    # the unchecked pair counts under no rule; the most frequent rule comes first
    assert report.by_link == {"accused-responds": {"right": 0, "weak": 0, "wrong": 2},
                              "back-reference": {"right": 1, "weak": 0, "wrong": 0}}
    assert "accused-responds" in format_checked(report)
    assert report.to_json()["by_link"]["back-reference"]["right"] == 1


def test_a_bad_verdict_or_span_names_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "checked.json"
    bad.write_text(json.dumps({"pairs": [{"article_id": "x", "a": [0, 5], "b": [9, 3], "verdict": "right"}]}))
    with pytest.raises(InputError, match=r"pairs\[0\]\.b"):
        load_checked(bad)
    bad.write_text(json.dumps({"pairs": [{"article_id": "x", "a": [0, 5], "b": [6, 9], "verdict": "maybe"}]}))
    with pytest.raises(InputError, match="verdict"):
        load_checked(bad)


def test_the_shipped_checks_point_into_polnear_dev_texts(shared_dir: Path) -> None:
    texts = shared_dir / "data" / "attribution" / "polnear" / "dev" / "text"
    pairs = load_checked(CHECKED_FILE)
    assert len(pairs) >= 100
    assert {p.verdict for p in pairs} == {"right", "weak", "wrong"}
    for p in pairs:
        text = (texts / f"{p.article_id}.txt").read_text(encoding="utf-8")
        assert p.a[1] <= len(text) and p.b[1] <= len(text), p
