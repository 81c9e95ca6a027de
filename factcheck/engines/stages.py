"""The pipeline's chunk work in two halves that can run apart.

:class:`PrepareStage` does the CPU work (cleanup, spaCy parsing and
attribution, embeddings and candidate pairs); :class:`ScoreStage` holds the NLI
model, scores every candidate pair of a batch in both directions in one engine
call and decides each pair's relation. Run back to back they give what
:meth:`ClaimRebuttalPipeline.process_chunk` gives, through the same stages
(``AttributionStage``, ``PairingStage.candidates``, ``NLIEngine.score``,
``relate``). The ray engine runs them on separate actor pools.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from factcheck.attribution.stage import AttributionStage
from factcheck.config import RunConfig
from factcheck.heap import release_free_memory
from factcheck.nli.engine import NLIEngine
from factcheck.pairing.embedder import Embedder
from factcheck.pairing.stage import PairingStage, decide_relations, nli_inputs
from factcheck.pipeline import PipelineDefinition, load_definition
from factcheck.records import (
    Article,
    ArticleFailure,
    ArticleResult,
    CandidatePair,
    CleanArticle,
    Pair,
    Statement,
)
from factcheck.text.cleanup import clean_articles

log = logging.getLogger(__name__)

NO_MODEL = {"id": "", "revision": ""}
# What ClaimRebuttalPipeline.run turns into a failure of every article of a chunk.
CHUNK_ERRORS = (RuntimeError, ValueError, MemoryError)


@dataclasses.dataclass(frozen=True)
class Prepared:
    """An article after the CPU stages: cleaned, its statements found, its candidate pairs built."""

    article: CleanArticle
    statements: tuple[Statement, ...]
    candidates: tuple[CandidatePair, ...]


class PrepareStage:
    """Cleanup, attribution and candidate pairs for a batch of articles (no NLI)."""

    def __init__(self, config: RunConfig, *, definition: PipelineDefinition | None = None) -> None:
        self.config = config
        self.definition = definition or load_definition(config.pipeline)
        stages = self.definition.stages
        self.attribute = AttributionStage(config.attribution) if "attribute" in stages else None
        self.pairing: PairingStage | None = None
        if "pair" in stages:
            # candidates() uses the embedder only; the engine belongs to PairingStage.__call__, unused here.
            embedder = Embedder(config.pairing.embedder, max_tokens=config.pairing.embedder_max_tokens)
            self.pairing = PairingStage(config.pairing, engine=None, embedder=embedder)  # type: ignore[arg-type]

    def __call__(self, articles: Sequence[Article]) -> list[Prepared | ArticleFailure]:
        """One record per article, in order; a failure in one article does not stop the others."""
        try:
            return self._prepare(articles)
        except CHUNK_ERRORS as err:
            log.exception("batch failed")
            return [ArticleFailure(a.source, f"{a.source}: processing failed: {err}") for a in articles]

    def _prepare(self, articles: Sequence[Article]) -> list[Prepared | ArticleFailure]:
        cleaned = clean_articles(articles)
        good = [c for c in cleaned if isinstance(c, CleanArticle)]
        statements: list[list[Statement]] = [[] for _ in good]
        if self.attribute is not None:
            statements = [sts for _, sts in self.attribute(good)]
            release_free_memory()
        candidates: list[list[CandidatePair]] = [[] for _ in good]
        if self.pairing is not None and good:
            candidates = self.pairing.candidates([(c.id, sts) for c, sts in zip(good, statements, strict=True)])
        found = iter(zip(good, statements, candidates, strict=True))
        out: list[Prepared | ArticleFailure] = []
        for c in cleaned:
            if isinstance(c, ArticleFailure):
                out.append(c)
            else:
                art, sts, cands = next(found)
                out.append(Prepared(art, tuple(sts), tuple(cands)))
        return out


class ScoreStage:
    """NLI on the candidate pairs of a batch of prepared articles, then their relations."""

    def __init__(
        self, config: RunConfig, *, engine: NLIEngine | None = None, definition: PipelineDefinition | None = None
    ) -> None:
        self.config = config
        self.definition = definition or load_definition(config.pipeline)
        self.engine: NLIEngine | None = None
        if "pair" in self.definition.stages:
            self.engine = engine or NLIEngine(config.nli)

    @property
    def model_info(self) -> dict[str, str]:
        return self.engine.model_info if self.engine is not None else dict(NO_MODEL)

    def __call__(self, prepared: Sequence[Prepared]) -> list[ArticleResult | ArticleFailure]:
        """One outcome per prepared article, in order."""
        try:
            return self._score(prepared)
        except CHUNK_ERRORS as err:
            log.exception("batch failed")
            return [ArticleFailure(p.article.source, f"{p.article.source}: processing failed: {err}") for p in prepared]

    def _score(self, prepared: Sequence[Prepared]) -> list[ArticleResult | ArticleFailure]:
        per_article = [p.candidates for p in prepared]
        pairs: list[list[Pair]] = [[] for _ in prepared]
        if self.engine is not None and prepared:
            results = self.engine.score(nli_inputs(c for cands in per_article for c in cands))
            pairs = decide_relations(per_article, results, config=self.config.pairing)
        model = self.model_info
        return [ArticleResult.from_article(p.article, p.statements, found, model)
                for p, found in zip(prepared, pairs, strict=True)]
