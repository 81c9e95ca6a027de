"""Decide how two on-topic statements relate, from stance and NLI together.

NLI alone reads only the two contents; stance says what each speaker does
with its content. A denial of X against an assertion of X contradicts even
though the contents entail each other, and two assertions contradict when
their contents do.
"""

from __future__ import annotations

from factcheck.attribution.cues import NEGATIVE_STANCES
from factcheck.attribution.quantities import conflicting_figures, opposite_directions
from factcheck.config import PairingConfig
from factcheck.nli.labels import CONTRADICTION, ENTAILMENT
from factcheck.pairing.polarity import speaks_of_itself
from factcheck.records import CandidatePair, NLIResult, Pair, Relation, Statement

DISPUTING_STANCES = NEGATIVE_STANCES | {"question"}


def _negative(stance: str) -> bool:
    return stance in DISPUTING_STANCES


_VERBS = {"deny": "denies", "reject": "rejects", "question": "questions"}


def _verb(stance: str) -> str:
    return _VERBS.get(stance, "disputes")


_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "find": "found", "think": "thought",
                   "according": "reported", "make": "made", "give": "gave", "speak": "spoke"}


def _past(cue_verb: str) -> str:
    word = cue_verb or "say"
    if word in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[word]
    return word + "d" if word.endswith("e") else word + "ed"


def _denial_first(a: Statement, b: Statement) -> bool:
    """Is the earlier statement ``a`` a denial, and the claim it is linked to reported after it? (A rejection
    reported first, "27 states are challenging the rules", is what the later claim answers: "the suing states
    were exaggerating".)"""
    return a.stance == "deny" and b.stance not in NEGATIVE_STANCES and a.start < b.start


def relate(cand: CandidatePair, forward: NLIResult, backward: NLIResult, *, config: PairingConfig) -> Pair | None:
    """A Pair for the candidate, or None when nothing links the two statements."""
    entail = max(forward.probs[ENTAILMENT], backward.probs[ENTAILMENT])
    contra = max(forward.probs[CONTRADICTION], backward.probs[CONTRADICTION])
    nli = {k: round(v, 4) for k, v in forward.probs.items()}
    a, b = cand.a, cand.b
    relation: Relation | None = None
    score = 0.0
    reason = ""
    if cand.link == "conflicting-figures":
        relation, score = "contradiction", 0.5 + 0.5 * max(cand.topic_score, contra)
        found = conflicting_figures(a.quantities, b.quantities)
        unit, va, vb = found if found else ("", 0.0, 0.0)
        reason = f"different figures for {unit}: {va:g} ({a.speaker}) vs {vb:g} ({b.speaker})"
    elif cand.link == "opposite-directions":
        relation, score = "contradiction", 0.5 + 0.5 * max(cand.topic_score, contra)
        words = opposite_directions(a.content, b.content) or ("", "")
        reason = f"opposite claims on the same figure: '{words[0]}' ({a.speaker}) vs '{words[1]}' ({b.speaker})"
    elif cand.link in {"opposite-polarity", "denied-effect"}:
        term, negating = cand.detail or ("", "b")
        negative, other = (b, a) if negating == "b" else (a, b)
        # The contents close in meaning, or NLI reading the contradiction ("an officer shot a man after he
        # pointed a handgun" / "her brother never had a gun" embed far apart).
        if cand.topic_score >= config.polarity_similarity or contra >= config.contradiction_threshold:
            relation, score = "contradiction", 0.5 + 0.5 * max(cand.topic_score, contra)
            reason = f"{negative.speaker} says not '{term}' where {other.speaker} says it"
    elif cand.link == "accused-negates" and not (cand.topic_score >= config.response_similarity
                                                 or contra >= config.contradiction_threshold):
        relation = None
    elif cand.link == "accused-responds":
        # Candidates link an answer to the claim before it: ``b`` answers ``a``. An answer the claim entails
        # confirms or restates it rather than rebutting it.
        responder, claim = b, a
        if forward.probs[ENTAILMENT] < config.answer_max_entailment:
            relation, score = "rebuttal", 0.5 + 0.5 * max(cand.topic_score, contra)
            reason = f"{responder.speaker} answers what {claim.speaker} says of it"
    elif cand.link == "accused-denies" and _denial_first(a, b) \
            and max(entail, contra) < config.same_proposition_threshold:
        # A denial reported before the claim it would answer is about that claim only when NLI reads the two
        # as one proposition: "denied any involvement in the attacks" answers no later accusation of
        # "attempting to intimidate the families".
        relation = None
    elif cand.link:
        negative = b if cand.link == "back-reference" or _negative(b.stance) or b.negated else a
        other = a if negative is b else b
        relation = "rebuttal" if negative.stance == "reject" else "contradiction"
        score = 0.5 + 0.5 * max(cand.topic_score, entail, contra)
        if cand.link == "back-reference":
            reason = f"{negative.speaker} {_verb(negative.stance)} what {other.speaker} {_past(other.cue_verb)}"
        else:
            reason = f"{negative.speaker} {_verb(negative.stance)} what {other.speaker} says of it"
    elif _negative(a.stance) != _negative(b.stance):
        negative, other = (a, b) if _negative(a.stance) else (b, a)
        # Does what the other side asserts entail what this side denies? A denial of a thing denies that it
        # happened ("denied any involvement in the attacks"), but rejecting or questioning a thing ("oppose
        # radical Islamic ideology", "questioned Europe's reliance on the United States") disputes no one's
        # claim, however much of the claim's wording the thing shares.
        entail_denied = (forward if other is a else backward).probs[ENTAILMENT]
        proposition = negative.stance == "deny" or not negative.noun_phrase
        if proposition and entail_denied >= config.same_proposition_threshold \
                and cand.topic_score >= config.topic_similarity:
            relation = "contradiction" if negative.stance == "deny" else "rebuttal"
            score = entail_denied
            reason = f"{negative.speaker} {_verb(negative.stance)} what {other.speaker} asserts"
        elif contra >= config.contradiction_threshold:
            relation, score, reason = "support", contra, "one side disputes what the other's content also denies"
    elif not _negative(a.stance):
        # Two assertions: NLI's contradiction counts only when they are about the same thing. A shared name
        # with loose similarity (the looser candidate rule) makes NLI call unrelated claims contradictory.
        # Sharing two content words stands in for some of the similarity ("lines had run" / "trams had run").
        same_topic = cand.topic_score >= config.topic_similarity or (
            len(cand.shared_terms) >= 2 and cand.topic_score >= config.response_similarity)
        # With nothing else tying them, NLI must find the contradiction both ways: one-way contradictions of
        # the embedded model are mostly noise on real news (PolNeAR dev, checked by hand).
        both_ways = min(forward.probs[CONTRADICTION], backward.probs[CONTRADICTION])
        # Two sources each speaking of what they do ("she is going to vote for Trump" / "I can't vote for
        # Trump") contradict nothing, however NLI reads the two sentences.
        own_doings = speaks_of_itself(a) and speaks_of_itself(b)
        if both_ways >= config.contradiction_threshold and same_topic and not own_doings:
            relation, score, reason = "contradiction", both_ways, "NLI: the contents contradict both ways"
        elif entail >= config.support_threshold:
            relation, score, reason = "support", entail, "NLI: one content entails the other"
    if relation is None:
        return None
    link = cand.link or ("stance" if _negative(a.stance) != _negative(b.stance) else "nli")
    return Pair(a=a.id, b=b.id, relation=relation, score=round(float(score), 4), nli=nli,
                topic_score=round(cand.topic_score, 4), reason=reason, link=link)
