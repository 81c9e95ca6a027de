"""Statements of a hand-written text, through the real attribution stage."""

from __future__ import annotations

from factcheck.attribution.stage import AttributionStage
from factcheck.records import CleanArticle, Statement


def statements(stage: AttributionStage, text: str) -> list[Statement]:
    ((_, found),) = list(stage([CleanArticle(id="t", text=text, source="t")]))
    return found
