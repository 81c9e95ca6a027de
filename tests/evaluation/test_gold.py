from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.gold import GoldPair, GoldStatement, load_gold_dir, load_gold_file

SEED_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "seed_gold.json"


def write(path: Path, record: Any) -> Path:
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def gold_record(**extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "art1",
        "statements": [
            {"sid": "s1", "speaker": "Ann Lee", "content": "taxes will rise", "cue": "said", "kind": "indirect"},
            {"sid": "s2", "speaker": "Bob Ray", "content": "taxes will not rise", "optional": True},
        ],
        "contradictions": [{"a": "s1", "b": "s2", "tier": "should", "why": "opposite"}],
    }
    record.update(extra)
    return record


def test_reads_statements_pairs_and_defaults(tmp_path: Path) -> None:
    article = load_gold_file(write(tmp_path / "a.json", gold_record()))
    assert article.id == "art1"
    assert article.text is None
    assert article.statements[0] == GoldStatement(
        sid="s1", speaker="Ann Lee", content="taxes will rise", cue="said", kind="indirect"
    )
    assert article.statements[1].optional is True
    assert article.statements[1].start == -1
    assert article.pairs == (GoldPair(a="s1", b="s2", tier="should", why="opposite"),)


def test_optional_text_and_default_tier(tmp_path: Path) -> None:
    record = gold_record(text="Ann Lee said taxes will rise.", contradictions=[{"a": "s1", "b": "s2"}])
    article = load_gold_file(write(tmp_path / "a.json", record))
    assert article.text == "Ann Lee said taxes will rise."
    assert article.pairs[0].tier == "must"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": ""}, "'id'"),
        ({"statements": None}, "'statements' must be a list"),
        ({"contradictions": [{"a": "s1", "b": "s9"}]}, "'b' must be the sid"),
        ({"contradictions": [{"a": "s1", "b": "s1"}]}, "cannot contradict itself"),
        ({"contradictions": [{"a": "s1", "b": "s2"}, {"a": "s2", "b": "s1"}]}, "listed twice"),
        ({"statements": [{"sid": "s1", "speaker": "A", "content": "x"}] * 2}, "used twice"),
        ({"statements": [{"sid": "s1", "speaker": "A", "content": "  "}]}, "empty 'content'"),
        ({"text": 3}, "'text' must be a string"),
    ],
)
def test_invalid_gold_raises_one_line_error(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    path = write(tmp_path / "bad.json", gold_record(**change))
    with pytest.raises(InputError, match=message) as caught:
        load_gold_file(path)
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_gold_file(path)


def test_dir_is_read_in_name_order_and_ignores_other_files(tmp_path: Path) -> None:
    write(tmp_path / "b.json", gold_record(id="second"))
    write(tmp_path / "a.json", gold_record(id="first"))
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    assert [article.id for article in load_gold_dir(tmp_path)] == ["first", "second"]


def test_dir_rejects_a_repeated_article_id(tmp_path: Path) -> None:
    write(tmp_path / "a.json", gold_record())
    write(tmp_path / "b.json", gold_record())
    with pytest.raises(InputError, match="more than one gold file"):
        load_gold_dir(tmp_path)


def test_missing_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        load_gold_dir(tmp_path / "absent")


@pytest.mark.skipif(not SEED_GOLD.is_file(), reason="../shared/eval/seed_gold.json is not beside the checkout")
def test_reads_the_seed_gold() -> None:
    article = load_gold_file(SEED_GOLD)
    raw = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert article.id == raw["id"]
    assert len(article.statements) == len(raw["statements"])
    assert [(pair.a, pair.b, pair.tier) for pair in article.pairs] == [
        (pair["a"], pair["b"], pair["tier"]) for pair in raw["contradictions"]
    ]
    assert sum(pair.tier == "must" for pair in article.pairs) == 2
