"""Stream articles from ``.txt``, ``.jsonl`` and ``.html`` files, folders and stdin.

Bad input never raises out of :func:`iter_articles`: each problem becomes an
:class:`ArticleFailure` whose message is one line naming the input (``path`` or
``path:LINENO`` for a JSONL line) and the reason, and reading goes on.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from factcheck.config import InputConfig
from factcheck.errors import InputError
from factcheck.io.language import english_ratio
from factcheck.records import Article, ArticleFailure

STDIN = "-"
STDIN_ID = "stdin"
TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
_SUFFIX_LIST = ".txt, .jsonl, .html or .htm"

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SNIFF_BYTES = 65_536
_MAX_CONTROL_SHARE = 0.10
# C0 controls other than tab, newline, form feed and carriage return, plus DEL.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 12, 13} | {127}))
# A JSON string escape is at most 6 bytes per byte of text ("\u0001"), so a
# longer JSONL line cannot hold an article within the limit.
_JSON_ESCAPE_FACTOR = 6
_JSON_LINE_SLACK = 65_536
_COPY_CHUNK = 1 << 20
_SPOOL_IN_MEMORY = 8 << 20
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_OPTIONAL_FIELDS = ("title", "url", "published")


def iter_articles(
    inputs: Sequence[str],
    *,
    config: InputConfig,
    stdin: TextIO | None = None,
) -> Iterator[Article | ArticleFailure]:
    """Yield one :class:`Article` or :class:`ArticleFailure` per article, lazily, in input order.

    Each input is a ``.txt`` file (one article, id = file stem), a ``.jsonl`` file
    (one article per line, id = the ``id`` field), an ``.html``/``.htm`` page
    (main text extracted with trafilatura, paragraphs separated by a blank line,
    id = file stem), a folder (searched recursively in sorted order for those
    suffixes, hidden entries skipped) or ``-`` for stdin (JSONL when every
    non-empty line is a JSON object with a ``text`` field, otherwise one
    plain-text article with id ``stdin``). Bad input yields a failure, never
    raises; every file is checked for size before it is read.
    """
    if isinstance(inputs, str):
        raise TypeError(f"inputs must be a sequence of paths, not the single string {inputs!r}")
    return _iter_inputs(inputs, config, stdin)


def _iter_inputs(
    inputs: Sequence[str], config: InputConfig, stdin: TextIO | None
) -> Iterator[Article | ArticleFailure]:
    for name in inputs:
        if name == STDIN:
            yield from _read_stdin(sys.stdin if stdin is None else stdin, config)
        else:
            yield from _read_input(Path(name), config)


def _read_input(path: Path, config: InputConfig) -> Iterator[Article | ArticleFailure]:
    if not path.is_dir():
        yield from _read_file(path, config)
        return
    found = False
    for item in _walk_folder(path):
        found = True
        if isinstance(item, ArticleFailure):
            yield item
        else:
            yield from _read_file(item, config)
    if not found:
        yield _failure(InputError(str(path), f"folder has no {_SUFFIX_LIST} files"))


def _walk_folder(folder: Path) -> Iterator[Path | ArticleFailure]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        while errors:
            err = errors.pop(0)
            yield _failure(InputError(str(err.filename or root), f"cannot read folder: {err.strerror}"))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(root, name)
    for err in errors:
        yield _failure(InputError(str(err.filename or folder), f"cannot read folder: {err.strerror}"))


def _read_file(path: Path, config: InputConfig) -> Iterator[Article | ArticleFailure]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, config)
        return
    try:
        article = _read_whole_file(path, suffix, config)
    except InputError as err:
        yield _failure(err)
    else:
        yield article


def _read_whole_file(path: Path, suffix: str, config: InputConfig) -> Article:
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as err:
        raise InputError(source, "file not found") from err
    except OSError as err:
        raise InputError(source, f"cannot read file: {err.strerror}") from err
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "with no suffix"
        raise InputError(source, f"unsupported file type {shown}; expected {_SUFFIX_LIST}")
    if size > config.max_bytes:
        raise InputError(source, f"file too large: {_size_excess(size, config.max_bytes)}")
    try:
        with path.open("rb") as fh:
            # Bounded read: the file may have grown since stat().
            data = fh.read(config.max_bytes + 1)
    except OSError as err:
        raise InputError(source, f"cannot read file: {err.strerror}") from err
    if len(data) > config.max_bytes:
        raise InputError(source, f"file too large: over the {_megabytes(config.max_bytes)} limit")
    text = _decode_document(data, source, what="file")
    if suffix in TEXT_SUFFIXES:
        article = Article(id=path.stem, text=text, source=source)
    else:
        article = _html_article(text, article_id=path.stem, source=source)
    _check_text(article.text, source, config)
    return article


def _decode_document(data: bytes, source: str, *, what: str) -> str:
    """Decode a whole document, rejecting empty, binary and non-UTF-8 input."""
    base = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    body = data[base:]
    if not body.strip():
        raise InputError(source, f"empty {what}" if not body else f"empty {what} (only whitespace)")
    _check_not_binary(body, source, what=what)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(source, _utf8_reason(data, base + err.start)) from err
    if not text.strip():
        raise InputError(source, f"empty {what} (only whitespace)")
    return text


def _check_not_binary(data: bytes, source: str, *, what: str) -> None:
    """Reject UTF-16 and binary data; ``data`` is a whole document or the head of one."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(source, f"UTF-16 text is not supported; save the {what} as UTF-8")
    if b"\x00" in data:
        raise InputError(source, f"binary {what} (contains NUL bytes), not text")
    head = data[:_SNIFF_BYTES]
    if head:
        share = (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head)
        if share > _MAX_CONTROL_SHARE:
            raise InputError(source, f"binary {what} ({share:.0%} control characters), not text")


def _utf8_reason(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"not valid UTF-8: byte 0x{data[offset]:02x} at byte offset {offset} (line {line})"


def _html_article(page: str, *, article_id: str, source: str) -> Article:
    # Imported on first use: trafilatura is slow to import and only HTML needs it.
    import trafilatura

    try:
        extracted = trafilatura.extract(page, include_comments=False, favor_recall=True)
        meta = trafilatura.extract_metadata(page, extensive=False)
    except Exception as err:  # a parser of arbitrary pages: bad input must not raise
        raise InputError(source, f"cannot parse the HTML: {type(err).__name__}: {err}") from err
    # trafilatura puts one block per line; a blank line between paragraphs
    # matches how plain-text articles are laid out.
    text = "\n\n".join(line for line in (extracted or "").splitlines() if line.strip())
    if not text:
        raise InputError(source, "no article text found in the HTML")
    title = meta.title or _html_title(page)
    return Article(
        id=article_id,
        text=text,
        source=source,
        title=title,
        url=meta.url or None,
        published=meta.date or None,
    )


def _html_title(page: str) -> str | None:
    match = _HTML_TITLE.search(page)
    if match is None:
        return None
    title = " ".join(html.unescape(match.group(1)).split())
    return title or None


def _read_jsonl_file(path: Path, config: InputConfig) -> Iterator[Article | ArticleFailure]:
    source = str(path)
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        yield _failure(InputError(source, "file not found"))
        return
    except OSError as err:
        yield _failure(InputError(source, f"cannot read file: {err.strerror}"))
        return
    with fh:
        yield from _iter_jsonl(fh, source, config)


def _iter_jsonl(fh: IO[bytes], source: str, config: InputConfig) -> Iterator[Article | ArticleFailure]:
    """Read JSONL line by line; a bad line yields a failure and the rest still come."""
    head = fh.read(_SNIFF_BYTES)
    fh.seek(0)
    try:
        _check_not_binary(head, source, what="file")
    except InputError as err:
        yield _failure(err)
        return
    scan = LineScan()
    yield from iter_jsonl_lines(fh, source, config, scan=scan)
    if not scan.seen:
        yield _failure(InputError(source, "empty file" if scan.offset == 0 else "empty file (only whitespace)"))


@dataclasses.dataclass
class LineScan:
    """How far :func:`iter_jsonl_lines` read, and whether it met a line with content."""

    offset: int = 0
    seen: bool = False


def iter_jsonl_lines(
    fh: IO[bytes], source: str, config: InputConfig, *, start: int = 0, end: int | None = None, first: int = 1,
    scan: LineScan | None = None,
) -> Iterator[Article | ArticleFailure]:
    """The articles of the JSONL lines from byte ``start`` (line number ``first``) up to byte ``end``.

    A bad or over-long line yields a failure naming ``source:LINE`` and the rest still come.
    """
    scan = scan if scan is not None else LineScan()
    cap = config.max_bytes * _JSON_ESCAPE_FACTOR + _JSON_LINE_SLACK
    fh.seek(start)
    scan.offset, lineno = start, first - 1
    while (end is None or scan.offset < end) and (raw := fh.readline(cap)):
        lineno += 1
        line_start = scan.offset
        scan.offset += len(raw)
        where = f"{source}:{lineno}"
        if len(raw) == cap and not raw.endswith(b"\n"):
            scan.offset += _skip_rest_of_line(fh)
            scan.seen = True
            reason = f"line longer than {_megabytes(cap)}, cannot hold an article within the limit"
            yield _failure(InputError(where, reason))
            continue
        if lineno == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
            line_start += len(_UTF8_BOM)
        if not raw.strip():
            continue
        scan.seen = True
        try:
            article = _jsonl_article(raw, where=where, line_offset=line_start, config=config)
        except InputError as err:
            yield _failure(err)
        else:
            yield article


def _skip_rest_of_line(fh: IO[bytes]) -> int:
    skipped = 0
    while chunk := fh.readline(_COPY_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _jsonl_article(raw: bytes, *, where: str, line_offset: int, config: InputConfig) -> Article:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = line_offset + err.start
        raise InputError(where, f"not valid UTF-8: byte 0x{raw[err.start]:02x} at byte offset {offset}") from err
    try:
        # Without the line break, an error at the end of the line keeps its column.
        record = json.loads(line.rstrip())
    except json.JSONDecodeError as err:
        raise InputError(where, f"invalid JSON: {err.msg} at column {err.colno}") from err
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {_json_type(record)}")
    article_id = _jsonl_id(record, where)
    text = record.get("text")
    if text is None:
        raise InputError(where, "missing 'text' field")
    if not isinstance(text, str):
        raise InputError(where, f"'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        raise InputError(where, "empty 'text' field")
    text = text.removeprefix("\ufeff")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(where, f"'text' has an unpaired surrogate escape at character {err.start}") from err
    optional = {name: _jsonl_optional(record, name, where) for name in _OPTIONAL_FIELDS}
    _check_text(text, where, config)
    return Article(id=article_id, text=text, source=where, **optional)


def _jsonl_id(record: dict[str, Any], where: str) -> str:
    value = record.get("id")
    if value is None:
        raise InputError(where, "missing 'id' field")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(where, f"'id' must be a string or number, got {_json_type(value)}")
    article_id = str(value).strip()
    if not article_id:
        raise InputError(where, "empty 'id' field")
    return article_id


def _jsonl_optional(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(where, f"'{name}' must be a string, got {_json_type(value)}")
    return str(value).strip() or None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _read_stdin(stream: TextIO, config: InputConfig) -> Iterator[Article | ArticleFailure]:
    # stdin cannot be read twice, and deciding between JSONL and plain text
    # needs every line, so it is copied to a spooled temporary file first.
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
        size = _copy_stream(stream, spool)
        spool.seek(0)
        if _looks_like_jsonl(spool, cap=config.max_bytes * _JSON_ESCAPE_FACTOR + _JSON_LINE_SLACK):
            spool.seek(0)
            yield from _iter_jsonl(spool, STDIN_ID, config)
            return
        if size > config.max_bytes:
            yield _failure(InputError(STDIN_ID, f"input too large: {_size_excess(size, config.max_bytes)}"))
            return
        spool.seek(0)
        try:
            text = _decode_document(spool.read(), STDIN_ID, what="input")
            _check_text(text, STDIN_ID, config)
        except InputError as err:
            yield _failure(err)
            return
        yield Article(id=STDIN_ID, text=text, source=STDIN_ID)


def _copy_stream(stream: TextIO, spool: IO[bytes]) -> int:
    """Copy ``stream`` as UTF-8 bytes into ``spool``; return the number of bytes."""
    size = 0
    binary = getattr(stream, "buffer", None)
    while True:
        if binary is not None:
            chunk = binary.read(_COPY_CHUNK)
        else:
            # Lone surrogates pass through as invalid UTF-8, reported on decoding.
            chunk = stream.read(_COPY_CHUNK).encode("utf-8", "surrogatepass")
        if not chunk:
            return size
        spool.write(chunk)
        size += len(chunk)


def _looks_like_jsonl(fh: IO[bytes], *, cap: int) -> bool:
    """True when every non-empty line is a JSON object with a ``text`` field."""
    seen = False
    first = True
    while raw := fh.readline(cap):
        if first and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
        first = False
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return False
        if not isinstance(record, dict) or "text" not in record:
            return False
        seen = True
    return seen


def _check_text(text: str, source: str, config: InputConfig) -> None:
    """Run the checks every article must pass, whatever it was read from."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > config.max_bytes:
        raise InputError(source, f"article text too large: {_size_excess(size, config.max_bytes)}")
    chars = len(text.strip())
    if chars < config.min_chars:
        raise InputError(source, f"text too short: {chars} characters, the minimum is {config.min_chars}")
    ratio = english_ratio(text)
    if ratio < config.min_english_ratio:
        raise InputError(source, f"not English text: English score {ratio:.2f} is below {config.min_english_ratio:.2f}")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _size_excess(size: int, limit: int) -> str:
    shown, limit_shown = _megabytes(size), _megabytes(limit)
    if shown == limit_shown:
        return f"{size:,} bytes exceeds the {limit:,}-byte limit"
    return f"{shown} exceeds the {limit_shown} limit"


def _failure(err: InputError) -> ArticleFailure:
    return ArticleFailure(source=err.source, message=" ".join(str(err).splitlines()))
