"""Write the pairs whose latest verdict is ``confirm`` in one of the export formats."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, get_args

from factcheck.export import claimreview, tabular
from factcheck.review import queries, store
from factcheck.review.errors import ReviewError
from factcheck.review.settings import DeskConfig

ExportFormat = Literal["claimreview", "csv", "jsonl"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)


def export_confirmed(db: Path, *, fmt: ExportFormat, out: Path, desk: DeskConfig) -> int:
    """Write every confirmed pair in ``db`` to ``out`` and return how many were written.

    ``out`` is replaced in one step, so a failed export leaves no half-written file.
    """
    if fmt not in FORMATS:
        raise ReviewError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    conn = store.open_existing(db)
    try:
        confirmed = queries.confirmed_pairs(conn)
    finally:
        conn.close()
    with _atomic_text(out) as handle:
        if fmt == "claimreview":
            reviews = [claimreview.claim_review(d, v, desk=desk) for d, v in confirmed]
            json.dump(reviews, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        else:
            rows = [tabular.row(d, v) for d, v in confirmed]
            if fmt == "csv":
                tabular.write_csv(rows, handle)
            else:
                tabular.write_jsonl(rows, handle)
    return len(confirmed)


@contextlib.contextmanager
def _atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text file written next to ``path`` and moved into place on success."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise ReviewError(f"{path}: cannot write export: {err.strerror or err}") from err
    tmp = Path(name)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except OSError as err:
        raise ReviewError(f"{path}: cannot write export: {err.strerror or err}") from err
    finally:
        tmp.unlink(missing_ok=True)
