"""An outcome of a batch run together with the hash that makes it resumable."""

from __future__ import annotations

import dataclasses
from typing import Any

from factcheck.io.resume import SHA_KEY
from factcheck.records import ArticleFailure, ArticleResult

Outcome = ArticleResult | ArticleFailure


@dataclasses.dataclass(frozen=True)
class Finished:
    """One outcome, and the SHA-256 of its article's input text ("" for a failure)."""

    outcome: Outcome
    text_sha256: str = ""

    @property
    def ok(self) -> bool:
        return isinstance(self.outcome, ArticleResult)

    def record(self) -> dict[str, Any]:
        """The output line of a result: its JSON plus ``text_sha256``."""
        if not isinstance(self.outcome, ArticleResult):
            raise TypeError(f"{self.outcome.source}: a failure has no output record")
        out = self.outcome.to_json()
        out[SHA_KEY] = self.text_sha256
        return out
