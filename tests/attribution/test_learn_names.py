from __future__ import annotations

from factcheck.attribution.learn_names import votes
from factcheck.attribution.names import first_name_genders


def test_a_full_name_then_a_title_or_pronoun_votes_for_the_first_name() -> None:
    text = ("Hillary Clinton spoke in Ohio. Mrs. Clinton said the plan would pass. "
            "Donald Trump said he would win. The Senate met on Monday.")
    assert set(votes(text)) == {("hillary", "f"), ("donald", "m")}


def test_two_people_of_one_surname_give_no_title_vote() -> None:
    text = "Bill Clinton and Hillary Clinton arrived. Mrs. Clinton spoke first."
    assert ("hillary", "f") not in set(votes(text))


def test_the_shipped_names_hold_common_ones() -> None:
    names = first_name_genders()
    assert names["hillary"] == "f" and names["donald"] == "m"
    assert set(names.values()) == {"f", "m"}
