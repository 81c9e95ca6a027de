"""Cut a batch's inputs into shards that Ray tasks read in parallel.

A shard is a whole small file, a range of whole lines of a large JSONL file, or
one row group of a Parquet file. The driver plans shards from file metadata
(and one streaming pass over each large JSONL file, to cut at line breaks and
number the lines); tasks read them with the same checks as the local readers,
so an article gets the same id, source (``path:LINE``, ``path:ROW``) and
failure message on either engine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from factcheck.config import InputConfig
from factcheck.errors import InputError
from factcheck.io.datasets_reader import (
    DEFAULT_BATCH_ROWS,
    PARQUET_SUFFIXES,
    article_from_row,
    parquet_columns,
    read_path,
    walk_folder,
)
from factcheck.io.readers import (
    _SNIFF_BYTES,
    JSONL_SUFFIXES,
    STDIN,
    _check_not_binary,
    _failure,
    iter_jsonl_lines,
)
from factcheck.records import Article, ArticleFailure

ShardKind = Literal["file", "jsonl", "parquet", "failure"]
_SCAN_BLOCK = 1 << 20
_BLANK = b" \t\r\n\x0b\x0c"

Item = Article | ArticleFailure


@dataclasses.dataclass(frozen=True)
class Shard:
    """One unit of reading.

    ``file``: the whole file at ``path``. ``jsonl``: the lines in bytes
    ``[start, end)``, the first being line ``first``. ``parquet``: row group
    ``start``, its first row being row ``first``. ``failure``: ``message``.
    """

    path: str
    kind: ShardKind
    start: int = 0
    end: int = 0
    first: int = 1
    message: str = ""


def plan_shards(inputs: Sequence[str], *, shard_bytes: int) -> Iterator[Shard]:
    """Shards of every input, in input order; a JSONL file over ``shard_bytes`` is cut into several."""
    if isinstance(inputs, str):
        raise TypeError(f"inputs must be a sequence of paths, not the single string {inputs!r}")
    if STDIN in inputs:
        raise InputError(STDIN, "the ray engine reads files and folders, not stdin")
    return _plan(inputs, max(1, shard_bytes))


def _plan(inputs: Sequence[str], shard_bytes: int) -> Iterator[Shard]:
    for name in inputs:
        path = Path(name)
        for item in walk_folder(path) if path.is_dir() else [path]:
            if isinstance(item, ArticleFailure):
                yield Shard(item.source, "failure", message=item.message)
            else:
                yield from _file_shards(item, shard_bytes)


def _file_shards(path: Path, shard_bytes: int) -> Iterator[Shard]:
    suffix = path.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        yield from _parquet_shards(str(path))
        return
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the reader reports it
    if suffix in JSONL_SUFFIXES and size > shard_bytes:
        yield from _jsonl_shards(str(path), shard_bytes)
    else:
        yield Shard(str(path), "file")


def _parquet_shards(source: str) -> Iterator[Shard]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet_columns(source)
        meta = pq.ParquetFile(source).metadata
    except (InputError, OSError, pa.ArrowException):
        yield Shard(source, "file")  # the reader reports why it cannot be read
        return
    first = 1
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        if rows:
            yield Shard(source, "parquet", start=group, first=first)
        first += rows
    if first == 1:
        yield Shard(source, "file")


def _jsonl_shards(source: str, shard_bytes: int) -> Iterator[Shard]:
    """Line ranges of at least ``shard_bytes`` (the last may be shorter), cut after a line break."""
    try:
        fh = open(source, "rb")  # closed by the with below
    except OSError:
        yield Shard(source, "file")
        return
    with fh:
        try:
            _check_not_binary(fh.read(_SNIFF_BYTES), source, what="file")
        except InputError as err:
            yield Shard(source, "failure", message=_failure(err).message)
            return
        fh.seek(0)
        start, first = 0, 1
        block_start = newlines_before_block = 0
        blank = True
        while block := fh.read(_SCAN_BLOCK):
            blank = blank and not block.translate(None, _BLANK)
            search = start + shard_bytes - 1 - block_start
            while search < len(block):
                idx = block.find(b"\n", max(search, 0))
                if idx < 0:
                    break
                cut = block_start + idx + 1
                yield Shard(source, "jsonl", start=start, end=cut, first=first)
                start, first = cut, newlines_before_block + block.count(b"\n", 0, idx + 1) + 1
                search = start + shard_bytes - 1 - block_start
            newlines_before_block += block.count(b"\n")
            block_start += len(block)
    if blank:
        yield Shard(source, "failure", message=_failure(InputError(source, "empty file (only whitespace)")).message)
    elif start < block_start:
        yield Shard(source, "jsonl", start=start, end=block_start, first=first)


def read_shard(shard: Shard, *, config: InputConfig, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[Item]:
    """The articles and failures of one shard, as the local readers give them."""
    if shard.kind == "failure":
        return iter([ArticleFailure(shard.path, shard.message)])
    if shard.kind == "jsonl":
        return iter_jsonl_range(shard.path, start=shard.start, end=shard.end, first=shard.first, config=config)
    if shard.kind == "parquet":
        return iter_parquet_group(
            shard.path, group=shard.start, first=shard.first, config=config, batch_rows=batch_rows
        )
    return read_path(shard.path, config=config, batch_rows=batch_rows)


def iter_jsonl_range(source: str, *, start: int, end: int, first: int, config: InputConfig) -> Iterator[Item]:
    """Lines ``[start, end)`` of a JSONL file, checked line by line as ``iter_articles`` checks them."""
    try:
        fh = open(source, "rb")  # closed by the with below
    except OSError as err:
        yield _failure(InputError(source, f"cannot read file: {err.strerror}"))
        return
    with fh:
        yield from iter_jsonl_lines(fh, source, config, start=start, end=end, first=first)


def iter_parquet_group(
    source: str, *, group: int, first: int, config: InputConfig, batch_rows: int = DEFAULT_BATCH_ROWS
) -> Iterator[Item]:
    """The rows of one Parquet row group, numbered from ``first``, checked as ``iter_inputs`` checks them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = first - 1
    try:
        columns = parquet_columns(source)
        for batch in pq.ParquetFile(source).iter_batches(batch_size=batch_rows, row_groups=[group], columns=columns):
            for record in batch.to_pylist():
                row += 1
                yield article_from_row(record, where=f"{source}:{row}", config=config)
    except InputError as err:
        yield _failure(err)
    except (OSError, ValueError, pa.ArrowException) as err:
        reason = " ".join(str(err).split())
        yield _failure(InputError(source, f"cannot read the Parquet file after row {row}: {reason}"))
