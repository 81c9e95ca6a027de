from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.records import ArticleResult
from factcheck.review.results import read_results


def test_results_round_trip_through_jsonl(
    make_results: Callable[[Sequence[ArticleResult]], Path], seed_article: ArticleResult, hostile_article: ArticleResult
) -> None:
    results = [seed_article, hostile_article]
    assert list(read_results([make_results(results)])) == results


def _line(**changes: object) -> str:
    data = {
        "article_id": "a1",
        "text": "Ann said yes. Bob said no.",
        "model": {"id": "m"},
        "statements": [
            {
                "id": "s1",
                "speaker": "Ann",
                "speaker_mention": "Ann",
                "cue": "said",
                "kind": "indirect",
                "stance": "assert",
                "content": "yes",
                "sentence": "Ann said yes.",
                "start": 9,
                "end": 12,
                "keywords": ["yes"],
            },
            {
                "id": "s2",
                "speaker": "Bob",
                "speaker_mention": "Bob",
                "cue": "said",
                "kind": "indirect",
                "stance": "deny",
                "content": "no",
                "sentence": "Bob said no.",
                "start": 23,
                "end": 25,
            },
        ],
        "pairs": [{"a": "s1", "b": "s2", "relation": "contradiction", "score": 0.9, "nli": {"contradiction": 0.9}}],
    }
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object per line"),
        (_line(article_id=""), "missing article_id"),
        (_line(statements={"s1": {}}), "statements must be a list"),
        (_line(pairs=[{"a": "s1", "b": "s9", "relation": "rebuttal", "score": 0.5, "nli": {}}]), "unknown statement"),
        (
            _line(pairs=[{"a": "s1", "b": "s2", "relation": "rebuttal", "score": "high", "nli": {}}]),
            "score has the wrong type",
        ),
        (
            _line(pairs=[{"a": "s1", "b": "s2", "relation": "rebuttal", "score": 0.5, "nli": {"x": "y"}}]),
            "must be numbers",
        ),
        (_line(statements=[{"id": "s1"}]), "invalid statement"),
        (_line(url=5), "url must be a string or null"),
        (
            _line(statements=[{**json.loads(_line())["statements"][0], "keywords": [1, 2]}], pairs=[]),
            "must hold strings",
        ),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "results.jsonl"
    path.write_text(_line() + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        list(read_results([path]))
    assert err.value.source == f"{path}:3"


def test_statement_offsets_must_be_integers(tmp_path: Path) -> None:
    data = json.loads(_line())
    data["statements"][0]["start"] = "9"
    path = tmp_path / "results.jsonl"
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="start has the wrong type"):
        list(read_results([path]))


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read results file"):
        list(read_results([tmp_path / "missing.jsonl"]))
