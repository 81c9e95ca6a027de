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

from factcheck.attribution.quantities import MONEY_UNITS, conflicting_figures, opposite_directions
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


_NOT_NAMES = frozenset({"the", "a", "an", "of", "and", "co", "inc", "corp", "ltd", "group", "office", "officials",
                        "official", "mr", "mrs", "ms", "dr", "spokesman", "spokeswoman", "spokesperson"})


def _name_words(text: str) -> set[str]:
    words = {w for w in speaker_key(text).split() if w not in _NOT_NAMES and len(w) > 1}
    return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words}


def _names_speaker(target: str, stmt: Statement) -> bool:
    # "Russo's team" is not Russo: what comes before a possessive names someone else.
    mention = re.split(r"[’']s\b", stmt.speaker_mention)[-1]
    return same_party(target, stmt.speaker) or same_party(target, mention)


def accused_responds(response: Statement, claim: Statement) -> bool:
    """The party a statement accuses, or makes the subject of its content, answers
    it. Admissions are not rebuttals."""
    if response.stance in {"admit"} or claim.stance in NEGATIVE_STANCES or claim.negated or not claim.target:
        return False
    return _names_speaker(claim.target, response)


def accused_denies(denial: Statement, claim: Statement) -> bool:
    """The speaker of a denial (or of a flatly negative statement) is the one the
    other statement accuses or makes the subject of its content ("X used
    spyware" ... "X denies ..."; "Russo tested positive" ... "I never cheated")."""
    disputing = denial.stance in NEGATIVE_STANCES or (denial.negated and denial.stance == "assert")
    if not disputing or claim.stance in NEGATIVE_STANCES or claim.negated or not claim.target:
        return False
    return _names_speaker(claim.target, denial)


def same_party(target: str, speaker: str) -> bool:
    """Does ``target`` name ``speaker``? "Darnell Okoye" is not "Amara Okoye"."""
    t_words, s_words = speaker_key(target).split(), speaker_key(speaker).split()
    if not _name_words(target) & _name_words(speaker):
        return False
    if len(t_words) >= 2 and len(s_words) >= 2 and t_words[-1] == s_words[-1] and t_words[0][:1].isalpha():
        firsts_t = {w for w in t_words[:-1] if w not in _NOT_NAMES}
        firsts_s = {w for w in s_words[:-1] if w not in _NOT_NAMES}
        # Both give a first name and they differ: two people sharing a surname.
        if firsts_t and firsts_s and not firsts_t & firsts_s and len(t_words) == 2 and len(s_words) == 2:
            return False
    return True


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
            link = "back-reference" if anaphora.get(b.id) == a.id else _link(a, b, sim, shared, config)
            on_topic = sim >= config.topic_similarity or (
                len(shared) >= config.min_shared_keywords and sim >= config.topic_similarity_with_keywords
            )
            if link or on_topic:
                out.append(CandidatePair(article_id, a, b, sim, shared, link))
    return out


def _link(a: Statement, b: Statement, sim: float, shared: tuple[str, ...], config: PairingConfig) -> str:
    """Why two statements are about the same proposition, beyond topic overlap."""
    if (accused_denies(b, a) or accused_denies(a, b)) and sim >= config.min_link_similarity:
        return "accused-denies"
    same_specifics = sim >= config.response_similarity or len(shared) >= config.response_shared_keywords
    if accused_responds(b, a) and same_specifics and sim >= config.min_link_similarity:
        return "accused-responds"
    on_shared_topic = sim >= config.figure_similarity
    figures = conflicting_figures(a.quantities, b.quantities) if on_shared_topic else None
    # Money is too generic a unit to say two figures count the same thing without a shared word.
    if figures and (shared or figures[0] not in MONEY_UNITS):
        return "conflicting-figures"
    if on_shared_topic and len(shared) >= 2 and opposite_directions(a.content, b.content):
        return "opposite-directions"
    return ""
