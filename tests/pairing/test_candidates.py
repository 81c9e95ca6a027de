from __future__ import annotations

import dataclasses

import numpy as np

from factcheck.config import PairingConfig
from factcheck.pairing.candidates import accused_denies, anaphoric_target, back_references, find_candidates
from factcheck.records import Statement


def stmt(sid: str, speaker: str, content: str, *, stance: str = "assert", cue_lemma: str = "say",
         start: int = 0, keywords: tuple[str, ...] = (), target: str = "") -> Statement:
    return Statement(id=sid, speaker=speaker, speaker_mention=speaker, cue=cue_lemma, kind="indirect",
                     stance=stance, content=content, sentence=content, start=start, end=start + len(content),
                     cue_lemma=cue_lemma, keywords=keywords, target=target)


def unit(*rows: list[float]) -> np.ndarray:
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_same_speaker_is_never_a_candidate() -> None:
    a = stmt("s1", "Ricardo Sanchez", "we will act")
    b = stmt("s2", "Ricardo Sanchez", "we will act now", start=100)
    vec = unit([1, 0], [1, 0])
    assert find_candidates("x", [a, b], vec, config=PairingConfig()) == []


def test_off_topic_pairs_are_pruned_and_on_topic_kept() -> None:
    a = stmt("s1", "Acme", "profits rose", keywords=("profit",))
    b = stmt("s2", "Regulator", "profits fell", start=50, keywords=("profit",))
    c = stmt("s3", "Weather office", "rain tomorrow", start=90, keywords=("rain",))
    vec = unit([1, 0.1], [1, 0.2], [0, 1])
    found = find_candidates("x", [a, b, c], vec, config=PairingConfig())
    assert [(p.a.id, p.b.id) for p in found] == [("s1", "s2")]


def test_rejection_of_the_announcement_points_back_to_it() -> None:
    announce = stmt("s1", "Ricardo Sanchez", "the creation of a support group", cue_lemma="announce")
    other = stmt("s2", "Maria Diaz", "the group will meet weekly", start=60)
    reject = stmt("s3", "alleged victims", "the announcement", stance="reject", cue_lemma="reject", start=120)
    assert anaphoric_target(reject, [announce, other]) == announce
    vec = unit([1, 0], [0.5, 0.5], [0, 1])
    found = find_candidates("x", [announce, other, reject], vec, config=PairingConfig())
    linked = [(p.a.id, p.b.id) for p in found if p.link == "back-reference"]
    assert linked == [("s1", "s3")]


def test_back_reference_ignores_the_speakers_own_statements() -> None:
    own = stmt("s1", "alleged victims", "a panel", cue_lemma="announce")
    reject = stmt("s2", "alleged victims", "the announcement", stance="reject", cue_lemma="reject", start=50)
    assert anaphoric_target(reject, [own]) is None


def test_accused_party_denying_links_to_the_accusation() -> None:
    claim = stmt("s1", "group of reporters", "his government used spyware against them", target="government")
    denial = stmt("s2", "the government", "the software was used on the plaintiffs", stance="deny", start=80)
    bystander = stmt("s3", "NSO Group", "it only sells Pegasus to governments", start=160)
    assert accused_denies(denial, claim)
    assert not accused_denies(denial, bystander)
    assert not accused_denies(claim, denial)
    assert not accused_denies(denial, dataclasses.replace(claim, stance="deny"))


def test_two_people_sharing_a_surname_are_not_one_party() -> None:
    from factcheck.pairing.candidates import same_party

    assert same_party("rider Mateo Russo", "Mateo Russo")
    assert same_party("Russo", "Mateo Russo")
    assert not same_party("Darnell Okoye", "Amara Okoye")
    assert same_party("Dorran County election officials", "the county elections supervisor")


def test_the_accused_answering_on_the_same_specifics_is_linked() -> None:
    from factcheck.pairing.candidates import accused_responds

    claim = stmt("s1", "Hypertension Patients Association", "the agency of announcing the recall early",
                 stance="accuse", target="agency")
    answer = dataclasses.replace(stmt("s2", "National Medicines Agency", "letters had been sent on Wednesday",
                                      start=90), speaker_mention="A spokeswoman for the agency")
    possessed = dataclasses.replace(answer, speaker="Velocor", speaker_mention="the agency's caterer")
    admission = dataclasses.replace(answer, stance="admit")
    assert accused_responds(answer, claim)
    assert not accused_responds(possessed, claim)
    assert not accused_responds(admission, claim)


def test_conflicting_figures_link_statements_on_one_topic() -> None:
    a = dataclasses.replace(stmt("s1", "Agency", "about 120,000 patients received pills"),
                            quantities=((120000.0, "patient"),))
    b = dataclasses.replace(stmt("s2", "Veltra", "fewer than 60,000 patients received pills", start=80),
                            quantities=((60000.0, "patient"),))
    found = find_candidates("x", [a, b], unit([1, 0.2], [1, 0.3]), config=PairingConfig())
    assert [p.link for p in found] == ["conflicting-figures"]


def test_rejected_account_points_to_its_owner() -> None:
    lawyer = dataclasses.replace(stmt("s1", "Miriam Achterberg", "the meeting had been approved in advance"),
                                 speaker_mention="Ferrante's lawyer, Miriam Achterberg")
    other = stmt("s2", "Dean Sorensen", "the players were told nothing", start=80)
    reject = stmt("s3", "club", "the lawyer's account", stance="reject", cue_lemma="reject", start=160)
    assert anaphoric_target(reject, [lawyer, other]) == lawyer


def test_rejected_figures_point_to_a_statement_with_figures() -> None:
    figures = dataclasses.replace(stmt("s1", "Institute", "about 164,000 homes were added"),
                                  quantities=((164000.0, "home"),))
    opinion = stmt("s2", "Institute director", "the ministry counts what it builds", start=60)
    reject = stmt("s3", "ministry", "the institute's calculation", stance="reject", cue_lemma="reject", start=120)
    assert anaphoric_target(reject, [figures, opinion]) == figures


def test_a_rejection_with_a_definite_object_answers_only_that_object() -> None:
    accusation = stmt("s1", "Union", "the university of hiding costs", stance="accuse", cue_lemma="accuse",
                      target="university")
    unrelated = stmt("s2", "Commission", "fees rose by 31 percent", start=60)
    reject = stmt("s3", "Carrick University", "that characterization", stance="reject", cue_lemma="reject",
                  start=120)
    vec = unit([1, 0], [0.9, 0.1], [0.95, 0.05])
    found = find_candidates("x", [accusation, unrelated, reject], vec, config=PairingConfig())
    assert [(p.a.id, p.b.id, p.link) for p in found if p.b.id == "s3"] == [("s1", "s3", "back-reference")]


def test_a_flatly_negative_answer_by_the_accused_is_a_candidate_for_nli_to_confirm() -> None:
    claim = stmt("s1", "Cycling Federation", "rider Mateo Russo had tested positive for EPO", target="rider mateo russo")
    other = stmt("s2", "Cycling Federation", "Russo is the third rider to return an adverse finding", start=60,
                 target="russo")
    answer = dataclasses.replace(stmt("s3", "Mateo Russo", "I have never cheated", start=120), negated=True)
    vec = unit([1, 0], [0.9, 0.1], [0, 1])
    found = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, other, answer], vec,
                                                               config=PairingConfig())}
    # Not only the closest claim: NLI decides which of them the answer contradicts.
    assert found[("s1", "s3")] == "accused-negates"
    assert found[("s2", "s3")] == "accused-negates"


def test_figures_for_different_periods_do_not_conflict() -> None:
    a = dataclasses.replace(stmt("s1", "University", "tuition would rise by 3.8 percent in the autumn",
                                 keywords=("tuition", "rise")), quantities=((3.8, "percent"),))
    b = dataclasses.replace(stmt("s2", "Commission", "tuition rose by a combined 31 percent over the past five years",
                                 start=80, keywords=("tuition", "rise")), quantities=((31.0, "percent"),))
    vec = unit([1, 0.2], [1, 0.3])
    assert [p.link for p in find_candidates("x", [a, b], vec, config=PairingConfig())] == [""]


def test_a_plan_does_not_answer_a_claim_that_only_names_the_body() -> None:
    claim = stmt("s1", "Allied Nurses Union", "night shifts on the hospital’s wards ran with one nurse to 12 patients",
                 keywords=("night", "shift", "nurse"))
    body = dataclasses.replace(stmt("s2", "St Aldric Hospital", "the figures", stance="reject", start=70),
                               speaker_mention="The hospital")
    plan = dataclasses.replace(stmt("s3", "St Aldric Hospital", "it would recruit 60 additional nurses", start=140,
                                    keywords=("recruit", "nurse")), speaker_mention="The hospital")
    vec = unit([1, 0.1], [0, 1], [1, 0.4])
    links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, body, plan], vec, config=PairingConfig())}
    assert links.get(("s1", "s3"), "") != "accused-responds"


def test_a_denial_naming_no_accuser_answers_the_closest_claim_of_another_side() -> None:
    claim = stmt("s1", "Federated Workers", "emergency exits had been chained shut")
    aside = stmt("s2", "Fire Service", "the blaze started in a storeroom", start=50)
    denial = stmt("s3", "Castlemere Polymers", "any exit had been locked", stance="deny", start=100)
    vec = unit([1, 0.3], [0, 1], [1, 0.2])
    links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, aside, denial], vec,
                                                               config=PairingConfig())}
    assert links[("s1", "s3")] == "denial-answers"
    assert links.get(("s2", "s3"), "") == ""


def test_rejecting_the_proposal_answers_a_call_for_something() -> None:
    call = stmt("s1", "Workers' union", "an inquiry led by workers' representatives", stance="demand",
                cue_lemma="call for")
    reject = stmt("s2", "Castlemere Polymers", "the proposal", stance="reject", cue_lemma="reject", start=80)
    assert anaphoric_target(reject, [call]) == call


def test_calling_the_other_sides_figures_false_refers_back_to_them() -> None:
    figures = dataclasses.replace(
        stmt("s1", "Carla Fenwick", "enrolment had fallen to 168 pupils"), quantities=((168.0, "pupil"),),
        speaker_mention="Superintendent Carla Fenwick")
    other = stmt("s2", "Parents group", "the school is loved", start=60)
    dismissal = dataclasses.replace(
        stmt("s3", "Parents group", "The figures the superintendent read out tonight are simply not true",
             start=120), negated=True)
    assert anaphoric_target(dismissal, [figures, other]) == figures
    plain = stmt("s4", "Parents group", "The figures the superintendent read out tonight are encouraging", start=120)
    assert anaphoric_target(plain, [figures, other]) is None


def test_an_owners_account_is_what_the_owner_said_of_it() -> None:
    first = stmt("s1", "Miriam Achterberg", "the meeting had been approved in advance")
    second = stmt("s2", "Miriam Achterberg", "the case was a story written after the fact", start=60)
    reject = stmt("s3", "Rivermouth Athletic", "the lawyer's account", stance="reject", cue_lemma="reject", start=120)
    first = dataclasses.replace(first, speaker_mention="His lawyer, Miriam Achterberg")
    assert [s.id for s in back_references(reject, [first, second])] == ["s2", "s1"]


def test_the_figures_prefer_the_statement_that_gives_several() -> None:
    report = dataclasses.replace(stmt("s1", "Nurses Union", "one nurse for every 12 patients against one to eight"),
                                 quantities=((12.0, "patient"), (8.0, "patient")))
    anecdote = dataclasses.replace(stmt("s2", "Grace Adeyemi", "I have done nights alone with 14 patients", start=60),
                                   quantities=((14.0, "patient"),))
    reject = stmt("s3", "St Aldric Hospital", "the figures", stance="reject", cue_lemma="reject", start=120)
    assert anaphoric_target(reject, [report, anecdote]) == report


def test_an_answer_prefers_the_claim_against_its_side_to_one_that_names_it() -> None:
    accusation = stmt("s1", "Passengers", "the carrier SkyMara of dodging its duty to compensate", stance="accuse",
                      cue_lemma="accuse")
    mention = stmt("s2", "Civil Aviation Authority", "SkyMara's passengers had filed 47 complaints", start=60)
    answer = stmt("s3", "SkyMara", "it had paid every passenger what the rules require", start=120)
    vec = unit([1, 0.45], [1, 0.6], [1, 0.55])
    links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [accusation, mention, answer], vec,
                                                               config=PairingConfig())}
    assert links[("s1", "s3")] == "accused-responds"
    assert links.get(("s2", "s3"), "") != "accused-responds"
