"""Canonical names of people: without titles, one per person in an article."""

from __future__ import annotations

import pytest
from attribution_statements import statements

from factcheck.attribution.stage import AttributionStage


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("Superintendent Carol Fenwick said the school would close in June.",
         "Superintendent Carol Fenwick", "Carol Fenwick"),
        ("Councilwoman Teresa Lindqvist said the budget figure was wrong.",
         "Councilwoman Teresa Lindqvist", "Teresa Lindqvist"),
        ("Housing Minister Priya Ramanathan said rents had fallen last year.",
         "Housing Minister Priya Ramanathan", "Priya Ramanathan"),
        ("Chief executive Alan Brightwell said the wards were fully staffed.",
         "Chief executive Alan Brightwell", "Alan Brightwell"),
        ("Dr. Hélène Marchetti said the vaccine was safe for children.",
         "Dr. Hélène Marchetti", "Hélène Marchetti"),
        ("Sen. Ann Ross said the bill would fail in the spring.", "Sen. Ann Ross", "Ann Ross"),
        ("Provost Margaret Oyelaran said tuition fees had not risen.",
         "Provost Margaret Oyelaran", "Margaret Oyelaran"),
        ("Judge Harold Quist said the case against the firm was weak.",
         "Judge Harold Quist", "Harold Quist"),
        # a title that is also a first name stays when only a surname would be left
        ("Club captain Dean Sorensen said the players had lost faith.",
         "Club captain Dean Sorensen", "Dean Sorensen"),
    ],
)
def test_person_canonical_name_has_no_title(stage: AttributionStage, text: str, mention: str,
                                            speaker: str) -> None:
    s = statements(stage, text)[0]
    assert (s.speaker_mention, s.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Superintendent Carol Fenwick said the school would close in June. "
         "Fenwick said the building was unsafe.", ["Carol Fenwick", "Carol Fenwick"]),
        ("Councilwoman Teresa Lindqvist said the budget figure was wrong. "
         "Lindqvist said the mayor had misled voters.", ["Teresa Lindqvist", "Teresa Lindqvist"]),
        # the parser calls the full name an organisation and the surname a person
        ("Varga's agent, Dragan Petrov, said the fee was never agreed. "
         "Petrov said the club had lied about the deal.", ["Dragan Petrov", "Dragan Petrov"]),
        # a first name alone
        ("Marisol Vega said her water had been brown for a week. "
         "Marisol said nobody from the company had called her.", ["Marisol Vega", "Marisol Vega"]),
    ],
)
def test_short_mention_resolves_to_the_full_name(stage: AttributionStage, text: str,
                                                 speakers: list[str]) -> None:
    assert [s.speaker for s in statements(stage, text)] == speakers


def test_people_sharing_a_surname_stay_apart(stage: AttributionStage) -> None:
    text = ("Tobias Greaves said the figures were wrong. Martin Greaves said the figures were right. "
            "Greaves said the report would be withdrawn.")
    assert [s.speaker for s in statements(stage, text)] == ["Tobias Greaves", "Martin Greaves", "Martin Greaves"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a title word inside an organisation's name
        ("The Prince Charles Hospital said the ward would reopen in May.", "Prince Charles Hospital"),
        ("The Pellston Unified School District said the school would close.", "Pellston Unified School District"),
    ],
)
def test_organisation_names_are_not_tidied(stage: AttributionStage, text: str, speaker: str) -> None:
    assert statements(stage, text)[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The campaign of state Senate candidate Rebecca Hale said ballots had been lost.",
         "Rebecca Hale campaign"),
        ("The office of Governor Mark Dunn said the roads would reopen.", "Mark Dunn office"),
    ],
)
def test_body_of_one_person_is_named_by_the_person(stage: AttributionStage, text: str, speaker: str) -> None:
    assert statements(stage, text)[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Leticia Moraes, a machine operator who escaped, described the fire. "
         "\u201cWe pushed on the side door and it would not budge,\u201d she said.", ["Leticia Moraes"]),
        ("Tom Abel, a film producer, lost his savings. \u201cNobody warned us about the fund,\u201d he said.",
         ["Tom Abel"]),
    ],
)
def test_person_with_a_job_that_names_companies_too_stays_a_person(stage: AttributionStage, text: str,
                                                                  speakers: list[str]) -> None:
    assert [s.speaker for s in statements(stage, text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a modifier before a party member's noun is no title before a name
        ("Rep. Adam Schiff, the top Democrat on the committee, said Russia had hacked the party.", "Adam Schiff"),
        ("Sen. Jo Hart, the senior Republican on the panel, said the budget was too small.", "Jo Hart"),
    ],
)
def test_modifier_before_a_proper_noun_is_no_title(stage: AttributionStage, text: str, speaker: str) -> None:
    assert statements(stage, text)[0].speaker == speaker


def test_company_someone_runs_is_not_named_by_them(stage: AttributionStage) -> None:
    text = "The company of Tom Clarke said the mines would reopen."
    assert statements(stage, text)[0].speaker != "Tom Clarke company"
