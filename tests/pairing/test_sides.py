from __future__ import annotations

import pytest

from factcheck.pairing.sides import SideIndex, named_in, names_side, same_side
from factcheck.records import Statement


def stmt(sid: str, speaker: str, mention: str, content: str = "something happened", *, start: int = 0,
         sentence: str = "") -> Statement:
    return Statement(id=sid, speaker=speaker, speaker_mention=mention, cue="said", kind="indirect", stance="assert",
                     content=content, sentence=sentence or content, start=start, end=start + len(content),
                     cue_lemma="say")


@pytest.mark.parametrize(("mention", "owner_speaker", "owner_mention"), [
    ("the company’s chief executive, Pieter van Loon", "Ostrava Copper", "The company"),
    ("the institute's research director, Tobias Greaves", "Meridian Policy Institute", "The Meridian Policy Institute"),
    ("A spokeswoman for the airline", "SkyMara", "The airline"),
    ("Grace Adeyemi, a surgical nurse and union representative", "Allied Nurses Union", "The Allied Nurses Union"),
    ("Ferrante's lawyer, Marta Ruiz", "Luca Ferrante", "Luca Ferrante"),
    ("Clinton campaign communications director Jennifer Palmieri", "Hillary Clinton", "Clinton"),
    ("Trump campaign chairman Paul Manafort", "Donald Trump", "Trump"),
    # in the plural too
    ("Mrs. Clinton's advisers", "Hillary Clinton", "Clinton"),
    ("Russo's lawyers", "Luca Russo", "Russo"),
    # A party's staff speak for the party.
    ("A Democratic aide", "Democrats", "Democrats"),
    ("a senior Republican committee aide", "Republicans", "Republicans"),
])
def test_a_speaker_who_speaks_for_a_body_is_on_its_side(mention: str, owner_speaker: str,
                                                         owner_mention: str) -> None:
    body = stmt("s1", owner_speaker, owner_mention)
    person = stmt("s2", "Someone Else", mention, start=100)
    index = SideIndex([body, person])
    assert same_side(index["s1"], index["s2"])


def test_people_named_for_a_body_are_on_its_side_when_the_body_speaks_later() -> None:
    # "Executives for Mondelez" is the speaker's own name, so it cannot be the body it speaks for.
    executives = stmt("s1", "Executives for Mondelez", "Executives for Mondelez")
    company = stmt("s2", "Mondelez International", "The company", start=300)
    index = SideIndex([executives, company])
    assert same_side(index["s1"], index["s2"])


@pytest.mark.parametrize("mention", [
    "Opposition housing spokesman Carl Jennings",  # speaks on housing, not for the housing ministry
    "Russo's team manager, Paul Mbeki",  # a bare name's team employs him; it is a side of its own
    "the mayor's rival, Ann Lee",
    "Ann Lee, a two-decade veteran of the housing ministry",  # once of the ministry, speaking for herself
])
def test_roles_that_do_not_speak_for_the_named_body(mention: str) -> None:
    body = stmt("s1", "Mateo Russo" if "Russo" in mention else "housing ministry" if "housing" in mention
                else "Mayor Tom Hart", "the housing ministry" if "housing" in mention else "he")
    person = stmt("s2", "Other Person", mention, start=100)
    index = SideIndex([body, person])
    assert not same_side(index["s1"], index["s2"])


def test_a_partys_lawmaker_speaks_for_herself_not_for_the_party() -> None:
    party = stmt("s1", "Republicans", "Republicans")
    for mention, on_side in (("a Republican committee aide", True), ("Republican Sen. Ann Lee", False)):
        index = SideIndex([party, stmt("s2", "Ann Lee", mention, start=100)])
        assert same_side(index["s1"], index["s2"]) is on_side, mention


def test_affiliation_holds_for_every_statement_of_the_speaker() -> None:
    body = stmt("s1", "Ostrava Copper", "Ostrava Copper", sentence="The mining company Ostrava Copper denied it.")
    first = stmt("s2", "Pieter van Loon", "the company’s chief executive, Pieter van Loon", start=100)
    later = stmt("s3", "Pieter van Loon", "He", start=200)
    index = SideIndex([body, first, later])
    assert "Ostrava Copper" in index["s3"].names


def test_a_named_body_is_not_another_that_shares_a_word_of_its_name() -> None:
    # "the Tax Policy Center" is not the Tax Foundation, so its director speaks for neither.
    foundation = stmt("s1", "Tax Foundation", "the conservative-leaning Tax Foundation")
    director = stmt("s2", "Len Burman", "Len Burman, director of the centrist Tax Policy Center", start=100)
    index = SideIndex([foundation, director])
    assert index["s2"].names == ("Len Burman",)
    assert not same_side(index["s1"], index["s2"])
    assert not names_side("tax relief", index["s2"])


def test_organisations_sharing_a_place_name_are_different_sides() -> None:
    index = SideIndex([stmt("s1", "Carrick University", "The university"),
                       stmt("s2", "Carrick Student Union", "The Carrick Student Union", start=80)])
    assert not same_side(index["s1"], index["s2"])


def test_an_accused_phrase_names_the_side_by_name_role_or_management() -> None:
    index = SideIndex([stmt("s1", "SkyMara", "SkyMara"),
                       stmt("s2", "Priya Ramanathan", "Housing Minister Priya Ramanathan", start=50),
                       stmt("s3", "Alan Brightwell", "Chief executive Alan Brightwell", start=90)])
    assert names_side("the low-cost carrier SkyMara", index["s1"])
    assert names_side("the minister", index["s2"])
    assert names_side("managers", index["s3"])
    assert not names_side("the minister", index["s1"])
    assert not names_side("managers", index["s2"])


def test_officials_of_a_kind_of_body_name_whoever_speaks_for_one() -> None:
    index = SideIndex([stmt("s1", "Patrick Dunleavy", "Patrick Dunleavy, general secretary of the Tram Workers’ Union"),
                       stmt("s2", "Corvell Transit", "The operator, Corvell Transit", start=90)])
    assert names_side("union officials", index["s1"])
    assert not names_side("union officials", index["s2"])
    assert not names_side("officials", index["s1"])


def test_named_in_content_by_name_surname_or_the_articles_own_phrase() -> None:
    index = SideIndex([stmt("s1", "St Aldric Regional Hospital", "The hospital"),
                       stmt("s2", "Luca Ferrante", "Luca Ferrante", start=50),
                       stmt("s3", "Ostrava Copper", "Ostrava Copper", start=90)])
    assert named_in("night shifts on the hospital’s four surgical wards", index["s1"])
    assert named_in("Ferrante was dismissed for gross misconduct", index["s2"])
    assert not named_in("samples contained copper at four times the limit", index["s3"])


@pytest.mark.parametrize(("mention", "on_side"), [
    ("His lawyer, Miriam Achterberg", True),
    ("Its director, Tomas Reyes", True),
    ("His rival, Tom Lee", False),
    ("Her neighbour, Ann Fry", False),
])
def test_a_possessive_pronoun_owner_is_the_speaker_before(mention: str, on_side: bool) -> None:
    index = SideIndex([stmt("s1", "Luca Ferrante", "Luca Ferrante"), stmt("s2", "Someone", mention, start=60)])
    assert same_side(index["s1"], index["s2"]) is on_side


def test_a_place_name_inside_a_claim_does_not_name_a_group_called_after_it() -> None:
    index = SideIndex([stmt("s1", "Save Millbrook", "A parents’ group, Save Millbrook")])
    assert not named_in("We are spending more per child at Millbrook than at any other school", index["s1"])
    assert not named_in("Millbrook Elementary will close", index["s1"])


@pytest.mark.parametrize(("mention", "owner_speaker", "start", "on_side"), [
    ("Trump campaign spokesman Jason Miller", "Donald Trump", 100, True),
    ("Clinton spokesman Nick Merrill", "Hillary Clinton", 100, True),
    # A spokeswoman the article gives no owner speaks for the body the statement just before spoke of ...
    ("Spokeswoman Jessica Ditto", "Donald Trump campaign", 100, True),
    # ... when it is just before, not pages earlier.
    ("Spokeswoman Jessica Ditto", "Donald Trump campaign", 3000, False),
    ("White House spokesman Josh Earnest", "Donald Trump", 100, False),
])
def test_a_spokesperson_titled_by_name_or_by_role_alone(mention: str, owner_speaker: str, start: int,
                                                         on_side: bool) -> None:
    index = SideIndex([stmt("s1", owner_speaker, owner_speaker),
                       stmt("s2", " ".join(mention.split()[-2:]), mention, start=start)])
    assert same_side(index["s1"], index["s2"]) is on_side
