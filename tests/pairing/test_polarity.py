from __future__ import annotations

import pytest

from factcheck.pairing.polarity import opposite_polarity, polarity, polarity_conflict


@pytest.mark.parametrize(("a", "b", "term", "negating"), [
    ("poll workers saw ballots placed in recycling bins", "the bins held empty outer envelopes, not ballots",
     "ballot", "b"),
    ("the man pointed a handgun at officers", "her brother never had a gun", "gun", "b"),
    ("hackers accessed names, but no bank account or Social Security numbers",
     "she found a file containing bank account details", "account", "a"),
])
def test_a_word_negated_on_one_side_and_affirmed_on_the_other(a: str, b: str, term: str, negating: str) -> None:
    assert polarity_conflict(a, b) == (term, negating)


@pytest.mark.parametrize(("a", "b"), [
    # The subject of a negated clause is not what it denies.
    ("Patients should not stop taking their medication", "about 120,000 patients received pills"),
    # Refusing to comment negates nothing it names.
    ("the senator would not comment on the campaign's claims", "the campaign filed claims in court"),
    # Both sides negate it: they agree.
    ("no ballots were lost", "not a single ballot was lost"),
    # Names are not propositions: "Nobody from Corvane called" says nothing against Corvane.
    ("Nobody from Corvane has called me", "Corvane notified every customer"),
])
def test_no_conflict(a: str, b: str) -> None:
    assert polarity_conflict(a, b) is None


def test_scope_stops_at_the_clause() -> None:
    p = polarity("the plant was not inspected, and the river carried waste")
    assert "inspected" in p.negated
    assert {"river", "carried", "waste"} <= p.affirmed


def test_ignored_words_never_conflict() -> None:
    assert polarity_conflict("the club approved the meeting", "he did not ask the club", ignore=frozenset({"club"})) \
        is None


@pytest.mark.parametrize("refusal", ["Prosecutors have not clarified what type of technical assistance they need",
                                     "the ministry would not comment on the technical assistance",
                                     "officials declined and did not explain the technical assistance"])
def test_failing_to_speak_negates_nothing(refusal: str) -> None:
    assert polarity_conflict("the creation of a technical support group with assistance", refusal) is None


def test_a_negated_noun_phrase_ends_at_its_attachment() -> None:
    p = polarity("no permit to alter drainage on the marsh had been applied for")
    assert p.negated == {"permit"}
    assert polarity_conflict("ditches cut across the marsh", "no permit to alter drainage on the marsh") is None


def test_a_correction_about_a_shared_subject_takes_the_opposite_polarity() -> None:
    a, b = "new ditches cut across the marsh in February", "Those ditches were cleared, not dug"
    assert opposite_polarity(a, b, shared_subject=True) == ("dug", "b")
    assert opposite_polarity(a, b, shared_subject=False) is None


@pytest.mark.parametrize(("no_effect", "expected"), [
    ("the French strike had not affected the route", "strike"),
    ("SkyMara had hidden behind a strike that never touched this flight", "strike"),
    ("the strike had begun on Monday", None),  # no denial of its effect
])
def test_a_named_cause_said_to_have_no_effect(no_effect: str, expected: str | None) -> None:
    cause = "the cancellation was caused by an air traffic control strike in France"
    found = opposite_polarity(cause, no_effect, shared_subject=False)
    assert (found[0] if found else None) == expected


def test_no_effect_without_a_named_cause_is_no_conflict() -> None:
    assert opposite_polarity("the fire started in the kitchen", "the fire had not affected the east wing",
                             shared_subject=True) is None
