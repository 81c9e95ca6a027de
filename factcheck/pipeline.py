"""The claim-and-rebuttal pipeline: a plain composition of stages.

A pipeline definition in ``pipelines/`` names the stages in order; the
pipeline is checked once when it is built. Articles stream through in chunks:
each chunk is parsed together, and all its candidate pairs go to the NLI
engine in one call, so batches span articles while memory stays flat.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from factcheck.attribution.stage import AttributionStage
from factcheck.config import RunConfig
from factcheck.errors import ConfigError
from factcheck.heap import release_free_memory
from factcheck.io.readers import iter_articles
from factcheck.nli.engine import NLIEngine
from factcheck.pairing.embedder import Embedder
from factcheck.pairing.stage import PairingStage
from factcheck.records import Article, ArticleFailure, ArticleResult, CleanArticle
from factcheck.resources import bundled_dir
from factcheck.text.cleanup import clean_articles

log = logging.getLogger(__name__)

PIPELINE_DIR = bundled_dir("pipelines")
KNOWN_STAGES = ("read", "clean", "attribute", "pair", "write")
Outcome = ArticleResult | ArticleFailure


@dataclasses.dataclass(frozen=True)
class PipelineDefinition:
    name: str
    stages: tuple[str, ...]
    description: str = ""


def load_definition(name_or_path: str) -> PipelineDefinition:
    """Read ``pipelines/NAME.toml`` (or a path) and check its stages."""
    path = Path(name_or_path)
    if not path.suffix:
        path = PIPELINE_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise ConfigError(f"{path}: no such pipeline definition")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stages = tuple(data.get("stages", ()))
    unknown = [s for s in stages if s not in KNOWN_STAGES]
    if unknown:
        raise ConfigError(f"{path}: unknown stage(s) {', '.join(unknown)}; known: {', '.join(KNOWN_STAGES)}")
    order = [KNOWN_STAGES.index(s) for s in stages]
    if order != sorted(order) or not stages or stages[0] != "read":
        raise ConfigError(f"{path}: stages must start with read and keep the order {' -> '.join(KNOWN_STAGES)}")
    return PipelineDefinition(name=data.get("name", path.stem), stages=stages, description=data.get("description", ""))


class ClaimRebuttalPipeline:
    """read -> clean -> attribute -> pair, chunk by chunk."""

    def __init__(self, config: RunConfig, *, engine: NLIEngine | None = None,
                 definition: PipelineDefinition | None = None) -> None:
        self.config = config
        self.definition = definition or load_definition(config.pipeline)
        self.attribute = AttributionStage(config.attribution) if "attribute" in self.definition.stages else None
        self.engine: NLIEngine | None = None
        self.pair: PairingStage | None = None
        if "pair" in self.definition.stages:
            self.engine = engine or NLIEngine(config.nli)
            embedder = Embedder(config.pairing.embedder, max_tokens=config.pairing.embedder_max_tokens)
            self.pair = PairingStage(config.pairing, engine=self.engine, embedder=embedder)

    @property
    def model_info(self) -> dict[str, str]:
        return self.engine.model_info if self.engine is not None else {"id": "", "revision": ""}

    def process_chunk(self, articles: Sequence[Article]) -> list[Outcome]:
        """Run one chunk; a failure in one article does not stop the others."""
        cleaned = clean_articles(articles)
        good = [c for c in cleaned if isinstance(c, CleanArticle)]
        # Kept by position, not by article id: two inputs may carry the same id.
        statements: list[list] = [[] for _ in good]
        if self.attribute is not None:
            statements = [list(sts) for _, sts in self.attribute(good)]
            # What the parse freed would otherwise sit under the pairing stage's tensors until the chunk ends.
            release_free_memory()
        pairs: list[list] = [[] for _ in good]
        if self.pair is not None and good:
            pairs = [list(p) for p in self.pair([(c.id, sts) for c, sts in zip(good, statements, strict=True)])]
        done = iter(zip(good, statements, pairs, strict=True))
        out: list[Outcome] = []
        for c in cleaned:
            if isinstance(c, ArticleFailure):
                out.append(c)
                continue
            art, sts, found = next(done)
            out.append(ArticleResult.from_article(art, sts, found, self.model_info))
        return out

    def run(self, items: Iterable[Article | ArticleFailure]) -> Iterator[Outcome]:
        """Outcomes in input order, one per input item."""
        size = max(1, self.config.articles_per_chunk)
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, size)):
            articles = [a for a in chunk if isinstance(a, Article)]
            try:
                done = iter(self.process_chunk(articles))
            except (RuntimeError, ValueError, MemoryError) as err:
                log.exception("chunk failed")
                done = iter(ArticleFailure(a.source, f"{a.source}: processing failed: {err}") for a in articles)
            for item in chunk:
                yield item if isinstance(item, ArticleFailure) else next(done)


def run_inputs(inputs: Sequence[str], *, config: RunConfig, stdin: TextIO | None = None,
               pipeline: ClaimRebuttalPipeline | None = None) -> Iterator[Outcome]:
    """Read ``inputs`` (files, folders, ``-``) and stream outcomes in input order."""
    pipe = pipeline or ClaimRebuttalPipeline(config)
    yield from pipe.run(iter_articles(inputs, config=config.input, stdin=stdin))


ProgressHook = Callable[[Outcome], None]
