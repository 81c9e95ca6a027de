from __future__ import annotations

import dataclasses

import pytest

from factcheck.config import PairingConfig
from factcheck.pairing.relate import relate
from factcheck.records import CandidatePair, NLIResult, Statement


def stmt(sid: str, speaker: str, stance: str, cue_lemma: str = "say") -> Statement:
    return Statement(id=sid, speaker=speaker, speaker_mention=speaker, cue=cue_lemma, kind="indirect",
                     stance=stance, content=f"content of {sid}", sentence="", start=0, end=1, cue_lemma=cue_lemma)


def nli(ent: float, neu: float, con: float) -> NLIResult:
    return NLIResult({"entailment": ent, "neutral": neu, "contradiction": con})


CFG = PairingConfig()


def cand(a: Statement, b: Statement, topic: float = 0.6, link: str = "") -> CandidatePair:
    return CandidatePair("x", a, b, topic, (), link)


def test_rejecting_or_questioning_a_thing_disputes_no_claim_but_denying_one_does() -> None:
    # "oppose radical Islamic ideology" against a claim that speaks of radical Islam: NLI finds the thing in
    # the claim, but no one's claim is rejected. "denied any involvement in the attacks" denies a fact.
    claim = stmt("s1", "A", "assert")
    for stance, relation in (("reject", None), ("question", None), ("deny", "contradiction")):
        thing = dataclasses.replace(stmt("s2", "B", stance), noun_phrase=True)
        pair = relate(cand(claim, thing), nli(0.8, 0.15, 0.05), nli(0.3, 0.6, 0.1), config=CFG)
        assert (pair.relation if pair else None) == relation, stance
    clause = stmt("s2", "B", "reject")
    pair = relate(cand(claim, clause), nli(0.8, 0.15, 0.05), nli(0.3, 0.6, 0.1), config=CFG)
    assert pair is not None and pair.relation == "rebuttal"


def test_a_denial_reported_before_a_claim_answers_it_only_when_nli_reads_one_proposition() -> None:
    # "the Saudi government denied any involvement in the attacks" ... later "Strada accused the Saudi
    # government of attempting to intimidate the families": linked as the accused's denial, but about
    # something else.
    denial = stmt("s1", "Saudi government", "deny")
    claim = dataclasses.replace(stmt("s2", "Terry Strada", "accuse"), start=100, end=160)
    c = cand(denial, claim, link="accused-denies")
    assert relate(c, nli(0.02, 0.95, 0.03), nli(0.1, 0.85, 0.05), config=CFG) is None
    found = relate(c, nli(0.02, 0.3, 0.68), nli(0.1, 0.85, 0.05), config=CFG)
    assert found is not None and found.relation == "contradiction"
    # Reported after the claim, the denial answers it whatever NLI reads.
    later = cand(dataclasses.replace(claim, id="s0", start=0, end=60),
                 dataclasses.replace(denial, id="s3", start=100, end=150), link="accused-denies")
    found = relate(later, nli(0.02, 0.95, 0.03), nli(0.1, 0.85, 0.05), config=CFG)
    assert found is not None and found.relation == "contradiction"
    # A rejection reported first is what a later claim answers ("27 states are challenging the rules" ...
    # "the suing states were exaggerating").
    challenge = stmt("s1", "Twenty-seven states", "reject")
    found = relate(cand(challenge, claim, link="accused-denies"), nli(0.02, 0.95, 0.03), nli(0.1, 0.85, 0.05),
                   config=CFG)
    assert found is not None and found.relation == "rebuttal"


def test_denial_of_an_entailed_assertion_is_a_contradiction() -> None:
    pair = relate(cand(stmt("s1", "A", "assert"), stmt("s2", "B", "deny")),
                  nli(0.8, 0.15, 0.05), nli(0.3, 0.6, 0.1), config=CFG)
    assert pair is not None and pair.relation == "contradiction"
    assert pair.score == pytest.approx(0.8)
    assert pair.link == "stance"


def test_rejection_is_a_rebuttal() -> None:
    pair = relate(cand(stmt("s1", "A", "assert"), stmt("s2", "B", "reject")),
                  nli(0.7, 0.2, 0.1), nli(0.6, 0.3, 0.1), config=CFG)
    assert pair is not None and pair.relation == "rebuttal"


def test_denial_of_something_else_is_not_paired() -> None:
    assert relate(cand(stmt("s1", "A", "assert"), stmt("s2", "B", "deny")),
                  nli(0.1, 0.85, 0.05), nli(0.1, 0.85, 0.05), config=CFG) is None


def test_two_assertions_contradict_only_when_nli_says_so() -> None:
    a, b = stmt("s1", "A", "assert"), stmt("s2", "B", "assert")
    pair = relate(cand(a, b), nli(0.05, 0.15, 0.8), nli(0.1, 0.2, 0.7), config=CFG)
    assert pair is not None and pair.relation == "contradiction" and pair.link == "nli"
    assert relate(cand(a, b), nli(0.1, 0.8, 0.1), nli(0.1, 0.8, 0.1), config=CFG) is None


def test_two_assertions_on_loosely_related_topics_are_not_paired_on_nli_alone() -> None:
    # "Nobody from Corvane has called me" against "the sample matched real people": a shared name and a
    # similarity of 0.37 made them candidates, and NLI calls them contradictory with 0.92.
    a, b = stmt("s1", "A", "assert"), stmt("s2", "B", "assert")
    assert relate(cand(a, b, topic=0.37), nli(0.02, 0.06, 0.92), nli(0.05, 0.1, 0.85), config=CFG) is None
    assert relate(cand(a, b, topic=CFG.topic_similarity), nli(0.02, 0.06, 0.92), nli(0.05, 0.1, 0.85),
                  config=CFG) is not None


def test_two_denials_are_not_a_dispute() -> None:
    assert relate(cand(stmt("s1", "A", "deny"), stmt("s2", "B", "deny")),
                  nli(0.05, 0.15, 0.8), nli(0.05, 0.15, 0.8), config=CFG) is None


def test_back_reference_is_a_rebuttal_whatever_nli_says() -> None:
    pair = relate(cand(stmt("s1", "A", "assert", "announce"), stmt("s2", "B", "reject"), topic=0.1,
                       link="back-reference"), nli(0.1, 0.8, 0.1), nli(0.1, 0.8, 0.1), config=CFG)
    assert pair is not None and pair.relation == "rebuttal" and pair.link == "back-reference"
    assert "announced" in pair.reason
    assert 0.5 <= pair.score <= 1.0


def test_nli_map_is_keyed_by_label_name() -> None:
    pair = relate(cand(stmt("s1", "A", "assert"), stmt("s2", "B", "assert")),
                  nli(0.05, 0.15, 0.8), nli(0.1, 0.2, 0.7), config=CFG)
    assert pair is not None
    assert set(pair.nli) == {"entailment", "neutral", "contradiction"}


def test_two_assertions_need_nli_contradiction_both_ways() -> None:
    a, b = stmt("s1", "A", "assert"), stmt("s2", "B", "assert")
    # One-way contradictions were noise on real news: "95 generals endorsed her" / "88 generals endorsed him".
    assert relate(cand(a, b), nli(0.02, 0.05, 0.93), nli(0.2, 0.6, 0.2), config=CFG) is None
    pair = relate(cand(a, b), nli(0.02, 0.05, 0.93), nli(0.1, 0.2, 0.7), config=CFG)
    assert pair is not None and pair.relation == "contradiction" and pair.score == pytest.approx(0.7)


def test_two_sources_each_speaking_of_what_they_do_do_not_contradict() -> None:
    a = dataclasses.replace(stmt("s1", "Kelly Ayotte", "assert"), content="she is going to vote for Trump", subject="she")
    b = dataclasses.replace(stmt("s2", "Whit Symms", "assert"), content="I can't vote for Trump", subject="I",
                            kind="direct")
    both_ways = (nli(0.02, 0.05, 0.93), nli(0.1, 0.2, 0.7))
    assert relate(cand(a, b), *both_ways, config=CFG) is None
    about_her = dataclasses.replace(b, content="Ayotte can't vote for Trump", subject="Ayotte")
    assert relate(cand(a, about_her), *both_ways, config=CFG) is not None
    # The "he" of a body's indirect speech is someone else: "authorities say he never obtained access".
    hacker = dataclasses.replace(stmt("s1", "Marcel Lazar", "assert"), content="he obtained access", subject="he")
    authorities = dataclasses.replace(stmt("s2", "authorities", "assert"), content="he never obtained access",
                                      subject="he")
    assert relate(cand(hacker, authorities), *both_ways, config=CFG) is not None


def test_an_answer_the_claim_entails_is_no_rebuttal() -> None:
    claim, answer = stmt("s1", "Commission", "assert"), stmt("s2", "Campaign", "assert")
    rebuts = relate(cand(claim, answer, link="accused-responds"), nli(0.05, 0.9, 0.05), nli(0.3, 0.6, 0.1), config=CFG)
    agrees = relate(cand(claim, answer, link="accused-responds"), nli(0.4, 0.55, 0.05), nli(0.1, 0.8, 0.1), config=CFG)
    assert rebuts is not None and rebuts.relation == "rebuttal"
    assert agrees is None


def test_a_negated_noun_contradicts_when_nli_agrees_even_far_apart_in_meaning() -> None:
    # "an officer shot a man after he pointed a handgun at officers" / "her brother never had a gun": the long
    # claim and the short denial embed far apart, but NLI reads the contradiction.
    claim, denial = stmt("s1", "Police", "assert"), stmt("s3", "Amara Okoye", "assert")
    c = CandidatePair("x", claim, denial, 0.18, (), "opposite-polarity", ("gun", "b"))
    found = relate(c, nli(0.02, 0.37, 0.61), nli(0.02, 0.63, 0.35), config=CFG)
    assert found is not None and found.relation == "contradiction"
    assert relate(c, nli(0.02, 0.9, 0.08), nli(0.02, 0.9, 0.08), config=CFG) is None
