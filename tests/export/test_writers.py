from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from factcheck.export import claimreview, tabular
from factcheck.export.writers import export_confirmed
from factcheck.records import ArticleResult, Pair, Statement
from factcheck.review import store
from factcheck.review.errors import ReviewError
from factcheck.review.settings import DeskConfig

DESK = DeskConfig(name="Harbour Fact Desk", url="https://facts.example.org/reviews")
TEXT = (
    'The port authority said the new terminal "will cut shipping times by half". '
    'Dock workers\' union leader Maria Ortiz rejected that: "=SUM(A1) Nothing in the plan shortens a single route." '
    "Mayor Tom Reyes said the terminal was fully funded. "
    "The city auditor said the terminal has no funding for its second phase."
)


def _stmt(sid: str, speaker: str, content: str, *, cue: str = "said", stance: str = "assert") -> Statement:
    start = TEXT.index(content)
    return Statement(
        id=sid,
        speaker=speaker,
        speaker_mention=speaker,
        cue=cue,
        kind="direct",
        stance=stance,  # type: ignore[arg-type]
        content=content,
        sentence=content,
        start=start,
        end=start + len(content),
    )


def _result(
    *, url: str | None = "https://news.example.org/port", published: str | None = "2024-03-05T08:00:00Z"
) -> ArticleResult:
    return ArticleResult(
        article_id="port-1",
        statements=(
            _stmt("p1", "Port Authority", "will cut shipping times by half"),
            _stmt(
                "p2",
                "Maria Ortiz",
                "=SUM(A1) Nothing in the plan shortens a single route.",
                cue="rejected",
                stance="reject",
            ),
            _stmt("p3", "Tom Reyes", "the terminal was fully funded"),
            _stmt("p4", "city auditor", "the terminal has no funding for its second phase"),
        ),
        pairs=(
            Pair(a="p1", b="p2", relation="rebuttal", score=0.88, nli={"contradiction": 0.8}),
            Pair(a="p3", b="p4", relation="contradiction", score=0.93, nli={"contradiction": 0.9}),
            Pair(a="p1", b="p4", relation="rebuttal", score=0.40, nli={"contradiction": 0.3}),
        ),
        model={"id": "embedded"},
        text=TEXT,
        title="New terminal divides the harbour",
        url=url,
        published=published,
        source="port.txt",
    )


def _db(tmp_path: Path, result: ArticleResult | None = None) -> Path:
    db = tmp_path / "review.sqlite"
    store.init_db(db)
    store.load_results(db, [result or _result()])
    with store.session(db) as conn:
        store.add_verdict(conn, 1, verdict="confirm", reviewer="Ana", note="union statement rebuts the claim")
        store.add_verdict(conn, 2, verdict="confirm", reviewer="Ben")
        store.add_verdict(conn, 2, verdict="reject", reviewer="Cleo")  # latest verdict wins: not exported
        store.add_verdict(conn, 2, verdict="confirm", reviewer="Dee")  # ...until confirmed again
        store.add_verdict(conn, 3, verdict="reject", reviewer="Ana")
    return db


def test_claimreview_json_ld_carries_every_field(tmp_path: Path) -> None:
    out = tmp_path / "out" / "reviews.json"
    assert export_confirmed(_db(tmp_path), fmt="claimreview", out=out, desk=DESK) == 2

    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["claimReviewed"] for r in reviews] == ["the terminal was fully funded", "will cut shipping times by half"]
    first, second = reviews
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["author"] == {"@type": "Organization", "name": "Harbour Fact Desk", "url": DESK.url}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"] == [
            {
                "@type": "CreativeWork",
                "url": "https://news.example.org/port",
                "headline": "New terminal divides the harbour",
            }
        ]
        assert review["itemReviewed"]["datePublished"] == "2024-03-05"
        assert review["reviewRating"]["@type"] == "Rating"
        assert len(review["datePublished"]) == 10 and review["datePublished"][4] == "-"
        assert review["url"].startswith(DESK.url + "#pair-port-1-")
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": "Tom Reyes"}
    assert first["reviewRating"]["alternateName"] == "Contradicted by city auditor"
    assert second["itemReviewed"]["author"] == {"@type": "Organization", "name": "Port Authority"}
    assert second["reviewRating"]["alternateName"] == "Disputed by Maria Ortiz"
    assert "Nothing in the plan shortens" in second["reviewRating"]["ratingExplanation"]
    assert second["reviewBody"] == "union statement rebuts the claim"
    assert second["url"] == f"{DESK.url}#pair-port-1-p1-p2"


def test_claimreview_leaves_out_what_is_unknown(tmp_path: Path) -> None:
    db = _db(tmp_path, _result(url=None, published="last Tuesday"))
    out = tmp_path / "reviews.json"
    export_confirmed(db, fmt="claimreview", out=out, desk=DeskConfig(name="Desk"))
    review = json.loads(out.read_text(encoding="utf-8"))[0]
    assert "appearance" not in review["itemReviewed"]
    assert "datePublished" not in review["itemReviewed"]
    assert review["author"] == {"@type": "Organization", "name": "Desk"}
    assert "url" not in review  # neither a desk url nor an article url


def test_claimreview_links_to_the_article_without_a_desk_url(tmp_path: Path) -> None:
    out = tmp_path / "reviews.json"
    export_confirmed(_db(tmp_path), fmt="claimreview", out=out, desk=DeskConfig(name="Desk"))
    assert {r["url"] for r in json.loads(out.read_text(encoding="utf-8"))} == {"https://news.example.org/port"}


def test_csv_has_a_header_and_one_row_per_confirmed_pair(tmp_path: Path) -> None:
    out = tmp_path / "confirmed.csv"
    assert export_confirmed(_db(tmp_path), fmt="csv", out=out, desk=DESK) == 2
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == tabular.COLUMNS
    assert [(r["a_speaker"], r["b_speaker"], r["relation"], r["verdict"], r["reviewer"]) for r in rows] == [
        ("Tom Reyes", "city auditor", "contradiction", "confirm", "Dee"),
        ("Port Authority", "Maria Ortiz", "rebuttal", "confirm", "Ana"),
    ]
    assert rows[1]["article_id"] == "port-1" and rows[1]["article_title"] == "New terminal divides the harbour"
    assert rows[1]["article_url"] == "https://news.example.org/port"
    assert float(rows[1]["score"]) == pytest.approx(0.88)
    # a cell a spreadsheet would run as a formula is kept as text
    assert rows[1]["b_content"] == "'=SUM(A1) Nothing in the plan shortens a single route."


def test_jsonl_has_the_csv_records_unaltered(tmp_path: Path) -> None:
    out = tmp_path / "confirmed.jsonl"
    assert export_confirmed(_db(tmp_path), fmt="jsonl", out=out, desk=DESK) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [tuple(r) for r in records] == [tabular.COLUMNS] * 2
    assert records[1]["b_content"] == "=SUM(A1) Nothing in the plan shortens a single route."
    assert records[1]["note"] == "union statement rebuts the claim"
    assert records[0]["score"] == pytest.approx(0.93)


def test_nothing_confirmed_writes_an_empty_export(tmp_path: Path) -> None:
    db = tmp_path / "review.sqlite"
    store.init_db(db)
    store.load_results(db, [_result()])
    out = tmp_path / "reviews.json"
    assert export_confirmed(db, fmt="claimreview", out=out, desk=DESK) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == []


def test_missing_database_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "nope.sqlite"
    with pytest.raises(ReviewError, match="review database not found"):
        export_confirmed(db, fmt="csv", out=tmp_path / "x.csv", desk=DESK)
    assert not db.exists()
    assert not (tmp_path / "x.csv").exists()


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="unknown export format 'xml'"):
        export_confirmed(_db(tmp_path), fmt="xml", out=tmp_path / "x.xml", desk=DESK)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("Ricardo Sanchez", "Person"),
        ("Miguel Agustin Pro Juarez Human Rights Center", "Organization"),
        ("The Mexican attorney general's office", "Organization"),
        ("NSO Group", "Organization"),
        ("Maria Ortiz", "Person"),
    ],
)
def test_author_type(speaker: str, kind: str) -> None:
    assert claimreview.author_type(speaker) == kind
