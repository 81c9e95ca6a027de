from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.polnear import load_polnear, parse_ann, polnear_text_articles

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "attribution" / "polnear" / "dev"
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/data/attribution/polnear/dev is absent")

TEXT = "Critics said the plan, which Ann Lee unveiled, would fail. It will work, she said."
ANN = (
    "T1\tSource 0 7\tCritics\n"
    "T2\tCue 8 12\tsaid\n"
    "T3\tContent 13 21;47 58\tthe plan would fail.\n"
    "T4\tAttribution 8 12\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tContent 59 72\tIt will work,\n"
    "T6\tCue 77 81\tsaid\n"
    "T7\tAttribution 77 81\tsaid\n"
    "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
    "A1\tNegated E2\n"
    "T8\tDiscard 23 28\twhich\n"
)


def make_split(root: Path, files: dict[str, str], texts: dict[str, str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, body in texts.items():
        (root / "text" / f"{name}.txt").write_text(body, encoding="utf-8")
    for name, body in files.items():
        (root / "attributions" / f"{name}.ann").write_text(body, encoding="utf-8")
    return root


def test_attributions_become_statements(tmp_path: Path) -> None:
    split = make_split(tmp_path / "dev", {"art_4b22": ANN}, {"art": TEXT})
    [article] = load_polnear(split)
    assert article.id == "art"
    assert article.text == TEXT
    assert article.pairs == ()
    first, second = article.statements
    assert (first.sid, first.speaker, first.cue) == ("E1", "Critics", "said")
    assert first.content == "the plan would fail."
    assert (first.start, first.end) == (13, 58)
    assert (second.speaker, second.content) == ("", "It will work,")


def test_fragments_listed_out_of_order_are_joined_in_text_order(tmp_path: Path) -> None:
    ann = "T1\tContent 47 58;13 21\twould fail. the plan\nT2\tAttribution 8 12\tsaid\nE1\tAttribution:T2 Content:T1\n"
    split = make_split(tmp_path / "dev", {"art_4b22": ann}, {"art": TEXT})
    [statement] = load_polnear(split)[0].statements
    assert statement.content == "the plan would fail."
    assert (statement.start, statement.end) == (13, 58)


def test_first_annotator_file_is_used(tmp_path: Path) -> None:
    other = "T1\tContent 59 72\tIt will work,\nT2\tAttribution 77 81\tsaid\nE1\tAttribution:T2 Content:T1\n"
    split = make_split(tmp_path / "dev", {"art_4b22": ANN, "art_ef2d": other}, {"art": TEXT})
    assert len(load_polnear(split)[0].statements) == 2


def test_attribution_without_content_is_left_out(tmp_path: Path) -> None:
    ann = "T1\tAttribution 8 12\tsaid\nE1\tAttribution-no-source:T1\n"
    split = make_split(tmp_path / "dev", {"art_4b22": ann}, {"art": TEXT})
    assert load_polnear(split)[0].statements == ()


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tContent 13 20\tthe plan\n", "do not slice the text"),
        ("T1\tContent 13 999\tx\n", "past the end"),
        ("T1\tContent 13 x\tthe plan\n", "bad span offsets"),
        ("T1\tAttribution 8 12\tsaid\nE1\tAttribution:T1 Content:T9\n", "unknown span T9"),
    ],
)
def test_bad_annotations_raise(tmp_path: Path, ann: str, message: str) -> None:
    split = make_split(tmp_path / "dev", {"art_4b22": ann}, {"art": TEXT})
    with pytest.raises(InputError, match=message):
        load_polnear(split)


def test_missing_annotation_file_raises(tmp_path: Path) -> None:
    split = make_split(tmp_path / "dev", {}, {"art": TEXT})
    with pytest.raises(InputError, match="no .ann file for article art"):
        load_polnear(split)


def test_not_a_split_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text/ folder"):
        polnear_text_articles(tmp_path)


@needs_dev
def test_dev_counts() -> None:
    articles = load_polnear(DEV)
    assert len(articles) == 84
    assert len({article.id for article in articles}) == 84
    # 2193 attributions in the first annotator's files, one of them without content.
    assert sum(len(article.statements) for article in articles) == 2192
    assert sum(not s.speaker for article in articles for s in article.statements) == 126
    assert all(article.pairs == () for article in articles)


@needs_dev
def test_dev_event_counts_over_all_annotation_files() -> None:
    events = []
    for path in sorted((DEV / "attributions").glob("*.ann")):
        events.extend(parse_ann(path.read_text(encoding="utf-8"), source=str(path)).events)
    assert len(events) == 2320


@needs_dev
def test_dev_offsets_slice_the_text_to_the_stored_span_text() -> None:
    texts = dict(polnear_text_articles(DEV))
    checked = 0
    for path in sorted((DEV / "attributions").glob("*.ann")):
        text = texts[path.stem.rsplit("_", 1)[0]]
        for span in parse_ann(path.read_text(encoding="utf-8"), source=str(path)).spans.values():
            assert " ".join(text[start:end] for start, end in span.fragments) == span.text
            checked += 1
    assert checked == 9095
    for article in load_polnear(DEV, limit=10):
        for statement in article.statements:
            assert article.text is not None
            outer = article.text[statement.start : statement.end]
            assert outer.startswith(statement.content.split(" ")[0])
            # A joining space may split a word, so compare the space-free pieces.
            assert all(piece in outer for piece in statement.content.split(" "))


@needs_dev
def test_limit_and_text_articles() -> None:
    pairs = polnear_text_articles(DEV, limit=3)
    assert len(pairs) == 3
    assert [article.id for article in load_polnear(DEV, limit=3)] == [article_id for article_id, _ in pairs]
    assert all(text.strip() for _, text in pairs)
