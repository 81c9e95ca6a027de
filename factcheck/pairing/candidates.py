"""Candidate pairs: statements of different speakers about the same topic.

Most statement pairs of an article are about different things; scoring them
all with NLI is slow and, worse, noisy. A pair becomes a candidate only when
the speakers differ and the contents share a topic (embedding similarity and
shared content words), or when one statement refers back to the other
("rejected the announcement").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from factcheck.attribution.cues import ANAPHORIC_NOUNS, NEGATIVE_STANCES, REJECTING_CONTENT
from factcheck.config import PairingConfig
from factcheck.records import CandidatePair, Statement

_ANAPHOR = re.compile(r"^(the|this|that|these|those|its|their|his|her)\s+(\w+)$", re.IGNORECASE)
# Cues that introduce a measure or proposal that a later "this does not ..." can answer.
PROPOSAL_CUES = frozenset({"announce", "propose", "unveil", "offer", "promise", "pledge", "plan", "launch"})
MAX_BACK_REFERENCE_CHARS = 1500


def speaker_key(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.lower().replace("’s", "").replace("'s", "")).strip()


def anaphoric_target(stmt: Statement, earlier: Sequence[Statement]) -> Statement | None:
    """The earlier statement a rejection refers back to, if any.

    "rejected the announcement" points to the latest announcement by someone
    else; "This does not meet our demand" points to the latest announced
    measure by someone else.
    """
    own = speaker_key(stmt.speaker)
    recent = [s for s in reversed(earlier)
              if speaker_key(s.speaker) != own and stmt.start - s.end < MAX_BACK_REFERENCE_CHARS]
    m = _ANAPHOR.match(stmt.content.strip())
    if m and stmt.stance in NEGATIVE_STANCES:
        cues = ANAPHORIC_NOUNS.get(m.group(2).lower())
        if cues:
            return next((s for s in recent if s.cue_lemma.split()[0] in cues), None)
    if stmt.stance in NEGATIVE_STANCES and REJECTING_CONTENT.match(stmt.content.strip()):
        return next((s for s in recent if s.cue_lemma.split()[0] in PROPOSAL_CUES), None)
    return None


def accused_denies(denial: Statement, claim: Statement) -> bool:
    """The speaker of a denial is the one the other statement's content is about
    ("X used spyware" ... "X denies ..."), so the denial answers it."""
    if denial.stance not in NEGATIVE_STANCES or claim.stance in NEGATIVE_STANCES or not claim.target:
        return False
    return claim.target in speaker_key(denial.speaker).split()


def find_candidates(
    article_id: str, statements: Sequence[Statement], vectors: np.ndarray, *, config: PairingConfig
) -> list[CandidatePair]:
    """Candidate pairs of one article, ``a`` always the earlier statement."""
    sims = vectors @ vectors.T if len(statements) else np.zeros((0, 0))
    anaphora: dict[str, str] = {}
    for i, s in enumerate(statements):
        target = anaphoric_target(s, statements[:i])
        if target is not None:
            anaphora[s.id] = target.id
    out: list[CandidatePair] = []
    for i, a in enumerate(statements):
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if speaker_key(a.speaker) == speaker_key(b.speaker):
                continue
            sim = float(sims[i, j])
            shared = tuple(sorted(set(a.keywords) & set(b.keywords)))
            link = ""
            if anaphora.get(b.id) == a.id:
                link = "back-reference"
            elif (accused_denies(b, a) or accused_denies(a, b)) and sim >= config.min_link_similarity:
                link = "accused-denies"
            on_topic = sim >= config.topic_similarity or (
                len(shared) >= config.min_shared_keywords and sim >= config.topic_similarity_with_keywords
            )
            if link or on_topic:
                out.append(CandidatePair(article_id, a, b, sim, shared, link))
    return out
