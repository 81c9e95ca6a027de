"""The pairing stage: statements of many articles in, scored pairs out.

Statements of every article in a chunk are embedded together and every
candidate pair of the chunk is scored in one NLI call, both directions, so
the engine batches across articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from factcheck.config import PairingConfig
from factcheck.heap import release_free_memory
from factcheck.nli.engine import NLIEngine, PairText
from factcheck.pairing.candidates import find_candidates
from factcheck.pairing.compounds import CompoundKinds
from factcheck.pairing.embedder import Embedder
from factcheck.pairing.relate import relate
from factcheck.records import CandidatePair, NLIResult, Pair, Statement

KEPT_RELATIONS = frozenset({"contradiction", "rebuttal"})


def nli_text(stmt: Statement) -> str:
    """The content as NLI should read it: quote marks dropped."""
    return stmt.content.translate(str.maketrans("", "", "“”\"«»„")).strip()


class PairingStage:
    def __init__(self, config: PairingConfig, *, engine: NLIEngine, embedder: Embedder) -> None:
        self.config = config
        self.engine = engine
        self.embedder = embedder
        self.stats = {"statements": 0, "all_pairs": 0, "candidates": 0}
        self.kind_of = CompoundKinds(embedder, min_similarity=config.compound_head_similarity)

    def candidates(self, articles: Sequence[tuple[str, Sequence[Statement]]]) -> list[list[CandidatePair]]:
        texts = [nli_text(s) for _, sts in articles for s in sts]
        vectors = self.embedder.embed(texts) if texts else np.zeros((0, 384), dtype=np.float32)
        out: list[list[CandidatePair]] = []
        offset = 0
        for article_id, sts in articles:
            n = len(sts)
            self.stats["statements"] += n
            self.stats["all_pairs"] += n * (n - 1) // 2
            cands = find_candidates(article_id, sts, vectors[offset : offset + n], config=self.config,
                                    kind_of=self.kind_of)
            self.stats["candidates"] += len(cands)
            out.append(cands)
            offset += n
        return out

    def __call__(self, articles: Sequence[tuple[str, Sequence[Statement]]]) -> list[list[Pair]]:
        per_article = self.candidates(articles)
        release_free_memory()  # the embedder's freed batches, before NLI allocates its own
        results = self.engine.score(nli_inputs(c for cands in per_article for c in cands))
        return decide_relations(per_article, results, config=self.config)


def nli_inputs(candidates: Iterable[CandidatePair]) -> list[PairText]:
    """Premise/hypothesis texts for NLI: each candidate both ways (a then b, b then a)."""
    texts: list[PairText] = []
    for c in candidates:
        ta, tb = nli_text(c.a), nli_text(c.b)
        texts += [(ta, tb), (tb, ta)]
    return texts


def decide_relations(
    per_article: Sequence[Sequence[CandidatePair]], results: Sequence[NLIResult], *, config: PairingConfig
) -> list[list[Pair]]:
    """The kept pairs of each article, best first, from NLI results laid out as :func:`nli_inputs` lays out texts."""
    out: list[list[Pair]] = []
    k = 0
    for cands in per_article:
        pairs: list[Pair] = []
        for c in cands:
            pair = relate(c, results[k], results[k + 1], config=config)
            k += 2
            if pair is not None and (config.keep_all_relations or pair.relation in KEPT_RELATIONS):
                pairs.append(pair)
        pairs.sort(key=_pair_order)
        out.append(_one_answer_per_negation(pairs, cands))
    return out


def _one_answer_per_negation(pairs: list[Pair], cands: Sequence[CandidatePair]) -> list[Pair]:
    """A flatly negative statement ("We have nothing to hide") answers one claim: the one NLI and topic
    score highest. Explicit denials and the other links keep every pair."""
    negating = {frozenset((c.a.id, c.b.id)): c.b.id if c.b.negated else c.a.id
                for c in cands if c.link == "accused-negates"}
    seen: set[str] = set()
    kept: list[Pair] = []
    for p in pairs:  # best first
        who = negating.get(frozenset((p.a, p.b)))
        if who is not None:
            if who in seen:
                continue
            seen.add(who)
        kept.append(p)
    return kept


def _pair_order(p: Pair) -> tuple[float, str, str]:
    return (-p.score, p.a, p.b)
