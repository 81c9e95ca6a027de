"""Pieces of the bench that need no model: pair sampling, article batches, agreement, tables."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from factcheck.bench.nli_bench import NLIBenchReport, NLIRow, agreement, engine_contender, load_pairs
from factcheck.bench.pipeline_bench import source_texts, write_batch
from factcheck.bench.report import format_nli
from factcheck.errors import FactcheckError


def test_pairs_are_spread_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps({"premise": f"p{i}", "hypothesis": f"h{i}"}) + "\n" for i in range(10)),
                    encoding="utf-8")
    assert load_pairs(path, 5) == [(f"p{i}", f"h{i}") for i in (0, 2, 4, 6, 8)]
    assert len(load_pairs(path, 0)) == 10
    assert len(load_pairs(path, 50)) == 10


def test_a_bad_pairs_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"premise": "a", "hypothesis": "b"}\n{"text": "c"}\n', encoding="utf-8")
    with pytest.raises(FactcheckError, match=r"d.jsonl:2"):
        load_pairs(path, 10)


def test_article_batches_cycle_texts_with_unique_ids(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline A\nBody of a. It said so.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Headline B\n\nBody of b.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("Only a headline\n", encoding="utf-8")
    texts = source_texts([folder])
    assert [(t.stem, t.title, t.text) for t in texts] == [("a", "Headline A", "Body of a. It said so."),
                                                          ("b", "Headline B", "Body of b.")]
    lines = [json.loads(x) for x in write_batch(texts, 5, tmp_path / "x.jsonl").read_text().splitlines()]
    assert [x["id"] for x in lines] == ["00000-a", "00001-b", "00002-a", "00003-b", "00004-a"]
    assert lines[3]["text"] == "Body of b." and lines[3]["title"] == "Headline B"


def test_agreement_counts_labels_and_the_largest_probability_gap() -> None:
    ref = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.3, 0.3, 0.4]], dtype=np.float32)
    other = np.array([[0.6, 0.3, 0.1], [0.1, 0.4, 0.5], [0.3, 0.3, 0.4]], dtype=np.float32)
    same, diff = agreement(other, ref)
    assert same == pytest.approx(2 / 3)
    assert diff == pytest.approx(0.1, abs=1e-6)


@pytest.mark.parametrize("spec", ["onnx", "gpu:fp16", "onnx:"])
def test_engine_paths_must_name_backend_and_precision(spec: str) -> None:
    with pytest.raises(FactcheckError, match="BACKEND:PRECISION"):
        engine_contender(spec)


def test_nli_table_has_a_speedup_row_per_engine_path() -> None:
    def row(key: str, name: str, engine: bool, speed: float) -> NLIRow:
        return NLIRow(key, name, engine, speed, 1.0, 1.0, 0.5, 500.0, 100.0, 1.0, 0.0, {})

    report = NLIBenchReport(data="d.jsonl", pairs=10, distinct=9, threads=2, model="m", reference="fp32",
                            rows=(row("fp32", "engine fp32", True, 300.0), row("fast", "engine fast", True, 600.0),
                                  row("p", "peer one", False, 100.0), row("c", "peer two", False, 200.0)))
    text = format_nli(report)
    assert "10 pairs (9 distinct)" in text
    speed_lines = text.split("speed-up", 1)[1].splitlines()
    assert "3.00x" in speed_lines[1] and "1.50x" in speed_lines[1]
    assert "6.00x" in speed_lines[2] and "3.00x" in speed_lines[2]
