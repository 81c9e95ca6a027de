"""On-disk cache of NLI results, keyed by model revision and pair text."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from factcheck.records import NLIResult

_SCHEMA = "CREATE TABLE IF NOT EXISTS nli (key TEXT PRIMARY KEY, probs TEXT NOT NULL)"


class NLICache:
    """A SQLite file mapping (model, premise, hypothesis) to label probabilities."""

    def __init__(self, path: str | Path, *, model_key: str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.model_key = model_key
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute(_SCHEMA)

    def key(self, premise: str, hypothesis: str) -> str:
        raw = "\x1f".join((self.model_key, premise, hypothesis)).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()

    def get_many(self, pairs: Sequence[tuple[str, str]]) -> list[NLIResult | None]:
        keys = [self.key(p, h) for p, h in pairs]
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.conn.execute(f"SELECT key, probs FROM nli WHERE key IN ({marks})", chunk))
        return [NLIResult(json.loads(found[k])) if k in found else None for k in keys]

    def put_many(self, items: Iterable[tuple[tuple[str, str], NLIResult]]) -> None:
        rows = [(self.key(p, h), json.dumps(r.probs)) for (p, h), r in items]
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO nli (key, probs) VALUES (?, ?)", rows)

    def close(self) -> None:
        self.conn.close()
