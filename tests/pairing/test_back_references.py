from __future__ import annotations

import dataclasses

from pairing_statements import stmt, unit

from factcheck.config import PairingConfig
from factcheck.pairing.back_references import anaphoric_target, back_references
from factcheck.pairing.candidates import find_candidates


def test_rejection_of_the_announcement_points_back_to_it() -> None:
    announce = stmt("s1", "Ricardo Sanchez", "the creation of a support group", cue_lemma="announce")
    other = stmt("s2", "Maria Diaz", "the group will meet weekly", start=60)
    reject = stmt("s3", "alleged victims", "the announcement", stance="reject", cue_lemma="reject", start=120)
    assert anaphoric_target(reject, [announce, other]) == announce
    vec = unit([1, 0], [0.5, 0.5], [0, 1])
    found = find_candidates("x", [announce, other, reject], vec, config=PairingConfig())
    linked = [(p.a.id, p.b.id) for p in found if p.link == "back-reference"]
    assert linked == [("s1", "s3")]


def test_the_announcement_is_one_reported_a_paragraph_or_two_before() -> None:
    announce = stmt("s1", "Ricardo Sanchez", "the creation of a support group", cue_lemma="announce")
    for gap, found in ((600, True), (1500, False)):
        start = announce.end + gap
        reject = stmt("s2", "alleged victims", "the announcement", stance="reject", cue_lemma="reject", start=start)
        assert (anaphoric_target(reject, [announce]) == announce) is found, gap


def test_back_reference_ignores_the_speakers_own_statements() -> None:
    own = stmt("s1", "alleged victims", "a panel", cue_lemma="announce")
    reject = stmt("s2", "alleged victims", "the announcement", stance="reject", cue_lemma="reject", start=50)
    assert anaphoric_target(reject, [own]) is None


def test_a_rejected_thing_points_back_to_what_put_it_forward_not_to_who_rejects_it_too() -> None:
    announce = stmt("s1", "White House", "a nuclear deal with Tehran", cue_lemma="announce",
                    keywords=("nuclear", "deal", "tehran"))
    several = dataclasses.replace(stmt("s3", "several", "the nuclear deal with Tehran", stance="reject",
                                       cue_lemma="oppose", keywords=("nuclear", "deal", "tehran"), start=80),
                                  noun_phrase=True)
    rejection = stmt("s4", "all of whom", "the Iran deal", stance="reject", cue_lemma="oppose", start=120)
    # "several oppose the nuclear deal" / "all of whom opposed the Iran deal" agree
    assert anaphoric_target(rejection, [announce, several]) == announce
    assert anaphoric_target(rejection, [several]) is None
    # a criticism is what "that criticism" names
    criticism = dataclasses.replace(stmt("s2", "Clinton campaign", "him for not doing more", stance="reject",
                                         cue_lemma="criticize", start=60), noun_phrase=True)
    answer = stmt("s3", "Bernie Sanders", "that criticism", stance="reject", cue_lemma="reject", start=120)
    assert anaphoric_target(answer, [announce, criticism]) == criticism


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


def test_a_figure_called_invented_refers_back_to_the_statement_that_gives_it() -> None:
    club = dataclasses.replace(stmt("s1", "Kestrel Town", "it had sold Varga for a club-record fee of 18 million euros"),
                               quantities=((18e6, "euro"),))
    buyer = dataclasses.replace(stmt("s2", "Luis Ferraro", "the fee was 11 million euros", start=80),
                                quantities=((11e6, "euro"),))
    dismissal = stmt("s3", "Luis Ferraro", "Eighteen million is a number someone in Kestrel has invented", start=160)
    assert anaphoric_target(dismissal, [club, buyer]) == club
    other_figure = stmt("s4", "Luis Ferraro", "Twenty million is a number someone has invented", start=160)
    assert anaphoric_target(other_figure, [club, buyer]) is None
    praise = stmt("s5", "Luis Ferraro", "Eighteen million is a fair price for a striker", start=160)
    assert anaphoric_target(praise, [club, buyer]) is None


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


def test_the_figures_are_all_of_the_sides_figures() -> None:
    claim = dataclasses.replace(stmt("s1", "Nurses Union", "night shifts ran with one nurse to 12 patients"),
                                quantities=((12.0, "patient"),))
    account = dataclasses.replace(stmt("s2", "Nurses Union", "I have done nights alone with 14 patients", start=60),
                                  quantities=((14.0, "patient"),))
    reject = stmt("s3", "St Aldric Hospital", "the figures", stance="reject", cue_lemma="reject", start=120)
    assert back_references(reject, [claim, account]) == (account, claim)


def test_a_negated_degree_points_back_at_the_latest_figure_of_another_side() -> None:
    figure = stmt("s1", "Ingrid Solheim", "Thirty hours is what customers will get")
    other = stmt("s2", "Brightwave", "returns were in line with other laptops", start=60)
    denial = stmt("s3", "Oscar Nwosu", "We followed their method. The battery simply does not last that long",
                  start=120)
    assert back_references(denial, [figure, other]) == (figure,)
    # No figure before it, no referent; an affirmed degree points at nothing.
    assert back_references(denial, [other]) == ()
    assert back_references(dataclasses.replace(denial, content="It lasts that long"), [figure, other]) == ()


def test_a_negation_about_the_figure_answers_whoever_last_gave_one() -> None:
    fee = stmt("s1", "Luis Ferraro", "the fee was 11 million euros")
    invented = stmt("s2", "Luis Ferraro", "Eighteen million is a number someone in Kestrel has invented", start=60)
    defence = stmt("s3", "Neil Osgood", "the club had not inflated the figure", start=140)
    assert back_references(defence, [fee, invented]) == (invented,)
    assert back_references(dataclasses.replace(defence, content="the club had published the figure"),
                           [fee, invented]) == ()
