from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.gold import GoldArticle, GoldPair, GoldStatement
from factcheck.evaluation.scoring import (
    PredictedStatement,
    format_report,
    match_statements,
    report_to_json,
    score,
    speaker_correct,
    token_f1,
)

OFFICIAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"

GOLD = GoldArticle(
    id="art1",
    text=None,
    statements=(
        GoldStatement(sid="s1", speaker="Ann Lee", content="the new tax plan will cut taxes for families"),
        GoldStatement(sid="s2", speaker="Bob Ray", content="the tax plan raises taxes on most families"),
        GoldStatement(sid="s3", speaker="the governor", content="schools will reopen in the autumn"),
    ),
    pairs=(GoldPair(a="s1", b="s2", tier="must"),),
)


def statement(sid: str, speaker: str, content: str) -> dict[str, Any]:
    return {"id": sid, "speaker": speaker, "content": content, "cue": "said", "kind": "indirect"}


def record(
    statements: Sequence[dict[str, Any]], pairs: Sequence[tuple[str, str, str]] = (), article_id: str = "art1"
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "statements": list(statements),
        "pairs": [{"a": a, "b": b, "relation": relation, "score": 0.9, "nli": {}} for a, b, relation in pairs],
    }


PERFECT = [
    statement("p1", "Ann Lee", "the new tax plan will cut taxes for families"),
    statement("p2", "Bob Ray", "the tax plan raises taxes on most families"),
    statement("p3", "Governor Smith", "schools will reopen in the autumn"),
]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Taxes will RISE", "taxes will rise", 1.0),
        ("taxes will rise", "", 0.0),
        ("a b c d", "a b", 2 * 1.0 * 0.5 / 1.5),
        ("$5 bn, said he", "$5 BN said", 2 * 1.0 * 0.75 / 1.75),
        ("the the cat", "the cat cat", 2 / 3),
    ],
)
def test_token_f1(a: str, b: str, expected: float) -> None:
    assert token_f1(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Ann Lee", "Ann Lee", True),
        ("Lee", "Ms. Ann Lee", True),
        ("Bob Ray", "Ann Lee", False),
        ("Mr. Smith", "Mr. Jones", False),  # titles do not count as a shared word
        ("he", "Ann Lee", False),
        ("Ann Lee", "she", True),  # a pronoun gold speaker accepts any named speaker
        ("Ann Lee", "", True),  # PolNeAR attributions without a source
        ("", "", False),
        ("the government", "the Mexican government", True),
    ],
)
def test_speaker_correct(predicted: str, gold: str, expected: bool) -> None:
    assert speaker_correct(predicted, gold) is expected


def test_matching_is_one_to_one_best_overlap_first() -> None:
    gold = (
        GoldStatement(sid="g1", speaker="", content="taxes will rise next year"),
        GoldStatement(sid="g2", speaker="", content="taxes will rise"),
    )
    predicted = (
        PredictedStatement(id="p1", speaker="", content="taxes will rise"),
        PredictedStatement(id="p2", speaker="", content="taxes will rise next year sharply"),
    )
    matches = match_statements(gold, predicted)
    assert [(m.gold.sid, m.predicted.id) for m in matches] == [("g1", "p2"), ("g2", "p1")]
    assert match_statements(gold, predicted, threshold=0.95) == (matches[1],)


def test_perfect_prediction_scores_one() -> None:
    report = score([GOLD], {"art1": record(PERFECT, [("p1", "p2", "contradiction")])})
    assert (report.statement_precision, report.statement_recall, report.statement_f1) == (1.0, 1.0, 1.0)
    assert report.speaker_accuracy == 1.0
    assert (report.pair_recall, report.pair_precision, report.must_recall) == (1.0, 1.0, 1.0)
    assert report.per_article[0].missed == () and report.per_article[0].spurious == ()


def test_wrong_speaker_lowers_only_speaker_accuracy() -> None:
    right = [*PERFECT[:2], statement("p3", "the governor's office", "schools will reopen in the autumn")]
    assert score([GOLD], {"art1": record(right)}).speaker_accuracy == 1.0
    wrong = [statement("p1", "Bob Ray", PERFECT[0]["content"]), *right[1:]]
    report = score([GOLD], {"art1": record(wrong)})
    assert report.statement_f1 == 1.0
    assert report.speaker_accuracy == pytest.approx(2 / 3)
    [mistake] = report.per_article[0].wrong_speakers
    assert (mistake.gold.sid, mistake.predicted.speaker) == ("s1", "Bob Ray")


def test_spurious_statement_lowers_precision_not_recall() -> None:
    extra = [*PERFECT, statement("p4", "Cy Dee", "the weather was fine on the day")]
    report = score([GOLD], {"art1": record(extra)})
    assert report.statement_recall == 1.0
    assert report.statement_precision == pytest.approx(3 / 4)
    assert [s.id for s in report.per_article[0].spurious] == ["p4"]


def test_missed_statement_lowers_recall() -> None:
    report = score([GOLD], {"art1": record(PERFECT[:2])})
    assert report.statement_precision == 1.0
    assert report.statement_recall == pytest.approx(2 / 3)
    assert [s.sid for s in report.per_article[0].missed] == ["s3"]


@pytest.mark.parametrize("ends", [("p1", "p2"), ("p2", "p1")])
def test_pair_direction_does_not_matter(ends: tuple[str, str]) -> None:
    report = score([GOLD], {"art1": record(PERFECT, [(*ends, "rebuttal")])})
    assert (report.correct_pairs, report.found_pairs, report.must_found) == (1, 1, 1)


def test_support_and_unrelated_pairs_are_not_counted() -> None:
    pairs = [("p1", "p2", "support"), ("p1", "p3", "unrelated")]
    report = score([GOLD], {"art1": record(PERFECT, pairs)})
    assert (report.predicted_pairs, report.correct_pairs, report.pair_recall) == (0, 0, 0.0)
    assert report.pair_precision == 0.0
    assert [(view.a, view.b) for view in report.per_article[0].missed_pairs] == [("s1", "s2")]


def test_wrong_pair_lowers_precision_and_is_listed() -> None:
    pairs = [("p1", "p2", "contradiction"), ("p1", "p3", "contradiction")]
    report = score([GOLD], {"art1": record(PERFECT, pairs)})
    assert report.pair_precision == 0.5
    assert report.pair_recall == 1.0
    [wrong] = report.per_article[0].wrong_pairs
    assert (wrong.a, wrong.b, wrong.b_content) == ("p1", "p3", "schools will reopen in the autumn")


def test_optional_gold_is_neither_missed_nor_penalised() -> None:
    gold = GoldArticle(
        id="art1",
        text=None,
        statements=(
            *GOLD.statements[:2],
            GoldStatement(sid="s3", speaker="x", content="schools will reopen", optional=True),
        ),
        pairs=GOLD.pairs,
    )
    with_it = score([gold], {"art1": record(PERFECT)})
    without_it = score([gold], {"art1": record(PERFECT[:2])})
    for report in (with_it, without_it):
        assert (report.gold_statements, report.predicted_statements, report.matched) == (2, 2, 2)
        assert report.statement_f1 == 1.0
        assert report.per_article[0].missed == ()


def test_missing_article_counts_as_empty_output() -> None:
    other = GoldArticle(id="art2", text=None, statements=GOLD.statements[:1], pairs=())
    report = score([GOLD, other], {"art1": record(PERFECT), "unknown": record(PERFECT)})
    assert report.articles == 2 and report.missing_articles == 1
    assert report.statement_recall == pytest.approx(3 / 4)
    assert report.statement_precision == 1.0


def test_malformed_record_raises() -> None:
    with pytest.raises(InputError, match="'statements' must be a list"):
        score([GOLD], {"art1": {"statements": "oops"}})


def test_format_and_json() -> None:
    report = score([GOLD], {"art1": record(PERFECT[:2], [("p1", "p2", "support")])})
    text = format_report(report)
    assert "missed    s3" in text and "no pair   s1-s2 (must)" in text
    assert "statements" in format_report(report, details=False)
    data = json.loads(json.dumps(report_to_json(report)))
    assert data["per_article"][0]["missed"][0]["sid"] == "s3"
    assert data["statement_recall"] == pytest.approx(2 / 3)


@pytest.mark.skipif(not OFFICIAL.is_file(), reason="the official scorer ../shared/eval/score.py is absent")
def test_figures_agree_with_the_official_scorer(tmp_path: Path) -> None:
    second = GoldArticle(
        id="art2",
        text=None,
        statements=(
            GoldStatement(sid="a", speaker="he", content="the bridge is safe to cross"),
            GoldStatement(sid="b", speaker="city engineers", content="the bridge must close at once"),
            GoldStatement(sid="c", speaker="Mayor Kim", content="repairs start in May", optional=True),
            GoldStatement(sid="d", speaker="residents", content="nobody warned us about cracks"),
            # Equal contents: the tie must be broken as the official scorer does.
            GoldStatement(sid="e", speaker="police", content="the road is closed"),
            GoldStatement(sid="f", speaker="Mayor Kim", content="the road is closed"),
        ),
        pairs=(GoldPair(a="a", b="b"), GoldPair(a="d", b="a"), GoldPair(a="b", b="d", tier="should")),
    )
    third = GoldArticle(id="art3", text=None, statements=GOLD.statements[:1], pairs=())
    gold = [GOLD, second, third]
    predictions = {
        "art1": record(
            [
                *PERFECT[:2],
                statement("p3", "Bob Ray", "schools reopen in autumn"),
                statement("p4", "X", "nothing here"),
            ],
            [("p2", "p1", "rebuttal"), ("p3", "p1", "contradiction"), ("p1", "p4", "support")],
        ),
        "art2": record(
            [
                statement("q1", "Mayor Kim", "the bridge is safe"),
                statement("q2", "engineers", "the bridge must close at once, engineers warned"),
                statement("q3", "Kim", "repairs start in May"),
                statement("q4", "police", "the road is closed"),
            ],
            [("q1", "q2", "contradiction"), ("q1", "q3", "rebuttal")],
            article_id="art2",
        ),
    }
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for article in gold:
        (gold_dir / f"{article.id}.json").write_text(json.dumps(gold_json(article)), encoding="utf-8")
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(item) + "\n" for item in predictions.values()), encoding="utf-8")

    done = subprocess.run(
        [sys.executable, str(OFFICIAL), str(gold_dir), str(pred_path)], capture_output=True, text=True, check=True
    )
    official = json.loads(done.stdout.strip().splitlines()[-1])
    mine = score(gold, predictions)
    for value in (mine.statement_f1, mine.speaker_accuracy, mine.pair_precision, mine.pair_recall, mine.must_recall):
        assert 0 < value < 1  # every figure is checked away from its trivial values
    for name, value in [
        ("statement_precision", mine.statement_precision),
        ("statement_recall", mine.statement_recall),
        ("statement_f1", mine.statement_f1),
        ("speaker_accuracy", mine.speaker_accuracy),
        ("pair_recall", mine.pair_recall),
        ("pair_precision", mine.pair_precision),
        ("must_pair_recall", mine.must_recall),
    ]:
        assert round(value, 3) == pytest.approx(official[name], abs=1e-9), name
    assert official["articles"] == mine.articles and official["missing_articles"] == mine.missing_articles
    assert official["pairs_predicted"] == mine.predicted_pairs


def gold_json(article: GoldArticle) -> dict[str, Any]:
    return {
        "id": article.id,
        "statements": [
            {"sid": s.sid, "speaker": s.speaker, "content": s.content, "optional": s.optional}
            for s in article.statements
        ],
        "contradictions": [{"a": p.a, "b": p.b, "tier": p.tier} for p in article.pairs],
    }
