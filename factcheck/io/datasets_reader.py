"""Stream articles from Parquet files through Hugging Face ``datasets``.

A Parquet file is read in streaming mode, ``batch_rows`` rows at a time, so
memory stays flat whatever its size. Each row goes through the same checks as
a JSONL line (``id``, ``text``, optional ``title``, ``url``, ``published``;
size, length, language) and becomes an :class:`Article` or an
:class:`ArticleFailure` named ``path:ROW`` (rows counted from 1).

:func:`iter_inputs` is :func:`factcheck.io.readers.iter_articles` plus Parquet:
``.parquet`` files named directly or found in folders.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from factcheck.config import InputConfig
from factcheck.errors import InputError
from factcheck.io.readers import STDIN, SUPPORTED_SUFFIXES, _failure, _jsonl_article, iter_articles
from factcheck.records import Article, ArticleFailure

PARQUET_SUFFIXES = frozenset({".parquet"})
ALL_SUFFIXES = SUPPORTED_SUFFIXES | PARQUET_SUFFIXES
ARTICLE_COLUMNS = ("id", "text", "title", "url", "published")
REQUIRED_COLUMNS = ("id", "text")
DEFAULT_BATCH_ROWS = 256
_ALL_SUFFIX_LIST = ".txt, .jsonl, .html, .htm or .parquet"

Item = Article | ArticleFailure


def iter_inputs(
    inputs: Sequence[str],
    *,
    config: InputConfig,
    stdin: TextIO | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> Iterator[Item]:
    """Yield one Article or ArticleFailure per article, lazily, in input order.

    Everything :func:`~factcheck.io.readers.iter_articles` reads, read by it,
    plus ``.parquet`` files (columns ``id``, ``text`` and optional ``title``,
    ``url``, ``published``) named directly or found in folders.
    """
    if isinstance(inputs, str):
        raise TypeError(f"inputs must be a sequence of paths, not the single string {inputs!r}")
    return _iter_inputs(inputs, config, stdin, batch_rows)


def _iter_inputs(inputs: Sequence[str], config: InputConfig, stdin: TextIO | None, batch_rows: int) -> Iterator[Item]:
    for name in inputs:
        path = Path(name)
        if name != STDIN and path.is_dir():
            for item in walk_folder(path):
                if isinstance(item, ArticleFailure):
                    yield item
                else:
                    yield from read_path(item, config=config, batch_rows=batch_rows)
        else:
            yield from read_path(name, config=config, stdin=stdin, batch_rows=batch_rows)


def read_path(
    path: str | Path, *, config: InputConfig, stdin: TextIO | None = None, batch_rows: int = DEFAULT_BATCH_ROWS
) -> Iterator[Item]:
    """The articles of one file (or ``-``): Parquet here, anything else by the readers."""
    name = str(path)
    if name != STDIN and Path(name).suffix.lower() in PARQUET_SUFFIXES:
        return iter_parquet_articles(name, config=config, batch_rows=batch_rows)
    return iter_articles([name], config=config, stdin=stdin)


def walk_folder(folder: Path) -> Iterator[Path | ArticleFailure]:
    """Readable files under ``folder``, recursively in sorted order, hidden entries skipped."""
    errors: list[OSError] = []
    found = False
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        while errors:
            found = True
            yield _folder_failure(errors.pop(0), root)
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ALL_SUFFIXES:
                found = True
                yield Path(root, name)
    for err in errors:
        found = True
        yield _folder_failure(err, str(folder))
    if not found:
        yield _failure(InputError(str(folder), f"folder has no {_ALL_SUFFIX_LIST} files"))


def _folder_failure(err: OSError, where: str) -> ArticleFailure:
    return _failure(InputError(str(err.filename or where), f"cannot read folder: {err.strerror}"))


def iter_parquet_articles(
    path: str | Path, *, config: InputConfig, batch_rows: int = DEFAULT_BATCH_ROWS
) -> Iterator[Item]:
    """Stream the rows of one Parquet file as articles; a bad row is a failure, the rest still come."""
    source = str(path)
    try:
        columns = parquet_columns(source)
    except InputError as err:
        yield _failure(err)
        return
    import datasets
    import pyarrow as pa

    row = 0
    try:
        stream = datasets.load_dataset(
            "parquet", data_files=[source], split="train", streaming=True, columns=columns, batch_size=batch_rows
        )
        for record in stream:
            row += 1
            yield article_from_row(record, where=f"{source}:{row}", config=config)
    except (OSError, ValueError, pa.ArrowException) as err:
        reason = " ".join(str(err).split())
        yield _failure(InputError(source, f"cannot read the Parquet file after row {row}: {reason}"))
        return
    if row == 0:
        yield _failure(InputError(source, "empty file (no rows)"))


def parquet_columns(source: str) -> list[str]:
    """The article columns a Parquet file has; raises InputError when it is unreadable or lacks id or text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        names = set(pq.read_schema(source).names)
    except FileNotFoundError as err:
        raise InputError(source, "file not found") from err
    except OSError as err:
        raise InputError(source, f"cannot read file: {err.strerror or err}") from err
    except pa.ArrowException as err:
        raise InputError(source, f"not a Parquet file: {' '.join(str(err).split())}") from err
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        shown = " and ".join(f"'{c}'" for c in missing)
        raise InputError(source, f"no {shown} column; a Parquet input needs 'id' and 'text'")
    return [c for c in ARTICLE_COLUMNS if c in names]


def article_from_row(record: Mapping[str, Any], *, where: str, config: InputConfig) -> Item:
    """One table row as an Article, checked exactly as a JSONL line is; a failure when it does not pass."""
    values = {k: _json_value(v) for k, v in record.items() if k in ARTICLE_COLUMNS}
    # Through JSON so that a row meets the very checks (and messages) of a JSONL line.
    raw = json.dumps(values, ensure_ascii=True, allow_nan=False).encode("ascii")
    try:
        return _jsonl_article(raw, where=where, line_offset=0, config=config)
    except InputError as err:
        return _failure(err)


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    # Bytes, structs and other column types are not text; the checks report them as such.
    return {"type": type(value).__name__}
