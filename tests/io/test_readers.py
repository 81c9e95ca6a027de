from __future__ import annotations

import io
import json
from pathlib import Path
from typing import IO, Any

import pytest

from factcheck.config import InputConfig
from factcheck.io.readers import iter_articles
from factcheck.records import Article, ArticleFailure

CONFIG = InputConfig()
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_8729996764f22b25.txt"

ENGLISH = (
    "The city council voted on Tuesday to delay a decision on the new stadium, saying it "
    "needed more time to study the cost to taxpayers. The mayor said he was disappointed "
    "but would keep working with the developers."
)
ENGLISH_2 = (
    "Police said on Monday that they had arrested two men in connection with the robbery, "
    "and that they were still looking for a third suspect who fled the scene."
)
SPANISH = (
    "El gobierno anunció el martes un nuevo plan para reducir la inflación, que ha alcanzado "
    "su nivel más alto en dos décadas. Según el ministro de Economía, las medidas incluyen una "
    "rebaja temporal de los impuestos sobre los alimentos básicos y ayudas directas a las "
    "familias con menos ingresos. La oposición criticó el anuncio y aseguró que llega "
    "demasiado tarde para los hogares que ya no pueden pagar la factura de la luz."
)

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Council Delays Stadium Vote | Daily Planet</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Log in</a></li></ul></nav></header>
<main><article>
<h1>Council Delays Stadium Vote</h1>
<p>The city council voted on Tuesday to delay a decision on the new stadium, saying it needed
more time to study the cost to taxpayers.</p>
<p>Council members were split over whether the project would bring the jobs its backers have
promised. The mayor said he was disappointed but would keep working with the developers.</p>
<p>Opponents argued that the money could be better spent on schools and roads, and they vowed
to fight the proposal if it comes back to a vote next month.</p>
</article></main>
<footer><p>Copyright 2024 Daily Planet Media Group. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>
"""


def read(inputs: list[str], *, config: InputConfig = CONFIG, stdin: io.StringIO | None = None) -> list:
    return list(iter_articles(inputs, config=config, stdin=stdin))


def only(results: list) -> Article | ArticleFailure:
    assert len(results) == 1, results
    return results[0]


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- good input -------------------------------------------------------------


def test_txt_file_is_one_article_with_raw_text(tmp_path: Path) -> None:
    path = tmp_path / "story-1.txt"
    path.write_text("Council Delays Vote\n\n" + ENGLISH + "\n", encoding="utf-8")
    article = only(read([str(path)]))
    assert article == Article(id="story-1", text="Council Delays Vote\n\n" + ENGLISH + "\n", source=str(path))


def test_seed_file_reads_as_one_article() -> None:
    article = only(read([str(SEED)]))
    assert isinstance(article, Article)
    assert article.id == "000_8729996764f22b25"
    assert article.text.startswith("Mexico To Ask FBI For Help In Journalist Spying Probe\n")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    article = only(read([str(path)]))
    assert isinstance(article, Article)
    assert article.text == ENGLISH


def test_jsonl_fields_and_id_coercion(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    record = {"id": 42, "text": ENGLISH, "title": "Stadium", "url": "https://x.test/a", "published": "2024-05-01"}
    path.write_text(jsonl(record, {"id": "b", "text": ENGLISH_2}), encoding="utf-8")
    first, second = read([str(path)])
    assert first == Article(
        id="42",
        text=ENGLISH,
        source=f"{path}:1",
        title="Stadium",
        url="https://x.test/a",
        published="2024-05-01",
    )
    assert second == Article(id="b", text=ENGLISH_2, source=f"{path}:2")


def test_html_main_text_is_extracted_without_nav_or_footer(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = only(read([str(path)]))
    assert isinstance(article, Article)
    assert article.id == "page"
    assert article.title == "Council Delays Stadium Vote"
    assert "The city council voted on Tuesday to delay a decision" in article.text
    assert "vowed\nto fight" not in article.text  # source line breaks inside a <p> do not survive
    assert "if it comes back to a vote next month." in article.text
    for junk in ("Home", "Log in", "Privacy policy", "All rights reserved", "Terms of use"):
        assert junk not in article.text
    # Paragraphs are separated by a blank line, as in plain-text articles.
    assert "the cost to taxpayers.\n\nCouncil members were split" in article.text


def test_html_title_falls_back_to_title_tag(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("<h1>Council Delays Stadium Vote</h1>", "").replace(
        "Council Delays Stadium Vote | Daily Planet", "Stadium vote put off"
    )
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    article = only(read([str(path)]))
    assert isinstance(article, Article)
    assert article.title == "Stadium vote put off"


def test_folder_mixes_types_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(jsonl({"id": "j1", "text": ENGLISH}, {"id": "j2", "text": ENGLISH_2}))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "sub" / "notes.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "z.htm").write_text(HTML_PAGE, encoding="utf-8")
    results = read([str(tmp_path)])
    assert all(isinstance(r, Article) for r in results)
    assert [r.id for r in results] == ["j1", "j2", "b", "z", "c"]
    assert results[4].source == str(tmp_path / "sub" / "c.html")


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ENGLISH, encoding="utf-8")
    b.write_text(ENGLISH_2, encoding="utf-8")
    assert [r.id for r in read([str(b), str(a), str(b)])] == ["b", "a", "b"]


def test_iteration_is_lazy(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    later = tmp_path / "later.txt"
    results = iter_articles([str(good), str(later)], config=CONFIG)
    assert next(results).id == "good"
    later.write_text(ENGLISH_2, encoding="utf-8")  # created after the first article came out
    assert next(results).text == ENGLISH_2


def test_stdin_plain_text_is_one_article() -> None:
    article = only(read(["-"], stdin=io.StringIO("Stadium Vote Delayed\n\n" + ENGLISH + "\n")))
    assert article == Article(id="stdin", text="Stadium Vote Delayed\n\n" + ENGLISH + "\n", source="stdin")


def test_stdin_jsonl_is_detected() -> None:
    stdin = io.StringIO(jsonl({"id": "s1", "text": ENGLISH}, {"id": "s2", "text": ENGLISH_2}) + "\n")
    results = read(["-"], stdin=stdin)
    assert results == [
        Article(id="s1", text=ENGLISH, source="stdin:1"),
        Article(id="s2", text=ENGLISH_2, source="stdin:2"),
    ]


def test_stdin_with_one_non_json_line_is_plain_text() -> None:
    text = json.dumps({"id": "s1", "text": ENGLISH}) + "\n" + ENGLISH_2 + "\n"
    article = only(read(["-"], stdin=io.StringIO(text)))
    assert isinstance(article, Article)
    assert (article.id, article.text) == ("stdin", text)


def test_stdin_bytes_are_decoded_as_utf8() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(("Café owners said " + ENGLISH).encode("utf-8")), encoding="latin-1")
    article = only(read(["-"], stdin=stdin))
    assert isinstance(article, Article)
    assert article.text.startswith("Café owners said")


# --- bad input --------------------------------------------------------------


def failure_message(results: list) -> str:
    result = only(results)
    assert isinstance(result, ArticleFailure), result
    assert "\n" not in result.message
    return result.message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert failure_message(read([str(path)])) == f"{path}: file not found"


def test_missing_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.jsonl"
    assert failure_message(read([str(path)])) == f"{path}: file not found"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"  \n\t\n\n", "empty file (only whitespace)")],
    ids=["empty", "whitespace"],
)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html"])
def test_empty_file(tmp_path: Path, suffix: str, content: bytes, reason: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    assert failure_message(read([str(path)])) == f"{path}: {reason}"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert failure_message(read([str(path)])) == f"{path}: binary file (contains NUL bytes), not text"


def test_binary_file_with_many_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x01\x02\x03\x04 some text \x05\x06\x07\x08" * 50)
    message = failure_message(read([str(path)]))
    assert message.startswith(f"{path}: binary file (")
    assert message.endswith("control characters), not text")


def test_binary_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b'{"id": 1}\x00\x00\x00\n')
    assert failure_message(read([str(path)])) == f"{path}: binary file (contains NUL bytes), not text"


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    assert failure_message(read([str(path)])) == f"{path}: UTF-16 text is not supported; save the file as UTF-8"


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = (ENGLISH + "\nThe café owner said").encode("latin-1")
    path.write_bytes(data)
    offset = data.index(b"\xe9")
    assert failure_message(read([str(path)])) == (
        f"{path}: not valid UTF-8: byte 0xe9 at byte offset {offset} (line 2)"
    )


def test_invalid_utf8_in_a_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": ENGLISH}).encode() + b"\n"
    bad = b'{"id": "bad", "text": "caf\xe9 said the owner of the place"}\n'
    path.write_bytes(good + bad)
    first, second = read([str(path)])
    assert isinstance(first, Article) and first.id == "ok"
    offset = len(good) + bad.index(b"\xe9")
    assert second == ArticleFailure(
        source=f"{path}:2", message=f"{path}:2: not valid UTF-8: byte 0xe9 at byte offset {offset}"
    )


def test_malformed_jsonl_lines_fail_alone_and_good_lines_keep_order(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        jsonl(
            {"id": "first", "text": ENGLISH},
            '{"id": "broken", "text": ',
            '["not", "an", "object"]',
            {"id": "no-text"},
            {"id": "blank-text", "text": "   "},
            {"id": "number-text", "text": 12},
            {"text": ENGLISH},
            {"id": "", "text": ENGLISH},
            {"id": ["x"], "text": ENGLISH},
            {"id": "bad-title", "text": ENGLISH, "title": {"x": 1}},
            "",
            {"id": "last", "text": ENGLISH_2},
        ),
        encoding="utf-8",
    )
    results = read([str(path)])
    articles = [r for r in results if isinstance(r, Article)]
    assert [(a.id, a.source) for a in articles] == [("first", f"{path}:1"), ("last", f"{path}:12")]
    assert [r.message for r in results if isinstance(r, ArticleFailure)] == [
        f"{path}:2: invalid JSON: Expecting value at column 25",
        f"{path}:3: expected a JSON object, got an array",
        f"{path}:4: missing 'text' field",
        f"{path}:5: empty 'text' field",
        f"{path}:6: 'text' must be a string, got a number",
        f"{path}:7: missing 'id' field",
        f"{path}:8: empty 'id' field",
        f"{path}:9: 'id' must be a string or number, got an array",
        f"{path}:10: 'title' must be a string, got an object",
    ]
    assert results[0].id == "first" and results[-1].id == "last"


def test_jsonl_lone_surrogate_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "s", "text": "The mayor said \\ud800 that the vote was delayed"}\n', encoding="utf-8")
    assert failure_message(read([str(path)])) == (f"{path}:1: 'text' has an unpaired surrogate escape at character 15")


def test_oversized_txt_is_rejected_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    sentence = ENGLISH.encode("utf-8") + b"\n"
    with path.open("wb") as fh:
        fh.write(sentence * (5_200_000 // len(sentence) + 1))
    opened: list[Path] = []
    real_open = Path.open

    def spy_open(self: Path, *args: Any, **kwargs: Any) -> IO[Any]:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy_open)
    assert failure_message(read([str(path)])) == f"{path}: file too large: 5.2 MB exceeds the 5.0 MB limit"
    assert opened == []  # rejected on its size alone, never opened


def test_oversized_jsonl_article(tmp_path: Path) -> None:
    config = InputConfig(max_bytes=2_000_000)
    path = tmp_path / "big.jsonl"
    big = (ENGLISH + " ") * (2_100_000 // (len(ENGLISH) + 1) + 1)
    path.write_text(jsonl({"id": "big", "text": big}, {"id": "small", "text": ENGLISH}), encoding="utf-8")
    first, second = read([str(path)], config=config)
    assert isinstance(first, ArticleFailure)
    size_mb = len(big.encode()) / 1_000_000
    assert first.message == f"{path}:1: article text too large: {size_mb:.1f} MB exceeds the 2.0 MB limit"
    assert isinstance(second, Article) and second.id == "small"


def test_overlong_jsonl_line_is_skipped_without_parsing(tmp_path: Path) -> None:
    config = InputConfig(max_bytes=1000)
    path = tmp_path / "long.jsonl"
    path.write_text("x" * 200_000 + "\n" + jsonl({"id": "after", "text": ENGLISH}), encoding="utf-8")
    first, second = read([str(path)], config=config)
    assert isinstance(first, ArticleFailure)
    assert first.message.startswith(f"{path}:1: line longer than ")
    assert isinstance(second, Article)
    assert (second.id, second.source) == ("after", f"{path}:2")


def test_size_message_shows_bytes_when_megabytes_round_equal(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * 5_000_010)
    assert failure_message(read([str(path)])) == (
        f"{path}: file too large: 5,000,010 bytes exceeds the 5,000,000-byte limit"
    )


def test_oversized_stdin_plain_text() -> None:
    config = InputConfig(max_bytes=1000)
    message = failure_message(read(["-"], config=config, stdin=io.StringIO(ENGLISH * 10)))
    assert message == f"stdin: input too large: {len(ENGLISH) * 10:,} bytes exceeds the 1,000-byte limit"


def test_too_short_article(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("  Mayor resigns.  \n", encoding="utf-8")
    assert failure_message(read([str(path)])) == f"{path}: text too short: 14 characters, the minimum is 20"


def test_non_english_article(tmp_path: Path) -> None:
    path = tmp_path / "noticia.txt"
    path.write_text("Gobierno Anuncia Plan\n\n" + SPANISH, encoding="utf-8")
    message = failure_message(read([str(path)]))
    assert message.startswith(f"{path}: not English text: English score 0.")
    assert message.endswith(" is below 0.50")
    score = float(message.split("English score ")[1].split()[0])
    assert score < 0.2


def test_non_english_jsonl_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(jsonl({"id": "es", "text": SPANISH}, {"id": "en", "text": ENGLISH}), encoding="utf-8")
    first, second = read([str(path)])
    assert isinstance(first, ArticleFailure) and first.source == f"{path}:1"
    assert "not English text" in first.message
    assert isinstance(second, Article) and second.id == "en"


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert failure_message(read([str(path)])) == (
        f"{path}: unsupported file type '.pdf'; expected .txt, .jsonl, .html or .htm"
    )


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text(ENGLISH, encoding="utf-8")
    assert failure_message(read([str(tmp_path)])) == f"{tmp_path}: folder has no .txt, .jsonl, .html or .htm files"


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav></nav></body></html>", encoding="utf-8")
    assert failure_message(read([str(path)])) == f"{path}: no article text found in the HTML"


def test_empty_stdin() -> None:
    assert failure_message(read(["-"], stdin=io.StringIO(""))) == "stdin: empty input"


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "4-good.txt").write_text(ENGLISH_2, encoding="utf-8")
    results = read([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [type(r).__name__ for r in results] == [
        "Article",
        "ArticleFailure",
        "ArticleFailure",
        "Article",
        "ArticleFailure",
    ]
