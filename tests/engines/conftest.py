"""A small batch with pairs to find: the seed, short articles as JSONL and Parquet, and bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

SHORT_ARTICLES = {
    "union": "The city council announced a 2 percent pay rise for bus drivers on Monday. The union rejected the "
    'announcement. "This offer is an insult to our members," said Mary Quinn, the union\'s president. Council '
    "spokesman Tom Reyes said the offer was fair.",
    "mine": "Regulators said Northfield Mining ignored safety warnings at its Ridge pit. Northfield Mining denied that "
    'it ignored safety warnings at the Ridge pit. "We have followed every inspection order," said chief executive '
    "Alan Brooks.",
    "school": "Mayor Linda Park said the school closures would save $4 million a year. Parent leader Sam Ortiz said "
    "the school closures would not save any money. Ortiz said the district overstated the costs.",
    "vote": "Senator Ruth Adams said the election was stolen. Election officials rejected the claim, saying the vote "
    'count was accurate. "There was no fraud," said state election chief Paul Lin.',
}


@pytest.fixture()
def short_articles() -> dict[str, str]:
    return dict(SHORT_ARTICLES)


@pytest.fixture()
def small_batch(tmp_path: Path, seed_path: Path) -> Path:
    """A folder: the seed (.txt), three short articles and two bad lines (.jsonl), one more (.parquet)."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_seed.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    names = list(SHORT_ARTICLES)
    lines = [json.dumps({"id": n, "text": SHORT_ARTICLES[n], "title": n.title()}) for n in names[:3]]
    lines += ['{"id": "broken", "text": ', json.dumps({"id": "tiny", "text": "Too short."})]
    (folder / "b_short.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist([{"id": names[3], "text": SHORT_ARTICLES[names[3]]}]), folder / "c.parquet")
    return folder
