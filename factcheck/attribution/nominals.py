"""Kinds of organisation: what a nominal ("the club", "the think tank") can
refer to, and what a name or a description ("Rivermouth Athletic", "FlyFair, a
consumer organisation") says an organisation is.

A nominal's noun names one kind; a named organisation has the kinds of the
words in its name and of the nouns the article describes it with, each kind
with the broader kinds it belongs to (an airline is a company).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# kind -> nouns that name it, in a nominal, a description or anywhere in a name
_KIND_NOUNS: dict[str, frozenset[str]] = {
    "company": frozenset({
        "company", "firm", "maker", "manufacturer", "developer", "vendor", "startup", "corporation", "business",
        "giant", "retailer", "insurer", "lender", "miner", "producer", "supplier", "chain", "processor",
        "provider", "publisher", "conglomerate", "drugmaker", "automaker", "carmaker", "operator"}),
    "bank": frozenset({"bank", "lender"}),
    "airline": frozenset({"airline", "carrier"}),
    "club": frozenset({"club", "team", "franchise"}),
    "research": frozenset({"tank", "institute", "foundation", "centre", "center", "institution"}),
    "advocacy": frozenset({"group", "organisation", "organization", "charity", "campaign", "coalition",
                           "alliance", "network", "association", "union", "trust", "society",
                           "lobby", "federation", "league", "movement", "ngo"}),
    "regulator": frozenset({"regulator", "watchdog"}),
    "university": frozenset({"university", "college", "school", "academy"}),
    "hospital": frozenset({"hospital", "clinic", "infirmary"}),
    "media": frozenset({"newspaper", "paper", "broadcaster", "outlet", "magazine"}),
}
# kind -> words that say it only as the last word of a name ("Veltra Pharma", "Rivermouth Athletic")
_NAME_ENDINGS: dict[str, frozenset[str]] = {
    "company": frozenset({"inc", "corp", "ltd", "llc", "plc", "gmbh", "co", "technologies", "systems",
                          "holdings", "industries", "pharma", "pharmaceuticals", "motors", "energy", "mining",
                          "labs", "software", "foods", "partners", "capital", "enterprises", "solutions",
                          "group", "logistics", "networks", "communications", "telecom", "resources", "brands",
                          "biotech", "therapeutics", "insurance", "electronics", "chemicals", "steel", "oil",
                          "gas", "petroleum", "airlines", "retail", "media", "bancorp"}),
    "airline": frozenset({"airlines", "airways", "air"}),
    "regulator": frozenset({"authority", "commission", "agency", "inspectorate", "regulator"}),
    "club": frozenset({"fc", "afc", "athletic", "rovers", "wanderers", "albion", "town", "united", "city"}),
    "media": frozenset({"echo", "times", "post", "herald", "news", "gazette", "tribune", "journal"}),
}
# Kinds that belong to a broader one.
_BROADER: dict[str, str] = {"bank": "company", "airline": "company"}

# Public bodies: a nominal of these names one only by its own noun ("the commission").
_PUBLIC_BODY_NOUNS = frozenset({"ministry", "department", "agency", "commission", "authority", "office",
                                "bureau", "board", "government", "administration", "council", "police", "court",
                                "parliament", "inspectorate", "prosecutor", "army", "military"})

ORG_NOUNS = frozenset().union(*_KIND_NOUNS.values()) | _PUBLIC_BODY_NOUNS


def _broaden(kinds: set[str]) -> set[str]:
    return kinds | {_BROADER[k] for k in kinds if k in _BROADER}


def _kinds_of_word(word: str) -> set[str]:
    return _broaden({kind for kind, words in _KIND_NOUNS.items() if word in words})


def noun_kind(noun: str) -> str | None:
    """The kind a nominal's head noun refers to ("club" -> club, "airline" -> airline)."""
    noun = noun.lower()
    kinds = [kind for kind, words in _KIND_NOUNS.items() if noun in words]
    specific = [k for k in kinds if k != "company"]
    return (specific or kinds or [None])[0]


def name_kinds(name: str) -> set[str]:
    """Kinds that an organisation's name says ("Veltra Pharma" -> company)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    if len(words) < 2:
        return set()
    kinds: set[str] = set()
    for word in words:
        kinds |= _kinds_of_word(word)
    kinds |= {kind for kind, endings in _NAME_ENDINGS.items() if words[-1] in endings}
    return _broaden(kinds)


def description_kinds(nouns: Iterable[str]) -> set[str]:
    """Kinds the article's descriptions of an organisation say ("a consumer organisation")."""
    kinds: set[str] = set()
    for noun in nouns:
        kinds |= _kinds_of_word(noun.lower())
    return kinds


def compatible(noun: str, kinds: set[str]) -> bool:
    """Can a nominal with head ``noun`` refer to an organisation of ``kinds``?"""
    kind = noun_kind(noun)
    return kind is not None and kind in kinds
