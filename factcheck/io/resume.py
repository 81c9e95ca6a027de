"""Resume a batch run: which articles an output file already holds, and a clean end to append to.

Each output record carries ``text_sha256``, the SHA-256 of the article's input
text (before cleanup). An article is done when a record with its id and that
hash is in the file; records written before the hash existed match by id
alone. A crash can leave a torn last line: :func:`load_resume` cuts it off so
that appended records start on a line of their own, and drops any other line
that is not a whole record.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from factcheck.errors import InputError

SHA_KEY = "text_sha256"
STDOUT = "-"
_MAX_LINE_NUMBERS_SHOWN = 5

Key = tuple[str, str | None]


def text_sha256(text: str) -> str:
    """Hex SHA-256 of ``text`` as UTF-8 (lone surrogates kept, as the readers keep them)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclasses.dataclass
class ResumeState:
    """Articles an earlier run wrote, counted by ``(article_id, text_sha256)``.

    ``claim`` counts an article off, so an input that holds the same article
    twice is skipped only as often as it was written.
    """

    done: collections.Counter[Key] = dataclasses.field(default_factory=collections.Counter)
    records: int = 0
    skipped: int = 0
    repairs: tuple[str, ...] = ()

    def claim(self, article_id: str, sha: str) -> bool:
        """True, and one fewer left to skip, when an earlier run already wrote this article."""
        for key in ((article_id, sha), (article_id, None)):
            if self.done[key] > 0:
                self.done[key] -= 1
                self.skipped += 1
                return True
        return False


def load_resume(path: str | Path) -> ResumeState:
    """Read the records of an earlier run from ``path`` and repair its end.

    A missing or empty file gives an empty state. A last line without a line
    break is a write cut short by a crash and is truncated away; a line that is
    not a JSON record with an ``article_id`` elsewhere in the file is dropped by
    rewriting the file (through a temporary file, so a crash leaves either
    version). What was repaired is in ``repairs``, one line each.
    """
    name = str(path)
    if name == STDOUT:
        raise InputError(name, "cannot resume when the output is stdout; pass --out FILE")
    state = ResumeState()
    try:
        fh = open(name, "rb")  # closed below, after the scan
    except FileNotFoundError:
        return state
    except OSError as err:
        raise InputError(name, f"cannot read the output to resume: {err.strerror}") from err
    with fh:
        bad_lines: list[int] = []
        good_end = 0
        torn = 0
        for lineno, start, raw in _lines(fh):
            if not raw.endswith(b"\n"):
                torn = len(raw)
                break
            key = _record_key(raw)
            if key is None:
                if raw.strip():
                    bad_lines.append(lineno)
                continue
            state.done[key] += 1
            state.records += 1
            good_end = start + len(raw)
    repairs: list[str] = []
    if bad_lines:
        _rewrite_without(name, set(bad_lines))
        shown = ", ".join(str(n) for n in bad_lines[:_MAX_LINE_NUMBERS_SHOWN])
        more = ", ..." if len(bad_lines) > _MAX_LINE_NUMBERS_SHOWN else ""
        repairs.append(f"{name}: dropped {len(bad_lines)} line(s) that are not whole records (line {shown}{more})")
    elif torn:
        os.truncate(name, good_end)
    if torn:
        repairs.append(f"{name}: cut off a torn last line ({torn} bytes) left by an interrupted run")
    state.repairs = tuple(repairs)
    return state


def _lines(fh: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """``(line number, byte offset, line)`` for each line, the line break kept."""
    offset = 0
    for lineno, raw in enumerate(fh, start=1):
        yield lineno, offset, raw
        offset += len(raw)


def _record_key(raw: bytes) -> Key | None:
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    article_id = record.get("article_id")
    if not isinstance(article_id, str) or not article_id:
        return None
    sha = record.get(SHA_KEY)
    return article_id, sha if isinstance(sha, str) and sha else None


def _rewrite_without(name: str, drop: set[int]) -> None:
    """Copy every whole line except ``drop`` (and a torn tail) to a new file that replaces ``name``."""
    folder = os.path.dirname(os.path.abspath(name))
    fd, tmp = tempfile.mkstemp(prefix=".resume-", dir=folder)
    try:
        with open(name, "rb") as src, os.fdopen(fd, "wb") as dst:
            for lineno, _, raw in _lines(src):
                if raw.endswith(b"\n") and lineno not in drop:
                    dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(tmp, os.stat(name).st_mode & 0o777)
        os.replace(tmp, name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
