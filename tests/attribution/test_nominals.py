from __future__ import annotations

import pytest

from factcheck.attribution.nominals import compatible, description_kinds, name_kinds, noun_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Veltra Pharma", "company"), ("Rivermouth Athletic", "club"), ("Meridian Policy Institute", "research"),
     ("Sela River Trust", "advocacy"), ("Carrick University", "university"), ("Nordic Airways", "airline"),
     ("Nordic Airways", "company"), ("Civil Aviation Authority", "regulator"), ("St. Anne's Hospital", "hospital")],
)
def test_name_says_the_kind(name: str, kind: str) -> None:
    assert kind in name_kinds(name)


@pytest.mark.parametrize("name", ["FlyFair", "Ann Lee", "Sela River"])
def test_name_without_a_kind_word_says_none(name: str) -> None:
    assert name_kinds(name) == set()


@pytest.mark.parametrize(
    ("noun", "kinds", "fits"),
    [("company", {"airline", "company"}, True), ("airline", {"company"}, False), ("club", {"club"}, True),
     ("tank", {"research"}, True), ("group", {"advocacy"}, True), ("group", {"company"}, False),
     ("government", {"regulator"}, False), ("ministry", {"company"}, False), ("spokeswoman", {"company"}, False)],
)
def test_compatible(noun: str, kinds: set[str], fits: bool) -> None:
    assert compatible(noun, kinds) is fits


def test_descriptions_and_nouns() -> None:
    assert description_kinds(["organisation"]) == {"advocacy"}
    assert description_kinds(["carrier"]) == {"airline", "company"}
    assert noun_kind("think") is None
    assert noun_kind("lender") == "bank"
