"""The named sources of one article: people with their aliases ("Nieto" for
"Enrique Pena Nieto"), organisations with theirs ("Veltra" for "Veltra Pharma")
and the kinds of organisation the article says each one is.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span

from factcheck.attribution.nominals import description_kinds, name_kinds

_DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Mentions of these kinds are organisations only when the article says so.
_MAYBE_ORG = frozenset({"PERSON", "GPE", "NORP", "FAC"})
# A person-like or place name whose own words say organisation ("Dalgren Pharma"); not
# a city ("Kansas City").
_NAMED_LIKE_ORG = frozenset({"PERSON", "FAC"})
_NAME_GLUE = frozenset({"of", "for", "and", "the", "&"})


def strip_det(text: str) -> str:
    return _DETERMINERS.sub("", text.strip()).strip(" ,;:")


def bare_name(text: str) -> str:
    """'The Sela River Trust' -> 'Sela River Trust'; "Russo's" -> 'Russo'."""
    return strip_det(_POSSESSIVE.sub("", text.strip()))


@dataclasses.dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PERSON, ORG, NORP, GPE or FAC as the parser saw it
    start: int
    end: int
    described_as: frozenset[str] = frozenset()
    role: str = ""  # the dependency of the mention's head ("nsubj", "compound", ...)


def _descriptions(doc: Doc, span: Span) -> frozenset[str]:
    """Heads above the mention and appositions to it (for nominal matching)."""
    words: set[str] = set()
    head = span.root
    for _ in range(3):
        words.add(head.lemma_.lower())
        for child in head.children:
            if child.dep_ == "appos":
                words.add(child.lemma_.lower())
        if head.head.i == head.i:
            break
        head = head.head
    return frozenset(words)


def _kind_nouns(span: Span) -> set[str]:
    """Nouns the article describes a mention with: 'FlyFair, a consumer
    organisation', 'the low-cost carrier SkyMara', 'the company Veltra'."""
    root = span.root
    nouns = {c.lemma_.lower() for c in root.children
             if c.dep_ in {"appos", "compound"} and c.pos_ == "NOUN" and c.i not in range(span.start, span.end)}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.add(root.head.lemma_.lower())
    return nouns


class ArticleEntities:
    """Named mentions of one parsed article, with canonical names and kinds.

    An organisation is a mention the parser calls one or the article describes
    as one ("the mining company Ostrava Copper") or whose name says it is one
    ("Dalgren Pharma"); its leading words are its
    aliases when no other organisation shares them. A person's full name and
    its surname win over an organisation label on the surname alone.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[Entity] = []
        described: list[set[str]] = []
        for e in doc.ents:
            if e.label_ in NAMED_LABELS | {"FAC"}:
                self.mentions.append(Entity(e.text, e.label_, e.start_char, e.end_char,
                                            _descriptions(doc, e), e.root.dep_))
                described.append(description_kinds(_kind_nouns(e)))
        org_names = {bare_name(m.text) for m, kinds in zip(self.mentions, described, strict=True)
                     if m.label == "ORG" or m.label in _MAYBE_ORG and kinds
                     or m.label in _NAMED_LIKE_ORG and name_kinds(bare_name(m.text))}
        self.org_alias = _org_aliases(org_names)
        self.people = self._full_names()
        self.kinds: dict[str, set[str]] = {}
        for m, kinds in zip(self.mentions, described, strict=True):
            name = self.org_name(m)
            if name is not None:
                self.kinds.setdefault(name, set()).update(name_kinds(name) | kinds)

    def _full_names(self) -> dict[str, str]:
        """Alias -> longest full name for people ("Nieto", "Pena Nieto" -> "Enrique Pena Nieto")."""
        names: dict[str, str] = {}
        people = [m for m in self.mentions if m.label == "PERSON" and bare_name(m.text) not in self.org_alias]
        for m in sorted(people, key=lambda m: -len(m.text.split())):  # noqa: E731
            words = m.text.replace("’s", "").replace("'s", "").split()
            for k in range(1, len(words) + 1):
                names.setdefault(" ".join(words[-k:]), " ".join(words))
        return names

    def org_name(self, m: Entity) -> str | None:
        """The full name of the organisation a mention names, or None."""
        name = bare_name(m.text)
        if name in self.people:
            return None
        return self.org_alias.get(name)

    def kinds_of(self, name: str) -> set[str]:
        return self.kinds.get(name, set())

    def is_person(self, m: Entity) -> bool:
        return self.org_name(m) is None and (m.label == "PERSON" or bare_name(m.text) in self.people)


def _org_aliases(names: set[str]) -> dict[str, str]:
    """Each name and its unique leading words -> the full organisation name."""
    alias: dict[str, str] = {n: n for n in names}
    shared: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        for k in range(1, len(words)):
            if words[k - 1].lower() in _NAME_GLUE:
                break
            shared.setdefault(" ".join(words[:k]), set()).add(name)
    for short, full in shared.items():
        if len(full) == 1:
            alias[short] = next(iter(full))
    return alias
