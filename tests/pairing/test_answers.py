from __future__ import annotations

import dataclasses

from pairing_statements import stmt, unit

from factcheck.config import PairingConfig
from factcheck.pairing.answers import accused_denies, accused_responds
from factcheck.pairing.candidates import find_candidates
from factcheck.pairing.sides import names_match


def test_accused_party_denying_links_to_the_accusation() -> None:
    claim = stmt("s1", "group of reporters", "his government used spyware against them", target="government")
    denial = stmt("s2", "the government", "the software was used on the plaintiffs", stance="deny", start=80)
    bystander = stmt("s3", "NSO Group", "it only sells Pegasus to governments", start=160)
    assert accused_denies(denial, claim)
    assert not accused_denies(denial, bystander)
    assert not accused_denies(claim, denial)
    assert not accused_denies(denial, dataclasses.replace(claim, stance="deny"))


def test_two_people_sharing_a_surname_are_not_one_party() -> None:
    assert names_match("rider Mateo Russo", "Mateo Russo")
    assert names_match("Russo", "Mateo Russo")
    assert not names_match("Darnell Okoye", "Amara Okoye")
    assert names_match("Dorran County election officials", "the county elections supervisor")
    assert not names_match("the North's leader, Kim Jong Un", "Other leaders")
    # Two bodies that share only the head of their names are two bodies; the head alone names either.
    assert not names_match("The Justice Department", "State Department")
    assert not names_match("Sen. Mark Kirk", "Sen. Heidi Heitkamp (D-N.D.")  # a title is no name
    assert not names_match("the Clinton campaign", "Sanders campaign")
    assert names_match("the department", "State Department")
    assert names_match("the court's decision", "Supreme Court")


def test_the_accused_answering_on_the_same_specifics_is_linked() -> None:
    claim = stmt("s1", "Hypertension Patients Association", "the agency of announcing the recall early",
                 stance="accuse", target="agency")
    answer = dataclasses.replace(stmt("s2", "National Medicines Agency", "letters had been sent on Wednesday",
                                      start=90), speaker_mention="A spokeswoman for the agency")
    possessed = dataclasses.replace(answer, speaker="Velocor", speaker_mention="the agency's caterer")
    admission = dataclasses.replace(answer, stance="admit")
    assert accused_responds(answer, claim)
    assert not accused_responds(possessed, claim)
    assert not accused_responds(admission, claim)
    # An admission in so many words, whatever the cue.
    assert not accused_responds(dataclasses.replace(answer, content="sending the letters on Wednesday was a mistake"),
                                claim)


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


def test_a_flatly_negative_answer_answers_only_claims_near_it() -> None:
    claim = stmt("s1", "Tom Clarke", "the Patriot deal had played to his advantage", target="patriot deal")
    answer = dataclasses.replace(stmt("s2", "Patriot Coal", "Coal isn't the villain", start=200), negated=True)
    vec = unit([1, 0], [0, 1])
    assert [p.link for p in find_candidates("x", [claim, answer], vec, config=PairingConfig())] == ["accused-negates"]
    far = dataclasses.replace(answer, start=200 + 5000, end=200 + 5000 + len(answer.content))
    assert find_candidates("x", [claim, far], vec, config=PairingConfig()) == []


def test_an_explicit_denial_far_from_the_claim_must_share_some_of_its_topic() -> None:
    claim = stmt("s1", "senior law enforcement official", "the Justice Department has granted immunity to Clinton's "
                 "former staffer", target="clinton")
    denial = dataclasses.replace(stmt("s2", "Hillary Clinton", "several requests for interviews", stance="reject"),
                                 speaker_mention="Clinton")
    for gap, similar, linked in ((300, False, True), (2000, True, True), (2000, False, False)):
        later = dataclasses.replace(denial, start=claim.end + gap, end=claim.end + gap + len(denial.content))
        vec = unit([1, 0], [1, 0.5]) if similar else unit([1, 0], [0.1, 1])
        links = [p.link for p in find_candidates("x", [claim, later], vec, config=PairingConfig())]
        assert (links == ["accused-denies"]) is linked, (gap, similar, links)


def test_an_explicit_denial_answers_no_accusation_pages_before_it() -> None:
    claim = stmt("s1", "Sanders campaign", "the Clinton campaign had stolen its voter data", target="clinton campaign")
    denial = dataclasses.replace(stmt("s2", "Clinton campaign", "stealing any data", stance="deny"),
                                 speaker_mention="the Clinton campaign")
    vec = unit([1, 0], [1, 0.5])
    for gap, linked in ((2000, True), (4000, False)):
        later = dataclasses.replace(denial, start=claim.end + gap, end=claim.end + gap + len(denial.content))
        links = [p.link for p in find_candidates("x", [claim, later], vec, config=PairingConfig())]
        assert (links == ["accused-denies"]) is linked, (gap, links)
    anywhere = dataclasses.replace(PairingConfig(), denial_max_distance=0)
    later = dataclasses.replace(denial, start=claim.end + 4000, end=claim.end + 4000 + len(denial.content))
    assert [p.link for p in find_candidates("x", [claim, later], vec, config=anywhere)] == ["accused-denies"]


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


def test_a_counter_accusation_is_not_an_answer() -> None:
    claim = stmt("s1", "Hillary Clinton", "Donald Trump's flurry of late-night tweets was unhinged",
                 target="donald trump")
    counter = stmt("s2", "Donald Trump", "her of being asleep when the calls came in", stance="accuse",
                   cue_lemma="accuse", start=90)
    answer = stmt("s3", "Donald Trump", "the tweets were about a serious matter", start=150)
    assert accused_responds(counter, claim) == ""
    assert accused_responds(answer, claim) == "accused"


def test_an_answer_by_the_accused_that_points_back_needs_no_shared_words() -> None:
    accusation = stmt("s1", "Dragan Petrov", "Kestrel of freezing the player out of the first team for six weeks",
                      stance="accuse", cue_lemma="accuse", keywords=("freeze", "player", "team", "week"))
    pointing = dataclasses.replace(
        stmt("s2", "Tom Haldane", "Varga had missed those matches while recovering from a torn hamstring",
             start=120, keywords=("varga", "miss", "match", "recover", "hamstring")),
        speaker_mention="Kestrel manager Tom Haldane")
    plain = dataclasses.replace(pointing, content="Varga had missed a few matches while recovering from a torn "
                                                  "hamstring")
    # Close enough to be linked at all, not close enough to count as the same specifics.
    vec = unit([1, 0], [0.3, 1])
    for answer, linked in ((pointing, True), (plain, False)):
        links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [accusation, answer], vec,
                                                                   config=PairingConfig())}
        assert (links.get(("s1", "s2"), "") == "accused-responds") is linked, answer.content


def test_an_answer_far_from_the_claim_needs_the_same_specifics_in_meaning_and_in_words() -> None:
    claim = stmt("s1", "Richard Shelby", "Ms. Brainard's donations call into question the independence of the bank",
                 target="brainard donations", keywords=("brainard", "donation", "question", "independence", "bank"))
    reply = dataclasses.replace(
        stmt("s2", "Lael Brainard", "the Fed might achieve better results by coordinating with other banks",
             start=200, keywords=("fed", "achieve", "result", "coordinate", "bank")), speaker_mention="She")
    on_both = dataclasses.replace(reply, keywords=("brainard", "donation", "fed"))
    vec = unit([1, 0], [1, 0.8])  # similarity 0.78: the same specifics in meaning
    config = PairingConfig(answer_max_distance=600)
    for answer, gap, linked in ((reply, 200, True), (reply, 2000, False), (on_both, 2000, True)):
        answer = dataclasses.replace(answer, start=claim.end + gap, end=claim.end + gap + len(answer.content))
        links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, answer], vec, config=config)}
        assert (links.get(("s1", "s2"), "") == "accused-responds") is linked, (gap, answer.keywords)
    anywhere = PairingConfig(answer_max_distance=0)
    far = dataclasses.replace(reply, start=claim.end + 2000, end=claim.end + 2000 + len(reply.content))
    assert find_candidates("x", [claim, far], vec, config=anywhere)[0].link == "accused-responds"


def test_a_demand_does_not_answer() -> None:
    claim = stmt("s1", "Quinnipiac University", "74 percent of voters said Mr. Trump should release his tax returns",
                 target="mr trump")
    demand = stmt("s2", "Donald Trump", "taxing pass-through income at a 15 percent rate", stance="demand",
                  cue_lemma="call for", start=90)
    assert accused_responds(demand, claim) == ""
    assert accused_responds(dataclasses.replace(demand, stance="assert"), claim) == "accused"


def test_a_claim_takes_one_answer_from_each_speaker() -> None:
    claim = stmt("s1", "one study", "Trump would raise taxes on 8 million middle-income Americans", target="trump")
    first = stmt("s2", "Donald Trump", "the tax relief will go to the middle class", start=100)
    second = stmt("s3", "Donald Trump", "he knows the tax code better than anyone", start=200)
    other = stmt("s4", "Trump campaign", "the study ignores the new deductions", start=300)
    vec = unit([1, 0], [1, 0.5], [1, 0.8], [1, 0.6])
    links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, first, second, other], vec,
                                                               config=PairingConfig(topic_similarity=0.99))}
    # The closest in meaning of Trump's two statements answers; the campaign's own answer stands beside it.
    assert links.get(("s1", "s2")) == "accused-responds"
    assert links.get(("s1", "s3"), "") != "accused-responds"
    assert links.get(("s1", "s4")) == "accused-responds"


def test_a_rejection_of_someone_elses_request_answers_only_that_owner() -> None:
    claim = stmt("s1", "Jon Husted", "the court's decision will force us to put dead voters back on the rolls",
                 target="court decision")
    third_party = stmt("s2", "Supreme Court", "a request from Democrats in Ohio to restore an extra week of voting",
                       stance="reject", start=120)
    own_thing = dataclasses.replace(third_party, content="a request from Husted to delay the ruling")
    assert not accused_denies(third_party, claim)
    assert accused_responds(third_party, claim) == ""
    assert accused_denies(own_thing, claim)
    # A possessive owner, with the clause going on after the thing.
    remarks = dataclasses.replace(third_party, content="Mayor Lund's remarks about refugees but will meet him")
    assert not accused_denies(remarks, claim)
    assert accused_denies(dataclasses.replace(remarks, content="Husted's remarks about voters but will meet him"),
                          claim)


def test_praise_and_agreement_are_not_answered_and_hopes_and_jokes_answer_nothing() -> None:
    praise = stmt("s1", "Some state officials", "Mr. Clarke's work preserving the property", cue_lemma="praise",
                  target="work")
    reply = stmt("s2", "Tom Clarke", "he has been absorbing the costs personally", start=100)
    assert accused_responds(reply, praise) == ""
    assert accused_responds(reply, dataclasses.replace(praise, cue_lemma="say")) == "named"
    warning = stmt("s3", "environmentalists", "Mr. Clarke is breathing new life into a polluting industry",
                   stance="warn", cue_lemma="worry", target="mr clarke")
    hope = stmt("s4", "Tom Clarke", "to offset all of the expected emissions with pollution credits",
                cue_lemma="hope", start=200)
    assert accused_responds(hope, warning) == ""
    assert accused_responds(dataclasses.replace(hope, cue_lemma="hop"), warning) == ""  # the parser's "hoping"
    assert accused_responds(dataclasses.replace(hope, cue_lemma="say"), warning) == "accused"
    # Confirming bears the claim out.
    assert accused_responds(dataclasses.replace(hope, cue_lemma="confirm"), warning) == ""


def test_what_the_article_sources_according_to_someone_is_not_answered() -> None:
    report = dataclasses.replace(stmt("s1", "HuffPo", "Senator Tim Kaine has had a mixed record on abortion",
                                      cue_lemma="according to", target="senator tim kaine"), kind="according_to")
    reply = stmt("s2", "Tim Kaine", "he is a strong advocate for abortion rights", start=100)
    assert accused_responds(reply, report) == ""
    assert accused_responds(reply, dataclasses.replace(report, kind="indirect", cue_lemma="report")) == "accused"


def test_refusing_or_declining_to_act_answers_nothing() -> None:
    accusation = stmt("s1", "Dana Ruiz", "Senator Hale of trying to keep the seat empty", stance="accuse",
                      cue_lemma="accuse", target="senator hale")
    refusal = stmt("s2", "Senator Hale", "to hold hearings for the court pick", cue_lemma="refuse", start=120)
    assert accused_responds(dataclasses.replace(refusal, cue_lemma="say"), accusation) == "accused"
    assert accused_responds(refusal, accusation) == ""
    assert accused_responds(dataclasses.replace(refusal, cue_lemma="decline"), accusation) == ""


def test_what_the_accused_will_do_or_wants_does_not_answer_what_it_is_accused_of() -> None:
    claim = stmt("s1", "Hillary Clinton", "Trump also initially supported the invasion in 2003", target="trump")
    vec = unit([1, 0], [1, 0.1])
    for content, answers in (("he wants a foreign policy focused on America's core interests", False),
                             ("she'll continue her march toward Election Day", False),
                             # an opinion frame and a time before the plan change nothing
                             ("I think by the middle of the week he’ll be out there campaigning", False),
                             ("he believes we must continue to push policies that help", False),
                             ("I think he was right to oppose it", True),
                             ("maybe he'll let his daughter have a whirl at the debate", False),
                             ("he opposed the invasion from the start", True),
                             ("it would cost the Treasury $374 billion", True)):
        answer = stmt("s2", "Donald Trump", content, start=100)
        links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, answer], vec, config=PairingConfig())}
        assert (links.get(("s1", "s2")) == "accused-responds") is answers, content


def test_a_claim_names_the_answering_side_in_its_subject_not_in_what_the_subject_did() -> None:
    police = stmt("s2", "police", "the video did not show a gun", start=200)
    vec = unit([1, 0], [1, 0.1])

    def answered(content: str, subject: str) -> bool:
        claim = dataclasses.replace(stmt("s1", "their attorneys", content), subject=subject)
        links = {(p.a.id, p.b.id): p.link for p in find_candidates("x", [claim, police], vec, config=PairingConfig())}
        return links.get(("s1", "s2")) == "accused-responds"

    assert not answered("Scott's relatives watched the police videos on Thursday", "Scott's relatives")
    assert answered("the police videos were released on Thursday", "the police videos")
    # A possessive before the main verb, where the parse lost the subject: "samples ... contained".
    assert answered("samples its volunteers took near the police's depot contained copper", "samples its volunteers")
    # No subject found: the part before the first auxiliary stands in for it.
    assert answered("the police's account had changed twice", "")
    # A phrase fronted before the subject sets the scene and names no one who must answer.
    assert not answered("in the police's three largest districts, complaints have doubled", "complaints")


def test_naming_a_thing_answers_nothing_unless_the_accused_defends_it() -> None:
    claim = stmt("s1", "National Rifle Association", "Obama's executive actions on gun control are ripe for abuse",
                 target="obama")
    vec = unit([1, 0], [1, 0.1])
    for cue, answers in (("unveil", False), ("defend", True)):
        thing = dataclasses.replace(stmt("s2", "Barack Obama", "the new executive actions on gun control",
                                         cue_lemma=cue, start=100), noun_phrase=True)
        assert (accused_responds(thing, claim) == "accused") is answers, cue


def test_a_named_persons_supporters_do_not_answer_for_the_person() -> None:
    claim = stmt("s1", "wife of Alan Grayson", "Dena Grayson for committing adultery with the congressman",
                 stance="accuse", cue_lemma="blame", target="Dena Grayson")
    supporter = stmt("s2", "One of Grayson\u2019s former supporters", "Dena Grayson\u2019s campaign was tragic",
                     start=300)
    assert not accused_responds(supporter, claim)
    assert accused_responds(dataclasses.replace(supporter, speaker="Dena Grayson", speaker_mention="Grayson"), claim)


def test_a_rejection_of_a_named_person_answers_only_that_persons_side() -> None:
    claim = stmt("s1", "Ted Cruz", "as long as the field remained divided, Donald Trump would have a path",
                 target="Donald Trump")
    mocked = stmt("s2", "Donald Trump", "Marco Rubio for having a tough night", stance="reject", cue_lemma="mock",
                  start=200)
    assert not accused_denies(mocked, claim)
    assert accused_denies(mocked, dataclasses.replace(claim, speaker="Marco Rubio"))
