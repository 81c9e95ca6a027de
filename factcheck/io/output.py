"""Crash-tolerant JSONL output: one compact JSON object per line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

STDOUT = "-"


class JsonlWriter:
    """Write records as JSON lines to a file, or to stdout when the path is ``-``.

    Each record is encoded to one full line and handed to the operating system in
    a single ``write()`` call (several lines at once when ``flush_every`` > 1),
    then flushed and fsynced every ``flush_every`` records and on close. A crash
    loses at most the records not yet flushed and leaves, at worst, a torn last
    line. Appending to a file whose last line is torn starts on a fresh line, so
    the torn fragment never swallows a new record.
    """

    def __init__(self, path: str | Path, *, append: bool = False, flush_every: int = 1) -> None:
        if flush_every < 1:
            raise ValueError(f"flush_every must be at least 1, got {flush_every}")
        self.path = str(path)
        self.flush_every = flush_every
        self.count = 0
        self._pending: list[bytes] = []
        self._closed = False
        self._stdout: TextIO | None = None
        self._fd = -1
        if self.path == STDOUT:
            self._stdout = sys.stdout
            return
        if append and _ends_without_newline(self.path):
            self._pending.append(b"\n")
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        self._fd = os.open(self.path, flags, 0o644)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def write(self, record: Mapping[str, Any]) -> None:
        """Append ``record`` as one line; flush and fsync every ``flush_every`` records."""
        if self._closed:
            raise ValueError(f"{self.path}: JsonlWriter is closed")
        self._pending.append(_encode(record))
        self.count += 1
        if self.count % self.flush_every == 0:
            self.flush()

    def flush(self) -> None:
        """Hand pending lines to the OS in one write, then fsync (flush for stdout)."""
        if self._closed:
            return
        data = b"".join(self._pending)
        self._pending.clear()
        if self._stdout is not None:
            _write_stream(self._stdout, data)
            return
        if data:
            _write_all(self._fd, data)
        os.fsync(self._fd)

    def close(self) -> None:
        """Flush what is pending and close the file (stdout stays open)."""
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self._closed = True
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1


def _encode(record: Mapping[str, Any]) -> bytes:
    try:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ValueError(f"record cannot be written as JSON: {err}") from err
    try:
        return (line + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # An unpaired surrogate cannot be UTF-8; ASCII escapes keep the line valid JSON.
        return (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_stream(stream: TextIO, data: bytes) -> None:
    binary = getattr(stream, "buffer", None)
    stream.flush()
    if binary is None:
        stream.write(data.decode("utf-8"))
        stream.flush()
        return
    # Bytes go straight to the buffer: the text layer's encoding may not be UTF-8.
    binary.write(data)
    binary.flush()


def _ends_without_newline(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            if fh.seek(0, os.SEEK_END) == 0:
                return False
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) != b"\n"
    except FileNotFoundError:
        return False
