"""Resolve speaker phrases ("he", "the company", "a statement from the center")
to the canonical named source of the article.

A light, article-local coreference: named entities are collected with their
aliases ("Pena Nieto" for "Enrique Pena Nieto"), pronouns go to the nearest
compatible source before them, and definite nominals go to an earlier name
that contains their head noun or that the article described with it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from factcheck.attribution.extract import RawAttribution, carrier_source, noun_phrase

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
THING_PRONOUNS = frozenset({"it"})
COMPANY_NOUNS = frozenset({"company", "firm", "maker", "manufacturer", "developer", "vendor", "startup",
                           "corporation", "business", "group", "giant", "retailer", "bank"})
COMPANY_NAME = re.compile(r"\b(Group|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|Co\.|Company|Technologies|Holdings)$")
_DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_WINDOW_CHARS = 2500


@dataclasses.dataclass(frozen=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    described_as: frozenset[str] = frozenset()


@dataclasses.dataclass(frozen=True)
class ResolvedSpeaker:
    canonical: str
    mention: str
    label: str  # PERSON, ORG, GROUP or "" when unknown


def _strip_det(text: str) -> str:
    return _DETERMINERS.sub("", text.strip()).strip(" ,;:")


def _descriptions(doc: Doc, start: int, end: int) -> frozenset[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return frozenset()
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


class SpeakerResolver:
    """Article-local speaker resolution over one parsed article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities = [
            Entity(e.text, e.label_, e.start_char, e.end_char, _descriptions(doc, e.start_char, e.end_char))
            for e in doc.ents
            if e.label_ in _NAMED
        ]
        self.people = self._full_names()
        self.history: list[tuple[int, ResolvedSpeaker]] = []

    def _full_names(self) -> dict[str, str]:
        """Alias -> longest full name for people ("Nieto", "Pena Nieto" -> "Enrique Pena Nieto")."""
        names: dict[str, str] = {}
        for e in sorted((e for e in self.entities if e.label == "PERSON"), key=lambda e: -len(e.text.split())):  # noqa: E731
            words = e.text.replace("’s", "").replace("'s", "").split()
            for k in range(1, len(words) + 1):
                alias = " ".join(words[-k:])
                names.setdefault(alias, " ".join(words))
        return names

    def _canonical_entity(self, e: Entity) -> ResolvedSpeaker:
        text = _strip_det(e.text.replace("’s", "").replace("'s", "") if e.text.endswith(("’s", "'s")) else e.text)
        if text in self.people:
            return ResolvedSpeaker(self.people[text], e.text, "PERSON")
        return ResolvedSpeaker(text, e.text, e.label if e.label != "NORP" else "GROUP")

    def _entities_in(self, start: int, end: int) -> list[Entity]:
        return [e for e in self.entities if start <= e.start and e.end <= end]

    def _before(self, pos: int) -> list[Entity]:
        return sorted((e for e in self.entities if e.end <= pos and pos - e.end < _WINDOW_CHARS),
                      key=lambda e: -e.end)  # noqa: E731

    def resolve(self, att: RawAttribution) -> ResolvedSpeaker:
        resolved = self._resolve(att)
        self.history.append((att.speaker_start, resolved))
        return resolved

    def _resolve(self, att: RawAttribution) -> ResolvedSpeaker:
        mention = att.speaker_text
        head = self.doc[att.speaker_head] if att.speaker_head >= 0 else None
        if head is not None:
            source = carrier_source(head)
            if source.i != head.i:
                inner = self._from_phrase(source, mention)
                return inner if inner is not None else self._nominal(source, mention, source.idx)
            if head.pos_ == "PRON":
                return self._pronoun(head, mention)
        found = self._from_phrase(head, mention) if head is not None else None
        if found is not None:
            return found
        return self._nominal(head, mention, att.speaker_start)

    def _from_phrase(self, head: Token, mention: str) -> ResolvedSpeaker | None:
        phrase = noun_phrase(head)
        if not phrase:
            return None
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        ents = self._entities_in(start, end)
        if head.pos_ == "PRON":
            return self._pronoun(head, mention)
        people = [e for e in ents if e.label == "PERSON" or _strip_det(e.text) in self.people]
        orgs = [e for e in ents if e.label == "ORG"]
        # The entity must be the phrase's head or stand in apposition to it,
        # not sit in a modifier ("the lawyer for Smith's rival").
        for pool in (people, orgs):
            for e in reversed(pool):
                span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                if root.i == head.i or root.dep_ in {"appos", "compound"} and root.head.i == head.i or head in span:
                    r = self._canonical_entity(e)
                    return ResolvedSpeaker(r.canonical, mention, r.label)
        if head.pos_ == "PROPN" and _strip_det(" ".join(t.text for t in phrase)) in self.people:
            return ResolvedSpeaker(self.people[_strip_det(" ".join(t.text for t in phrase))], mention, "PERSON")
        if head.pos_ == "PROPN" and not ents:
            return ResolvedSpeaker(_strip_det(" ".join(t.text for t in phrase)), mention, "")
        return None

    def _recent_speakers(self, pos: int, labels: frozenset[str]) -> list[tuple[int, ResolvedSpeaker]]:
        return [(p, r) for p, r in reversed(self.history) if p < pos and r.label in labels]

    def _pronoun(self, head: Token, mention: str) -> ResolvedSpeaker:
        word = head.lower_
        pos = head.idx
        if word in PERSON_PRONOUNS:
            candidates = [(e.end, self._canonical_entity(e)) for e in self._before(pos)
                          if e.label == "PERSON" or _strip_det(e.text) in self.people]
            candidates += self._recent_speakers(pos, frozenset({"PERSON"}))
        elif word in THING_PRONOUNS:
            candidates = [(e.end, self._canonical_entity(e)) for e in self._before(pos) if e.label == "ORG"]
            candidates += self._recent_speakers(pos, frozenset({"ORG"}))
        elif word in GROUP_PRONOUNS:
            candidates = self._recent_speakers(pos, frozenset({"GROUP", "ORG", ""}))
        else:
            candidates = []
        if not candidates:
            return ResolvedSpeaker(mention, mention, "")
        best = max(candidates, key=_position)
        return ResolvedSpeaker(best[1].canonical, mention, best[1].label)

    def _nominal(self, head: Token | None, mention: str, pos: int) -> ResolvedSpeaker:
        plain = _strip_det(mention)
        if head is None:
            return ResolvedSpeaker(plain, mention, "")
        lemma = head.lemma_.lower()
        word = head.text.lower()
        definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children)
        if definite:
            for e in self._before(pos):
                if e.label != "ORG":
                    continue
                names = {w.lower() for w in re.findall(r"[A-Za-z]+", e.text)}
                if word in names or lemma in names or lemma in e.described_as:
                    return ResolvedSpeaker(self._canonical_entity(e).canonical, mention, "ORG")
                if lemma in COMPANY_NOUNS and (COMPANY_NAME.search(e.text) or e.described_as & COMPANY_NOUNS):
                    return ResolvedSpeaker(self._canonical_entity(e).canonical, mention, "ORG")
            for _, r in reversed(self.history):
                if r.canonical.lower().split()[-1:] == [word]:
                    return ResolvedSpeaker(r.canonical, mention, r.label)
        label = "GROUP" if head.tag_ in {"NNS", "NNPS"} else ""
        return ResolvedSpeaker(plain, mention, label)


def _position(item: tuple[int, ResolvedSpeaker]) -> int:
    return item[0]


def resolve_speakers(doc: Doc, atts: Sequence[RawAttribution]) -> list[ResolvedSpeaker]:
    """Canonical speakers for ``atts`` (in text order of their speakers)."""
    resolver = SpeakerResolver(doc)
    order = sorted(range(len(atts)), key=lambda i: atts[i].speaker_start)  # noqa: E731
    out: list[ResolvedSpeaker | None] = [None] * len(atts)
    for i in order:
        out[i] = resolver.resolve(atts[i])
    return [r for r in out if r is not None]
