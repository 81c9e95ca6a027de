from __future__ import annotations

import dataclasses

import pytest
from pairing_statements import stmt

from factcheck.pairing.polarity import causal_denial, correction, opposite_polarity, polarity_conflict, speaks_of_itself
from factcheck.records import Statement


def said(content: str, keywords: tuple[str, ...], negated: tuple[str, ...] = ()) -> Statement:
    return dataclasses.replace(stmt("s", "Someone", content, keywords=keywords), negated_terms=negated)


@pytest.mark.parametrize(("a", "b", "term", "negating"), [
    (said("poll workers saw ballots placed in recycling bins", ("poll", "worker", "ballot", "place", "bin")),
     said("the bins held empty outer envelopes, not ballots", ("bin", "hold", "envelope", "ballot"), ("ballot",)),
     "ballot", "b"),
    # A compound's head: a handgun is a gun.
    (said("the man pointed a handgun at officers", ("man", "point", "handgun", "officer")),
     said("her brother never had a gun", ("brother", "gun"), ("gun",)), "gun", "b"),
    (said("no bank account numbers were exposed", ("bank", "account", "number", "expose"), ("account", "bank")),
     said("she found a file containing bank account details", ("find", "file", "bank", "account", "detail")),
     "account", "a"),
])
def test_a_noun_negated_on_one_side_and_affirmed_on_the_other(a: Statement, b: Statement, term: str,
                                                             negating: str) -> None:
    assert polarity_conflict(a, b) == (term, negating)


def test_a_word_ending_in_the_negated_noun_counts_only_when_it_is_a_kind_of_it() -> None:
    rates = said("closing loopholes for the wealthy involves some administration", ("close", "loophole", "wealthy"))
    hole = said("the plan would not blow open a $10 trillion hole", ("plan", "blow", "hole"), ("hole",))
    assert polarity_conflict(rates, hole) == ("hole", "b")  # by spelling alone
    asked: list[tuple[str, str]] = []

    def kind_of(compound: str, head: str) -> bool:
        asked.append((compound, head))
        return compound != "loophole"

    assert polarity_conflict(rates, hole, kind_of=kind_of) is None
    assert asked == [("loophole", "hole")]
    gun = said("the man pointed a handgun at officers", ("man", "point", "handgun", "officer"))
    denial = said("her brother never had a gun", ("brother", "gun"), ("gun",))
    assert polarity_conflict(gun, denial, kind_of=kind_of) == ("gun", "b")


def test_both_sides_negating_it_agree() -> None:
    a = said("no ballots were lost", ("ballot", "lose"), ("ballot",))
    b = said("not a single ballot was lost", ("single", "ballot", "lose"), ("ballot",))
    assert polarity_conflict(a, b) is None


def test_a_letter_taken_for_a_noun_is_no_disputed_thing() -> None:
    a = said("major changes are not a good idea", ("major", "change", "good", "a"), ("a",))
    b = said("it is a good idea to wait", ("good", "idea", "wait", "a"))
    assert polarity_conflict(a, b) is None


def test_ignored_words_never_conflict() -> None:
    a = said("the club approved the meeting", ("club", "approve", "meeting"))
    b = said("he did not ask the club", ("ask", "club"), ("club",))
    assert polarity_conflict(a, b, ignore=frozenset({"club"})) is None
    assert polarity_conflict(a, b) == ("club", "b")


@pytest.mark.parametrize(("no_effect", "expected"), [
    ("the French strike had not affected the route", "strike"),
    ("SkyMara had hidden behind a strike that never touched this flight", "strike"),
    ("the strike had begun on Monday", None),  # no denial of its effect
])
def test_a_named_cause_said_to_have_no_effect(no_effect: str, expected: str | None) -> None:
    assert causal_denial("the cancellation was caused by an air traffic control strike in France", no_effect) \
        == expected


def test_no_effect_without_a_named_cause_is_no_conflict() -> None:
    a = said("the fire started in the kitchen", ("fire", "start", "kitchen"))
    b = said("the fire had not affected the east wing", ("fire", "affect", "east", "wing"), ("wing",))
    assert opposite_polarity(a, b, shared_subject=True) is None


def test_a_correction_about_a_shared_subject_takes_the_opposite_polarity() -> None:
    a = said("new ditches cut across the marsh in February", ("new", "ditch", "cut", "marsh"))
    b = said("Those ditches were cleared, not dug", ("ditch", "clear", "dig"))
    assert correction(b.content) == ("cleared", "dug")
    assert opposite_polarity(a, b, shared_subject=True) == ("dug", "b")
    assert opposite_polarity(a, b, shared_subject=False) is None


@pytest.mark.parametrize("text", ["the sanctions are simply not working",
                                  "because terrorists are Muslim does not mean Muslims are terrorists",
                                  # two people contrasted, not two accounts of one thing
                                  "the person who needs to turn the narrative around is Donald Trump, not Hillary",
                                  # a conjunction before "not", an article after it
                                  "Major changes now are dangerous and not a good idea",
                                  # a shift of focus
                                  "he was worried not so much about miscalculations at sea"])
def test_an_adverb_or_auxiliary_before_not_is_no_correction(text: str) -> None:
    assert correction(text) is None


def test_a_general_noun_is_not_what_two_statements_dispute() -> None:
    a = said("there was a problem with the microphone during Monday night's debate",
             ("problem", "microphone", "monday", "night", "debate"))
    b = said("anybody who complains about a microphone is not having a good night",
             ("complain", "microphone", "good", "night"), ("night",))
    assert polarity_conflict(a, b) is None
    found = polarity_conflict(a, dataclasses.replace(b, negated_terms=("microphone",)))
    assert found is not None and found[1] == "b"


def test_two_sources_each_speaking_of_what_they_do_dispute_nothing() -> None:
    ours = dataclasses.replace(said("we won't be running his columns in the future", ("run", "column", "future"),
                                    ("column",)), subject="we")
    theirs = dataclasses.replace(said("we and our readers always enjoy his columns", ("reader", "enjoy", "column")),
                                 subject="we")
    assert polarity_conflict(ours, theirs) is None
    assert polarity_conflict(ours, dataclasses.replace(theirs, subject="readers")) == ("column", "a")
    # Where the parse found no subject, the first word says whom the content is about.
    assert polarity_conflict(ours, dataclasses.replace(theirs, subject="")) is None


@pytest.mark.parametrize(("content", "own"), [
    ("spending only $1 million supporting her", True),   # "liberal groups reported spending ..."
    ("denying any role in the leak", True),
    ("nothing had changed since the report", False),     # -ing, but no verb
    ("according to the filing, the plant stayed open", False),
])
def test_a_verb_in_ing_with_no_subject_is_the_speaker_s_own_doing(content: str, own: bool) -> None:
    assert speaks_of_itself(dataclasses.replace(said(content, ()), subject="")) is own
    # a direct quote opening in -ing is the speaker's words, not a report of their doing
    assert not speaks_of_itself(dataclasses.replace(said(content, ()), subject="", kind="direct"))


@pytest.mark.parametrize(("mention", "own"), [
    ("Bernie Sanders’ campaign", True),  # "Bernie Sanders' campaign says it raised more than $21 million"
    ("the company", True),
    ("officials", False),                # "officials say it was ...": "it" is something else
    ("Hillary Clinton", False),          # a name, maybe a person's
])
def test_the_it_of_a_body_s_indirect_speech_is_the_body(mention: str, own: bool) -> None:
    content = dataclasses.replace(said("it raised roughly $15 million in January", ()), subject="it",
                                  speaker_mention=mention)
    assert speaks_of_itself(content) is own
    assert not speaks_of_itself(dataclasses.replace(content, kind="direct"))
