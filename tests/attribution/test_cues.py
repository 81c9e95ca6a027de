from __future__ import annotations

import pytest

from factcheck.attribution.cues import (
    content_stance,
    flip_for_negation,
    learned_verb_cues,
    rejects_what_came_before,
    verb_cue_stance,
)


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [("deny", "deny"), ("reject", "reject"), ("dismiss", "reject"), ("refute", "deny"), ("dispute", "deny"),
     ("insist", "assert"), ("accuse", "accuse"), ("allege", "accuse"), ("claim", "assert"),
     ("announce", "assert"), ("warn", "warn"), ("admit", "admit"), ("question", "question"), ("say", "assert")],
)
def test_core_cues(lemma: str, stance: str) -> None:
    assert verb_cue_stance(lemma, min_share=0.3) == stance


def test_non_cue_verbs_are_not_cues() -> None:
    assert verb_cue_stance("eat", min_share=0.3) is None
    assert verb_cue_stance("run", min_share=0.3) is None


def test_learned_lexicon_ships_and_adds_long_tail() -> None:
    learned = learned_verb_cues()
    assert len(learned) > 100
    assert learned["lament"] > 0.5
    assert verb_cue_stance("lament", min_share=0.3) == "assert"


def test_negation_flips_denial() -> None:
    # "He did not dispute that he lends his thoughts to Mr. Trump" concedes it
    assert flip_for_negation("deny") == "admit"
    assert flip_for_negation("reject") == "assert"
    assert flip_for_negation("accuse") == "accuse"


def test_a_negated_opinion_denies_and_a_negated_report_says_nothing() -> None:
    assert flip_for_negation("assert", "believe") == "deny"
    assert flip_for_negation("assert", "agree") == "reject"
    assert flip_for_negation("assert", "mention") is None
    assert flip_for_negation("assert", "say") is None


def test_rejecting_content_turns_said_into_reject() -> None:
    assert content_stance("assert", "This does not meet our demand") == "reject"
    assert content_stance("assert", "We are acting on that experience") == "assert"
    assert content_stance("assert", "That’s simply not true") == "reject"
    assert content_stance("assert", "This doesn't go far enough") == "reject"
    assert content_stance("assert", "The plan falls short of what families need") == "reject"
    # The pronoun is the subject of another verb; the negation is said of someone else.
    assert content_stance("assert", "it means Trump “may not have paid a dime” in federal income taxes") == "assert"
    assert content_stance("assert", "The plan falls on a Tuesday") == "assert"


@pytest.mark.parametrize(("content", "rejects"), [
    ("This does not meet our demand", True),
    ("That's simply not true", True),
    ("The plan falls short of what families need", True),
    ("It's not a campaign anymore, it's a movement", False),  # "it" points back at nothing
    ("It wasn't surprising for me", False),
    ("That will benefit not only Mr. Trump, but all the races", False),
])
def test_content_that_rejects_what_came_before(content: str, rejects: bool) -> None:
    assert rejects_what_came_before(content) is rejects
